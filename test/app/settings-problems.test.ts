import { DEFAULT_HOST_CONFIG } from "../../src/app/host-config";
import { loadSettings, SETTINGS_KEY } from "../../src/app/settings";
import { DEFAULT_POLICY, parsePolicy } from "../../src/core/policy";
import { createMemoryStore } from "../../src/storage/memory";
import type { KeyValueStore } from "../../src/storage/port";

// What an admin's mistakes do: a broken file never weakens protection, and each problem is named.

const CLIENT_ID = "6f1c2b3a-0d4e-4f5a-8b9c-0123456789ab";
const POLICY_A = { warnAt: 40, blockAt: 400 };
const CONFIG = { clientId: CLIENT_ID };
const json = (value: unknown) => JSON.stringify(value);

type Files = Record<string, { readonly status?: number; readonly body: string } | "unreachable">;

function hostServing(files: Files) {
  return async (input: RequestInfo | URL) => {
    const url = String(input);
    const answer = files[url.slice(url.lastIndexOf("/") + 1)] ?? "unreachable";
    if (answer === "unreachable") throw new TypeError("Failed to fetch");
    return new Response(answer.body, { status: answer.status ?? 200 });
  };
}

function load(store: KeyValueStore, files: Files, preferSaved = false) {
  return loadSettings({
    baseUrl: "https://host.example.org",
    store,
    fetch: hostServing(files) as typeof fetch,
    timeoutMs: 1000,
    preferSaved,
  });
}

const GOOD: Files = { "policy.json": { body: json(POLICY_A) }, "config.json": { body: json(CONFIG) } };

async function savedStore(): Promise<KeyValueStore> {
  const store = createMemoryStore();
  await load(store, GOOD);
  return store;
}

describe("a broken policy.json", () => {
  it("that is larger than any valid policy is refused unread, the last good copy staying in force", async () => {
    const store = await savedStore();
    const huge = `{"warnAt": 40, "supportContact": "${"x".repeat(8_000_001)}"}`;
    const settings = await load(store, { ...GOOD, "policy.json": { body: huge } });
    expect(settings.policy).toEqual(parsePolicy(POLICY_A));
    expect(settings.problems).toEqual(["policy.json could not be read (larger than 8,000,000 characters)"]);
  });

  it("that repeats a field is refused, naming it, rather than read with the last value", async () => {
    const store = await savedStore();
    const settings = await load(store, {
      ...GOOD,
      "policy.json": { body: '{"warnAt": 40, "blockAt": 400, "blockAt": 4000000}' },
    });
    expect(settings.policy).toEqual(parsePolicy(POLICY_A));
    expect(settings.problems).toEqual([
      'policy.json: Invalid policy: the policy is "blockAt" appears more than once; keep one of each',
    ]);
  });

  it("keeps the last good copy in force and names the field", async () => {
    const store = await savedStore();
    const before = await store.get(SETTINGS_KEY);
    const settings = await load(store, {
      ...GOOD,
      "policy.json": { body: json({ warnAt: 500, blockAt: 100 }) },
    });
    expect(settings).toMatchObject({ source: "saved", policy: parsePolicy(POLICY_A) });
    expect(settings.problems).toEqual([
      "policy.json: Invalid policy: blockAt must be a whole number >= warnAt",
    ]);
    expect(JSON.parse((await store.get(SETTINGS_KEY))!).policy).toEqual(JSON.parse(before!).policy);
  });

  it.each([
    ["not JSON", { body: "{ warnAt: 10 " }, /^policy\.json: Invalid policy: the policy is not valid JSON/],
    ["a misspelt field", { body: json({ warnAT: 10 }) }, /warnAT is not a policy field/],
    ["missing (404)", { status: 404, body: "Not found" }, /^policy\.json could not be read \(HTTP 404\)$/],
  ])(
    "is reported when %s, with the built-in default where nothing was saved",
    async (_what, file, problem) => {
      const settings = await load(createMemoryStore(), { ...GOOD, "policy.json": file });
      expect(settings.source).toBe("built-in");
      expect(settings.policy).toEqual(DEFAULT_POLICY);
      expect(settings.problems).toEqual([expect.stringMatching(problem)]);
    },
  );
});

describe("a broken config.json", () => {
  it("is reported naming the field, the saved config staying in force", async () => {
    const store = await savedStore();
    const settings = await load(store, { ...GOOD, "config.json": { body: json({ clientId: "my-app" }) } });
    expect(settings.config.clientId).toBe(CLIENT_ID);
    expect(settings.problems).toEqual([expect.stringMatching(/^Invalid config\.json: clientId must be/)]);
  });

  it("that is not JSON is reported, with the built-in config where nothing was saved", async () => {
    const settings = await load(createMemoryStore(), { ...GOOD, "config.json": { body: "<html>" } });
    expect(settings).toMatchObject({
      source: "host",
      policy: parsePolicy(POLICY_A),
      config: DEFAULT_HOST_CONFIG,
    });
    expect(settings.problems).toEqual([
      expect.stringMatching(/^Invalid config\.json: the document is not valid JSON \(/),
    ]);
  });

  it("does not stop a new policy reaching the send, which reads the saved copy", async () => {
    const store = await savedStore();
    const files: Files = {
      "policy.json": { body: json({ warnAt: 10, blockAt: 100 }) },
      "config.json": { status: 500, body: "" },
    };
    const compose = await load(store, files);
    expect(compose.policy.warnAt).toBe(10);
    const send = await load(store, {}, true);
    expect(send).toMatchObject({ source: "saved", policy: { warnAt: 10 }, config: { clientId: CLIENT_ID } });
  });
});

describe("the saved copy", () => {
  it.each([
    ["not JSON", "{"],
    ["holding a policy no longer valid", json({ policy: { warnAt: 0 }, config: {}, at: 1 })],
  ])("is ignored when %s", async (_what, text) => {
    const store = createMemoryStore([[SETTINGS_KEY, text]]);
    const settings = await load(store, {}, true);
    expect(settings).toMatchObject({ source: "built-in", policy: DEFAULT_POLICY });
  });

  it("a store that refuses to save does not stop the host's settings being used", async () => {
    const store: KeyValueStore = {
      get: async () => null,
      set: () => Promise.reject(new Error("storage full")),
      remove: async () => undefined,
    };
    await expect(load(store, GOOD)).resolves.toMatchObject({ source: "host", problems: [] });
  });
});
