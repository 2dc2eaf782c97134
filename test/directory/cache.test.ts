import type { DirectoryAnswer, DirectoryEntry } from "../../src/core/types";
import { cacheKey, createCachedDirectory } from "../../src/directory/cache";
import type { Directory } from "../../src/directory/port";
import { createMemoryStore } from "../../src/storage/memory";
import type { KeyValueStore } from "../../src/storage/port";

const list = (members: number): DirectoryEntry => ({
  kind: "list",
  members,
  externalMembers: 0,
  restricted: false,
  moderated: false,
});

/** A directory whose answers a test sets, counting what it was asked. */
function scriptedDirectory(entries: Record<string, DirectoryEntry>) {
  const asked: string[][] = [];
  const directory: Directory = {
    async resolve(addresses) {
      asked.push([...addresses]);
      return new Map<string, DirectoryAnswer>(
        addresses.map((address) => [
          address,
          { entry: entries[address] ?? { kind: "unknown", cause: "not-found" }, source: "graph" },
        ]),
      );
    },
  };
  return { directory, asked, entries };
}

const options = { deadlineAt: Number.MAX_SAFE_INTEGER };

describe("list-size cache", () => {
  let clock = 1_000_000;
  const now = () => clock;

  it("answers from the store within the TTL and asks Graph again after it", async () => {
    const inner = scriptedDirectory({ "ward7@x.org": list(12), "a@x.org": { kind: "person" } });
    const cached = createCachedDirectory(inner.directory, createMemoryStore(), { ttlMs: 60_000, now });
    const first = await cached.resolve(["ward7@x.org", "a@x.org"], options);
    expect(first.get("ward7@x.org")).toEqual({ entry: list(12), source: "graph" });
    clock += 59_999;
    const second = await cached.resolve(["ward7@x.org", "a@x.org"], options);
    expect(second.get("ward7@x.org")).toEqual({ entry: list(12), source: "cache" });
    expect(second.get("a@x.org")?.source).toBe("cache");
    expect(inner.asked).toHaveLength(1);
    clock += 1;
    inner.entries["ward7@x.org"] = list(14);
    const third = await cached.resolve(["ward7@x.org"], options);
    expect(third.get("ward7@x.org")).toEqual({ entry: list(14), source: "graph" });
    expect(inner.asked).toEqual([["ward7@x.org", "a@x.org"], ["ward7@x.org"]]);
  });

  it("asks only for what it does not hold", async () => {
    const inner = scriptedDirectory({ "a@x.org": { kind: "person" }, "b@x.org": { kind: "person" } });
    const cached = createCachedDirectory(inner.directory, createMemoryStore(), { ttlMs: 60_000, now });
    await cached.resolve(["a@x.org"], options);
    await cached.resolve(["a@x.org", "b@x.org"], options);
    expect(inner.asked).toEqual([["a@x.org"], ["b@x.org"]]);
  });

  it.each(["unavailable", "timeout", "not-permitted", "no-token", "count-missing", "not-found"] as const)(
    "never stores an unknown answer (%s)",
    async (cause) => {
      const inner = scriptedDirectory({ "big@x.org": { kind: "unknown", cause } });
      const store = createMemoryStore();
      const cached = createCachedDirectory(inner.directory, store, { ttlMs: 60_000, now });
      await cached.resolve(["big@x.org"], options);
      expect(await store.get(cacheKey("big@x.org", undefined))).toBeNull();
      await cached.resolve(["big@x.org"], options);
      expect(inner.asked).toHaveLength(2);
    },
  );

  it("keys by digest, so the store holds no addresses", async () => {
    const inner = scriptedDirectory({ "ward7@x.org": list(12) });
    const written: string[] = [];
    const memory = createMemoryStore();
    const store: KeyValueStore = {
      ...memory,
      set: async (key, value) => (written.push(key + value), memory.set(key, value)),
    };
    await createCachedDirectory(inner.directory, store, { ttlMs: 60_000, now }).resolve(
      ["ward7@x.org"],
      options,
    );
    expect(written).toHaveLength(1);
    expect(written[0]).not.toContain("ward7");
  });

  it("ignores corrupt or foreign values and a failing store", async () => {
    const inner = scriptedDirectory({ "a@x.org": list(3), "b@x.org": list(4) });
    const store = createMemoryStore([
      [cacheKey("a@x.org", undefined), "{not json"],
      [
        cacheKey("b@x.org", undefined),
        JSON.stringify({ v: 1, at: clock, entry: { kind: "list", members: -5 } }),
      ],
    ]);
    const cached = createCachedDirectory(inner.directory, store, { ttlMs: 60_000, now });
    const answers = await cached.resolve(["a@x.org", "b@x.org"], options);
    expect(answers.get("a@x.org")?.entry).toEqual(list(3));
    expect(answers.get("b@x.org")?.entry).toEqual(list(4));

    const broken: KeyValueStore = {
      get: () => Promise.reject(new Error("quota")),
      set: () => Promise.reject(new Error("quota")),
      remove: () => Promise.reject(new Error("quota")),
    };
    const throughBroken = await createCachedDirectory(inner.directory, broken, {
      ttlMs: 60_000,
      now,
    }).resolve(["a@x.org"], options);
    expect(throughBroken.get("a@x.org")).toEqual({ entry: list(3), source: "graph" });
  });

  it.each([
    ["a negative external count", { ...list(5), externalMembers: -1 }],
    ["a count beyond any directory", { ...list(5), members: 1e15 }],
    ["an unknown entry, which is never written", { kind: "unknown", cause: "not-found" }],
    ["an unknown kind", { kind: "group", members: 5 }],
  ])("asks again instead of believing %s", async (_what, entry) => {
    const inner = scriptedDirectory({ "a@x.org": list(3) });
    const store = createMemoryStore([
      [cacheKey("a@x.org", undefined), JSON.stringify({ v: 1, at: clock, entry })],
    ]);
    const answers = await createCachedDirectory(inner.directory, store, { ttlMs: 60_000, now }).resolve(
      ["a@x.org"],
      options,
    );
    expect(answers.get("a@x.org")).toEqual({ entry: list(3), source: "graph" });
  });

  it("reads back an entry's own fields only", async () => {
    const inner = scriptedDirectory({});
    const stored = { v: 1, at: clock, entry: { ...list(7), note: "<script>" } };
    const store = createMemoryStore([[cacheKey("a@x.org", undefined), JSON.stringify(stored)]]);
    const answers = await createCachedDirectory(inner.directory, store, { ttlMs: 60_000, now }).resolve(
      ["a@x.org"],
      options,
    );
    expect(answers.get("a@x.org")).toEqual({ entry: list(7), source: "cache" });
  });

  it("keeps a delivery restriction apart per signed-in mailbox, never by address alone", async () => {
    // MailTips judged the restriction for amy; after she signs out and ben signs in on the same
    // Outlook, ben must be asked about afresh: he may post where amy may not.
    const restricted: DirectoryEntry = { ...list(9000), restricted: true } as DirectoryEntry;
    const inner = scriptedDirectory({ "board@x.org": restricted });
    const store = createMemoryStore();
    const cached = createCachedDirectory(inner.directory, store, { ttlMs: 60_000, now });
    await cached.resolve(["board@x.org"], { ...options, mailbox: "amy@x.org" });
    const again = await cached.resolve(["board@x.org"], { ...options, mailbox: "amy@x.org" });
    expect(again.get("board@x.org")?.source).toBe("cache");
    inner.entries["board@x.org"] = list(9000);
    const forBen = await cached.resolve(["board@x.org"], { ...options, mailbox: "ben@x.org" });
    expect(forBen.get("board@x.org")).toEqual({ entry: list(9000), source: "graph" });
    expect(inner.asked).toHaveLength(2);
  });

  it("does not keep a restriction when it does not know whose it is", async () => {
    const restricted: DirectoryEntry = { ...list(9000), restricted: true } as DirectoryEntry;
    const inner = scriptedDirectory({ "board@x.org": restricted, "ward7@x.org": list(12) });
    const store = createMemoryStore();
    const cached = createCachedDirectory(inner.directory, store, { ttlMs: 60_000, now });
    await cached.resolve(["board@x.org", "ward7@x.org"], options);
    expect(await store.get(cacheKey("board@x.org", undefined))).toBeNull();
    expect(await store.get(cacheKey("ward7@x.org", undefined))).not.toBeNull();
  });

  it("does not cache at all with a TTL of 0 (cacheMinutes: 0)", async () => {
    const inner = scriptedDirectory({ "a@x.org": list(3) });
    const cached = createCachedDirectory(inner.directory, createMemoryStore(), { ttlMs: 0, now });
    await cached.resolve(["a@x.org"], options);
    await cached.resolve(["a@x.org"], options);
    expect(inner.asked).toHaveLength(2);
  });
});
