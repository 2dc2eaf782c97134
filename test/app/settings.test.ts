import { DEFAULT_HOST_CONFIG } from "../../src/app/host-config";
import { loadSettings, SETTINGS_KEY, type SettingsOptions } from "../../src/app/settings";
import { DEFAULT_POLICY, parsePolicy } from "../../src/core/policy";
import { createMemoryStore } from "../../src/storage/memory";
import type { KeyValueStore } from "../../src/storage/port";
import { startHost, type HostServer } from "./host-server";

const CLIENT_ID = "6f1c2b3a-0d4e-4f5a-8b9c-0123456789ab";
const POLICY_A = { warnAt: 40, blockAt: 400, blockedAddresses: ["everyone@example.org"] };
const POLICY_B = { warnAt: 10, blockAt: 100 };
const CONFIG = { clientId: CLIENT_ID, tenantId: "contoso.onmicrosoft.com" };
const json = (value: unknown) => JSON.stringify(value);

type Answer = { readonly status?: number; readonly body: string } | "unreachable";

/** An injected fetch answering from a table by file name, recording each request. */
function fakeFetch(files: Record<string, Answer>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    const answer = files[url.slice(url.lastIndexOf("/") + 1)] ?? "unreachable";
    if (answer === "unreachable") throw new TypeError("Failed to fetch");
    return new Response(answer.body, { status: answer.status ?? 200 });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

async function savedCopy(store: KeyValueStore) {
  const text = await store.get(SETTINGS_KEY);
  return text === null ? null : (JSON.parse(text) as { policy: unknown; config: unknown; at: number });
}

/** A store already holding a good copy of POLICY_A and CONFIG, as a previous load leaves it. */
async function storeWithSavedCopy(): Promise<KeyValueStore> {
  const store = createMemoryStore();
  const { fetch } = fakeFetch({
    "policy.json": { body: json(POLICY_A) },
    "config.json": { body: json(CONFIG) },
  });
  await loadSettings({ baseUrl: "https://host.example.org", store, fetch, timeoutMs: 1000 });
  return store;
}

const options = (rest: Omit<SettingsOptions, "baseUrl" | "timeoutMs">): SettingsOptions => ({
  baseUrl: "https://host.example.org/reach-guard",
  timeoutMs: 1000,
  ...rest,
});

describe("loadSettings from a real host on 127.0.0.1", () => {
  let host: HostServer;
  beforeEach(async () => (host = await startHost()));
  afterEach(() => host.close());

  it("reads policy.json and config.json beside the add-in and keeps them as the last good copy", async () => {
    host.files.set("policy.json", { body: json(POLICY_A) });
    host.files.set("config.json", { body: json(CONFIG) });
    const store = createMemoryStore();
    const settings = await loadSettings({
      baseUrl: `${host.baseUrl}/`,
      store,
      timeoutMs: 2000,
      now: () => 1_700_000_000_000,
    });
    expect(settings).toEqual({
      policy: parsePolicy(POLICY_A),
      config: { ...DEFAULT_HOST_CONFIG, ...CONFIG },
      source: "host",
      problems: [],
    });
    expect([...host.requested].sort()).toEqual(["/reach-guard/config.json", "/reach-guard/policy.json"]);
    expect(await savedCopy(store)).toEqual({
      policy: parsePolicy(POLICY_A),
      config: settings.config,
      at: 1_700_000_000_000,
    });
  });

  it("reads a policy.json saved with a byte-order mark (as Windows Notepad may save it)", async () => {
    host.files.set("policy.json", { body: Buffer.from(`\uFEFF${json(POLICY_B)}`, "utf8") });
    host.files.set("config.json", { body: json(CONFIG) });
    const settings = await loadSettings({
      baseUrl: host.baseUrl,
      store: createMemoryStore(),
      timeoutMs: 2000,
    });
    expect(settings).toMatchObject({ source: "host", problems: [], policy: { warnAt: 10 } });
  });

  it("gives up on a host that never answers after the time allowed, and uses the saved copy", async () => {
    host.files.set("policy.json", "hang");
    host.files.set("config.json", "hang");
    const store = await storeWithSavedCopy();
    // Without the time limit this would wait for ever (the test's own time-out would fail it).
    const settings = await loadSettings({ baseUrl: host.baseUrl, store, timeoutMs: 150 });
    expect(settings).toMatchObject({ source: "saved", policy: parsePolicy(POLICY_A), config: CONFIG });
    expect(settings.problems).toEqual([
      "policy.json could not be read (TimeoutError)",
      "config.json could not be read (TimeoutError)",
    ]);
  });

  it("uses the built-in default when the host is unreachable and nothing was saved", async () => {
    const baseUrl = host.baseUrl;
    await host.close();
    const settings = await loadSettings({ baseUrl, store: createMemoryStore(), timeoutMs: 2000 });
    expect(settings).toMatchObject({
      source: "built-in",
      policy: DEFAULT_POLICY,
      config: DEFAULT_HOST_CONFIG,
    });
    expect(settings.problems).toHaveLength(2);
    expect(settings.problems[0]).toMatch(/^policy\.json could not be read \(/);
  });
});

describe("loadSettings at send", () => {
  it("uses the saved copy without asking the host", async () => {
    const store = await storeWithSavedCopy();
    const { fetch, calls } = fakeFetch({
      "policy.json": { body: json(POLICY_B) },
      "config.json": { body: "{}" },
    });
    const settings = await loadSettings(options({ store, fetch, preferSaved: true }));
    expect(settings).toEqual({
      policy: parsePolicy(POLICY_A),
      config: { ...DEFAULT_HOST_CONFIG, ...CONFIG },
      source: "saved",
      problems: [],
    });
    expect(calls).toEqual([]);
  });

  it("asks the host when nothing is saved yet, without reusing the browser's cached copy", async () => {
    const { fetch, calls } = fakeFetch({
      "policy.json": { body: json(POLICY_B) },
      "config.json": { body: "{}" },
    });
    const settings = await loadSettings(options({ store: createMemoryStore(), fetch, preferSaved: true }));
    expect(settings).toMatchObject({ source: "host", policy: { warnAt: 10 } });
    expect(calls.map((call) => [call.url, call.init?.cache])).toEqual([
      ["https://host.example.org/reach-guard/policy.json", "no-cache"],
      ["https://host.example.org/reach-guard/config.json", "no-cache"],
    ]);
  });
});
