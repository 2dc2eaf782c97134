import {
  CATALOGUE_CHECKED_KEY,
  CATALOGUE_KEY,
  CATALOGUE_REFRESH_MINUTES,
  KEPT_CATALOGUE_CHARS,
  MAX_CATALOGUE_CHARS,
  keepFloor,
  keptCopyText,
  readKeptCopy,
} from "../../src/app/catalogue-source";
import { loadSettings, type SettingsOptions } from "../../src/app/settings";
import { CATALOGUE_FORMAT, serialiseCatalogue, type CatalogueList } from "../../src/core/catalogue";
import { parsePolicy } from "../../src/core/policy";
import { createMemoryStore } from "../../src/storage/memory";
import type { KeyValueStore } from "../../src/storage/port";

// catalogue.json beside policy.json: read in the background at compose at most every few hours,
// kept small in the store, used alone at send; a broken file is reported and the last good copy
// stays; no file hosted is normal.

const POLICY = { warnAt: 50, blockAt: 5000 };
const CONFIG = { clientId: "6f1c2b3a-0d4e-4f5a-8b9c-0123456789ab", tenantId: "contoso.onmicrosoft.com" };
const json = (value: unknown) => JSON.stringify(value);

function entry(address: string, members: number | null, externalMembers: number | null = 0): CatalogueList {
  return {
    address,
    displayName: address,
    kind: "distribution",
    members,
    externalMembers,
    sizedAt: "2026-11-26T03:00:00Z",
  };
}

const catalogueText = (lists: CatalogueList[], scannedAt = "2026-11-26T04:00:00Z") =>
  serialiseCatalogue({ format: CATALOGUE_FORMAT, scannedAt, lists });

const GOOD = catalogueText([
  entry("everyone@example.org", 840_000),
  entry("ward7-team@example.org", 14),
  entry("partners@example.org", 3, 2),
  entry("unsized@example.org", null),
]);

type Answer = { readonly status?: number; readonly body: string } | "unreachable";

/** A host answering from a table by file name; it counts requests per file. */
function host(files: Record<string, Answer>) {
  const requests: string[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    const name = String(input).slice(String(input).lastIndexOf("/") + 1);
    requests.push(name);
    const answer = files[name] ?? "unreachable";
    if (answer === "unreachable") throw new TypeError("Failed to fetch");
    return new Response(answer.body, { status: answer.status ?? 200 });
  };
  return { files, requests, fetch: fetch as typeof globalThis.fetch };
}

function loader(
  store: KeyValueStore,
  site: ReturnType<typeof host>,
  clock: { now: number },
  catalogue: SettingsOptions["catalogue"] = {},
) {
  return (moment: "compose" | "send") =>
    loadSettings({
      baseUrl: "https://host.example.org/rg/",
      store,
      fetch: site.fetch,
      timeoutMs: 1000,
      preferSaved: moment === "send",
      now: () => clock.now,
      catalogue,
    } satisfies SettingsOptions);
}

describe("the reach catalogue from the host", () => {
  it("is read in the background at compose, kept without the lists that cannot matter, and used alone at send", async () => {
    const site = host({
      "policy.json": { body: json(POLICY) },
      "config.json": { body: json(CONFIG) },
      "catalogue.json": { body: GOOD },
    });
    const store = createMemoryStore();
    const clock = { now: Date.parse("2026-11-26T09:00:00Z") };
    const load = loader(store, site, clock);

    const first = await load("compose");
    expect(first.catalogue).toBeNull();
    expect(first.catalogueRefresh).toBeDefined();
    await first.catalogueRefresh;

    const second = await load("compose");
    expect(second.problems).toEqual([]);
    expect(second.catalogueRefresh).toBeUndefined();
    expect([...(second.catalogue?.lists.keys() ?? [])]).toEqual([
      "everyone@example.org",
      // Below warnAt but with members outside the organisation: kept.
      "partners@example.org",
    ]);
    expect(second.catalogue?.lists.get("everyone@example.org")).toEqual({
      members: 840_000,
      externalMembers: 0,
      sizedAt: "2026-11-26T03:00:00Z",
    });
    expect(site.requests.filter((name) => name === "catalogue.json")).toHaveLength(1);

    site.requests.length = 0;
    const send = await load("send");
    expect(send.catalogue?.lists.has("everyone@example.org")).toBe(true);
    expect(site.requests).toEqual([]);
  });

  it("is waited for by the task pane when nothing is kept yet, and its problem told at once", async () => {
    const site = host({
      "policy.json": { body: json(POLICY) },
      "config.json": { body: json(CONFIG) },
      "catalogue.json": { body: GOOD },
    });
    const clock = { now: Date.parse("2026-11-26T09:00:00Z") };
    const pane = await loader(createMemoryStore(), site, clock, { waitWhenNone: true })("compose");
    expect(pane.catalogue?.lists.has("everyone@example.org")).toBe(true);
    expect(pane.catalogueRefresh).toBeUndefined();

    site.files["catalogue.json"] = { body: "{ not json" };
    const broken = await loader(createMemoryStore(), site, clock, { waitWhenNone: true })("compose");
    expect(broken.catalogue).toBeNull();
    expect(broken.problems).toEqual([
      expect.stringMatching(/^catalogue\.json is not a catalogue .*none in use$/),
    ]);
  });

  it(`is fetched again only after ${CATALOGUE_REFRESH_MINUTES} minutes`, async () => {
    const site = host({
      "policy.json": { body: json(POLICY) },
      "config.json": { body: json(CONFIG) },
      "catalogue.json": { body: GOOD },
    });
    const clock = { now: Date.parse("2026-11-26T09:00:00Z") };
    const load = loader(createMemoryStore(), site, clock);
    await (
      await load("compose")
    ).catalogueRefresh;
    clock.now += CATALOGUE_REFRESH_MINUTES * 60_000 - 1;
    expect((await load("compose")).catalogueRefresh).toBeUndefined();
    clock.now += 1;
    await (
      await load("compose")
    ).catalogueRefresh;
    expect(site.requests.filter((name) => name === "catalogue.json")).toHaveLength(2);
    // The policy is read at every check, whatever the catalogue does.
    expect(site.requests.filter((name) => name === "policy.json")).toHaveLength(3);
  });

  it("says nothing when no catalogue is hosted (404), and withdraws a kept copy", async () => {
    const site = host({
      "policy.json": { body: json(POLICY) },
      "config.json": { body: json(CONFIG) },
      "catalogue.json": { body: GOOD },
    });
    const store = createMemoryStore();
    const clock = { now: Date.parse("2026-11-26T09:00:00Z") };
    const load = loader(store, site, clock);
    await (
      await load("compose")
    ).catalogueRefresh;
    site.files["catalogue.json"] = { status: 404, body: "Not found" };
    clock.now += CATALOGUE_REFRESH_MINUTES * 60_000;
    await (
      await load("compose")
    ).catalogueRefresh;
    const after = await load("compose");
    expect(after.problems).toEqual([]);
    expect(after.catalogue).toBeNull();
    expect(await store.get(CATALOGUE_KEY)).toBeNull();
  });

  it.each([
    ["broken JSON", { body: "{ not json" }, /catalogue\.json is not a catalogue/],
    [
      "another format",
      { body: json({ format: "something/2", lists: [] }) },
      /not a reach-guard-catalogue\/1 file/,
    ],
    ["a server error", { status: 500, body: "" }, /catalogue\.json could not be read \(HTTP 500\)/],
    ["an oversized file", { body: "x".repeat(MAX_CATALOGUE_CHARS + 1) }, /larger than 30,000,000 characters/],
  ] as const)("reports %s and keeps the last good copy in use", async (_what, answer, problem) => {
    const site = host({
      "policy.json": { body: json(POLICY) },
      "config.json": { body: json(CONFIG) },
      "catalogue.json": { body: GOOD },
    });
    const clock = { now: Date.parse("2026-11-26T09:00:00Z") };
    const store = createMemoryStore();
    const load = loader(store, site, clock);
    await (
      await load("compose")
    ).catalogueRefresh;
    site.files["catalogue.json"] = answer;
    clock.now += CATALOGUE_REFRESH_MINUTES * 60_000;
    await (
      await load("compose")
    ).catalogueRefresh;

    const compose = await load("compose");
    expect(compose.problems).toHaveLength(1);
    expect(compose.problems[0]).toMatch(problem);
    expect(compose.problems[0]).toMatch(/the copy of 2026-11-26T04:00:00Z stays in use/);
    expect(compose.catalogue?.lists.get("everyone@example.org")?.members).toBe(840_000);
    // The send neither blocks on the problem nor loses the copy.
    expect((await load("send")).catalogue?.lists.get("everyone@example.org")?.members).toBe(840_000);
  });

  it("reports a broken file with no copy to fall back on, and the next good one clears the problem", async () => {
    const site = host({
      "policy.json": { body: json(POLICY) },
      "config.json": { body: json(CONFIG) },
      "catalogue.json": { body: "[]" },
    });
    const clock = { now: Date.parse("2026-11-26T09:00:00Z") };
    const load = loader(createMemoryStore(), site, clock);
    await (
      await load("compose")
    ).catalogueRefresh;
    expect((await load("compose")).problems).toEqual([
      "catalogue.json is not a catalogue (not a reach-guard-catalogue/1 file); none in use",
    ]);
    site.files["catalogue.json"] = { body: GOOD };
    clock.now += CATALOGUE_REFRESH_MINUTES * 60_000;
    await (
      await load("compose")
    ).catalogueRefresh;
    const fixed = await load("compose");
    expect(fixed.problems).toEqual([]);
    expect(fixed.catalogue).not.toBeNull();
  });

  it("leaves out entries it cannot read, and ignores a damaged kept copy", async () => {
    const text = json({
      format: CATALOGUE_FORMAT,
      scannedAt: "2026-11-26T04:00:00Z",
      lists: [
        {
          address: "big@example.org",
          members: "840000",
          externalMembers: 0,
          sizedAt: "2026-11-26T03:00:00Z",
        },
        { address: "not an address", members: 9000, externalMembers: 0, sizedAt: "2026-11-26T03:00:00Z" },
        { address: "Good@Example.org", members: 9000, externalMembers: 0, sizedAt: "2026-11-26T03:00:00Z" },
        { address: "good@example.org", members: 10, externalMembers: 0, sizedAt: "2026-11-26T03:00:00Z" },
      ],
    });
    const kept = readKeptCopy(keptCopyText(text, 50));
    expect([...(kept?.lists ?? [])]).toEqual([
      ["good@example.org", { members: 9000, externalMembers: 0, sizedAt: "2026-11-26T03:00:00Z" }],
    ]);
    expect(
      readKeptCopy('{"v":1,"scannedAt":"x","floor":50,"lists":[["a@b.org",-5,0,"2026-11-26T03:00:00Z"]]}')
        ?.lists.size,
    ).toBe(0);
    expect(readKeptCopy("{broken")).toBeNull();
    const store = createMemoryStore();
    await store.set(CATALOGUE_KEY, "{broken");
    await store.set(CATALOGUE_CHECKED_KEY, "{broken");
    const site = host({ "policy.json": { body: json(POLICY) }, "config.json": { body: json(CONFIG) } });
    const settings = await loader(store, site, { now: Date.now() })("send");
    expect(settings.catalogue).toBeNull();
  });

  it("keeps the lists any sender's override could be warned about, not only the organisation's", () => {
    const organisation = parsePolicy({ warnAt: 50, blockAt: 5000 });
    expect(keepFloor(organisation)).toBe(50);
    const withOverrides = parsePolicy({
      warnAt: 50,
      blockAt: 5000,
      senders: [
        { match: ["comms@example.org"], warnAt: 500, blockAt: 20000 },
        { match: ["*@trust-b.example.org"], warnAt: 10, blockAt: 40 },
      ],
    });
    expect(keepFloor(withOverrides)).toBe(10);
  });

  it("keeps a catalogue of 100,000 lists within the store's budget, largest first", () => {
    const lists: CatalogueList[] = [];
    for (let n = 1; n <= 100_000; n++) {
      // Mostly small lists, as a tenant's are; every hundredth large.
      const members = n % 100 === 0 ? 1000 + n : n % 50;
      lists.push(entry(`list-number-${n}@departments.example-trust.nhs.uk`, members, n % 7 === 0 ? 1 : 0));
    }
    lists.push(entry("everyone@example.org", 840_000));
    const text = catalogueText(lists);
    const started = Date.now();
    const copy = keptCopyText(text, 50);
    const kept = readKeptCopy(copy);
    const took = Date.now() - started;
    expect(text.length).toBeGreaterThan(15_000_000);
    expect(copy.length).toBeLessThanOrEqual(KEPT_CATALOGUE_CHARS);
    expect(kept?.lists.get("everyone@example.org")?.members).toBe(840_000);
    // Whatever the budget left out is smaller than everything it kept.
    const smallestKept = Math.min(...[...(kept?.lists.values() ?? [])].map((size) => size.members ?? 0));
    const left = lists.filter((list) => !kept?.lists.has(list.address) && (list.members ?? 0) >= 50);
    expect(left.every((list) => (list.members ?? 0) <= smallestKept)).toBe(true);
    // A figure for the report, not a timed assertion: a generous ceiling only.
    expect(took).toBeLessThan(30_000);
  });
});
