import type { DirectoryAnswer, DirectoryEntry, UnknownCause } from "../../src/core/types";
import {
  breakerKey,
  createBreakerDirectory,
  FAIR_CHANCE_MS,
  OUTAGE_OPEN_MS,
  PROBE_EVERY_MS,
  STORE_WRITE_GRACE_MS,
  type BreakerMoment,
} from "../../src/directory/breaker";
import type { Directory, ResolveOptions } from "../../src/directory/port";
import { createMemoryStore } from "../../src/storage/memory";
import type { KeyValueStore } from "../../src/storage/port";

const AMY = "amy@x.org";
const BEN = "ben@x.org";
const unknown = (cause: UnknownCause): DirectoryEntry => ({ kind: "unknown", cause });
const list = (members: number): DirectoryEntry => ({
  kind: "list",
  members,
  externalMembers: 0,
  restricted: false,
  moderated: false,
});

/** A directory whose answer for every address a test sets (or per address), counting the calls. */
function fakeInner(initial: DirectoryEntry = { kind: "person" }) {
  const state = {
    entry: initial,
    byAddress: {} as Record<string, DirectoryEntry>,
    source: "graph" as DirectoryAnswer["source"],
    asked: [] as string[][],
    /** Run while the call is in progress, before it answers. */
    during: undefined as (() => Promise<void>) | undefined,
  };
  const directory: Directory = {
    async resolve(addresses) {
      state.asked.push([...addresses]);
      if (state.during) await state.during();
      return new Map(
        addresses.map((address): [string, DirectoryAnswer] => [
          address,
          { entry: state.byAddress[address] ?? state.entry, source: state.source },
        ]),
      );
    },
  };
  return { directory, state };
}

/** A memory store that counts every call made to it. */
function countingStore(initial?: Iterable<readonly [string, string]>) {
  const memory = createMemoryStore(initial);
  const calls: string[] = [];
  const store: KeyValueStore = {
    get: (key) => (calls.push(`get ${key}`), memory.get(key)),
    set: (key, value) => (calls.push(`set ${key} ${value}`), memory.set(key, value)),
    remove: (key) => (calls.push(`remove ${key}`), memory.remove(key)),
  };
  return { store, calls };
}

describe("directory circuit breaker", () => {
  let clock = 5_000_000;
  const now = () => clock;
  /** `null`: no signed-in mailbox known. */
  const options = (mailbox: string | null = AMY): ResolveOptions => ({
    deadlineAt: clock + 2000,
    ...(mailbox === null ? {} : { mailbox }),
  });
  const breakers = (inner: Directory, store: KeyValueStore) => {
    const at = (moment: BreakerMoment) => createBreakerDirectory(inner, store, { moment, now });
    return { send: at("send"), compose: at("compose"), pane: at("pane") };
  };
  const stored = async (store: KeyValueStore, mailbox: string | undefined = AMY) => {
    const text = await store.get(breakerKey(mailbox));
    return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
  };

  beforeEach(() => {
    clock = 5_000_000;
  });

  /** A store holding an outage for AMY found at `clock`, and the inner directory still failing. */
  async function opened(cause: UnknownCause = "unavailable") {
    const inner = fakeInner(unknown(cause));
    const store = createMemoryStore();
    const at = breakers(inner.directory, store);
    await at.send.resolve(["a@x.org"], options());
    expect(inner.state.asked).toHaveLength(1);
    inner.state.asked.length = 0;
    return { inner, store, at };
  }

  it("opens after a failure and answers the next sends at once, without the directory", async () => {
    const { inner, store, at } = await opened("unavailable");
    expect(await stored(store)).toEqual({
      v: 1,
      until: clock + OUTAGE_OPEN_MS,
      cause: "unavailable",
      probeAt: clock,
    });
    clock += 1000;
    const answers = await at.send.resolve(["a@x.org", "ward7@x.org"], options());
    expect(inner.state.asked).toEqual([]);
    expect([...answers]).toEqual([
      ["a@x.org", { entry: unknown("unavailable"), source: "graph" }],
      ["ward7@x.org", { entry: unknown("unavailable"), source: "graph" }],
    ]);
    // A fresh breaker over the same store (the send handler starts cold each time) remembers it too.
    const cold = createBreakerDirectory(inner.directory, store, { moment: "send", now });
    clock += PROBE_EVERY_MS * 2;
    expect((await cold.resolve(["b@x.org"], options())).get("b@x.org")?.entry).toEqual(
      unknown("unavailable"),
    );
    expect(inner.state.asked).toEqual([]);
  });

  it("passes the directory's answers through untouched while closed", async () => {
    const inner = fakeInner();
    inner.state.byAddress["ward7@x.org"] = list(12);
    const { store, calls } = countingStore();
    const answers = await breakers(inner.directory, store).send.resolve(
      ["a@x.org", "ward7@x.org"],
      options(),
    );
    expect([...answers]).toEqual([
      ["a@x.org", { entry: { kind: "person" }, source: "graph" }],
      ["ward7@x.org", { entry: list(12), source: "graph" }],
    ]);
    // One read; nothing to write or remove when nothing was remembered.
    expect(calls).toEqual([`get ${breakerKey(AMY)}`]);
  });

  it("forgets the outage after openMs, and asks the directory again", async () => {
    const { inner, store, at } = await opened();
    clock += OUTAGE_OPEN_MS - 1;
    await at.send.resolve(["a@x.org"], options());
    expect(inner.state.asked).toHaveLength(0);
    clock += 1;
    inner.state.entry = { kind: "person" };
    const answers = await at.send.resolve(["a@x.org"], options());
    expect(inner.state.asked).toEqual([["a@x.org"]]);
    expect(answers.get("a@x.org")).toEqual({ entry: { kind: "person" }, source: "graph" });
    expect(await stored(store)).toBeNull();
  });

  it("honours openMs and probeEveryMs when given", async () => {
    const inner = fakeInner(unknown("timeout"));
    const store = createMemoryStore();
    const send = createBreakerDirectory(inner.directory, store, { moment: "send", now, openMs: 10_000 });
    const compose = createBreakerDirectory(inner.directory, store, {
      moment: "compose",
      now,
      openMs: 10_000,
      probeEveryMs: 1000,
    });
    await send.resolve(["a@x.org"], options());
    expect((await stored(store))?.until).toBe(clock + 10_000);
    clock += 999;
    await compose.resolve(["a@x.org"], options());
    expect(inner.state.asked).toHaveLength(1);
    clock += 1;
    await compose.resolve(["a@x.org"], options());
    expect(inner.state.asked).toHaveLength(2);
    clock += 10_000;
    await send.resolve(["a@x.org"], options());
    expect(inner.state.asked).toHaveLength(3);
  });

  it("lets compose checks probe at most once per interval, recording the probe before it asks", async () => {
    const { inner, store, at } = await opened("no-token");
    const foundAt = clock;
    // Graph was asked when the outage was found: the interval runs from then.
    clock += 1;
    let answers = await at.compose.resolve(["a@x.org"], options());
    expect(inner.state.asked).toHaveLength(0);
    expect(answers.get("a@x.org")?.entry).toEqual(unknown("no-token"));

    clock = foundAt + PROBE_EVERY_MS;
    let seenDuringProbe: Record<string, unknown> | null = null;
    let composedDuringProbe: Map<string, DirectoryAnswer> | null = null;
    inner.state.during = async () => {
      seenDuringProbe = await stored(store);
      // Another compose check while the probe waits on Graph answers at once.
      composedDuringProbe = await at.compose.resolve(["b@x.org"], options());
    };
    answers = await at.compose.resolve(["a@x.org"], options());
    inner.state.during = undefined;
    expect(inner.state.asked).toEqual([["a@x.org"]]);
    expect(seenDuringProbe).toEqual({
      v: 1,
      until: foundAt + OUTAGE_OPEN_MS,
      cause: "no-token",
      probeAt: clock,
    });
    expect(composedDuringProbe!.get("b@x.org")?.entry).toEqual(unknown("no-token"));
    expect(answers.get("a@x.org")?.entry).toEqual(unknown("no-token"));
    // The failed probe renews the outage from now.
    expect(await stored(store)).toEqual({
      v: 1,
      until: clock + OUTAGE_OPEN_MS,
      cause: "no-token",
      probeAt: clock,
    });

    clock += PROBE_EVERY_MS - 1;
    await at.compose.resolve(["a@x.org"], options());
    await at.compose.resolve(["a@x.org"], options());
    expect(inner.state.asked).toHaveLength(1);
    clock += 1;
    await at.compose.resolve(["a@x.org"], options());
    expect(inner.state.asked).toHaveLength(2);
  });

  it("never probes from the send handler, however long since the last probe", async () => {
    const { inner, at } = await opened();
    for (let step = 0; step < 3; step++) {
      clock += PROBE_EVERY_MS;
      await at.send.resolve(["a@x.org"], options());
    }
    expect(inner.state.asked).toHaveLength(0);
  });

  it("always asks from the task pane, and renews the outage while it lasts", async () => {
    const { inner, store, at } = await opened("not-permitted");
    for (let step = 1; step <= 3; step++) {
      clock += 1;
      const answers = await at.pane.resolve(["a@x.org"], options());
      expect(inner.state.asked).toHaveLength(step);
      expect(answers.get("a@x.org")?.entry).toEqual(unknown("not-permitted"));
    }
    expect((await stored(store))?.until).toBe(clock + OUTAGE_OPEN_MS);
  });

  it.each(["pane", "compose"] as const)("closes when a %s check finds Graph answering", async (moment) => {
    const { inner, store, at } = await opened();
    clock += PROBE_EVERY_MS;
    inner.state.entry = { kind: "person" };
    inner.state.byAddress["ward7@x.org"] = list(12);
    const answers = await at[moment].resolve(["a@x.org", "ward7@x.org"], options());
    expect(answers.get("ward7@x.org")).toEqual({ entry: list(12), source: "graph" });
    expect(await stored(store)).toBeNull();
    clock += 1;
    await at.send.resolve(["a@x.org"], options());
    expect(inner.state.asked).toHaveLength(2);
  });

  it("counts a list Graph cannot size, or an address it does not know, as Graph answering", async () => {
    const { inner, store, at } = await opened();
    inner.state.entry = unknown("not-found");
    inner.state.byAddress["ward7@x.org"] = unknown("count-missing");
    await at.pane.resolve(["a@x.org", "ward7@x.org"], options());
    expect(await stored(store)).toBeNull();
  });

  it("stays open when the answers hold a failure beside real ones", async () => {
    const { inner, store, at } = await opened();
    inner.state.entry = { kind: "person" };
    inner.state.byAddress["ward7@x.org"] = unknown("timeout");
    clock += 10;
    await at.pane.resolve(["a@x.org", "ward7@x.org"], options());
    expect(await stored(store)).toMatchObject({ cause: "timeout", until: clock + OUTAGE_OPEN_MS });
  });

  it("does not close on answers that did not come from Graph itself", async () => {
    const { inner, store, at } = await opened();
    inner.state.entry = { kind: "person" };
    inner.state.source = "cache";
    await at.pane.resolve(["a@x.org"], options());
    expect(await stored(store)).toMatchObject({ cause: "unavailable" });
  });

  it("opens on one failure among many answers, with the most informative cause", async () => {
    const inner = fakeInner({ kind: "person" });
    inner.state.byAddress = {
      "t@x.org": unknown("timeout"),
      "u@x.org": unknown("unavailable"),
      "p@x.org": unknown("not-permitted"),
      "n@x.org": unknown("no-token"),
    };
    const store = createMemoryStore();
    const at = breakers(inner.directory, store);
    const cases: [string[], UnknownCause][] = [
      [["a@x.org", "t@x.org"], "timeout"],
      [["t@x.org", "u@x.org"], "unavailable"],
      [["u@x.org", "p@x.org", "t@x.org"], "not-permitted"],
      [["t@x.org", "p@x.org", "n@x.org", "u@x.org"], "no-token"],
      [["n@x.org", "p@x.org"], "no-token"],
    ];
    for (const [addresses, cause] of cases) {
      await store.remove(breakerKey(AMY));
      await at.send.resolve(addresses, options());
      expect((await stored(store))?.cause).toBe(cause);
      const later = await at.send.resolve(["z@x.org"], options());
      expect(later.get("z@x.org")?.entry).toEqual(unknown(cause));
    }
    expect(inner.state.asked).toHaveLength(cases.length);
  });

  it("does not take a timeout for an outage when Graph had too little time to answer", async () => {
    const inner = fakeInner(unknown("timeout"));
    const store = createMemoryStore();
    const at = breakers(inner.directory, store);
    await at.send.resolve(["a@x.org"], { deadlineAt: clock + FAIR_CHANCE_MS - 1, mailbox: AMY });
    expect(await stored(store)).toBeNull();
    // Nor does it hide another failure in the same answers.
    inner.state.byAddress["b@x.org"] = unknown("unavailable");
    await at.send.resolve(["a@x.org", "b@x.org"], { deadlineAt: clock + 10, mailbox: AMY });
    expect(await stored(store)).toMatchObject({ cause: "unavailable" });
    await store.remove(breakerKey(AMY));
    await at.send.resolve(["a@x.org"], { deadlineAt: clock + FAIR_CHANCE_MS, mailbox: AMY });
    expect(await stored(store)).toMatchObject({ cause: "timeout" });
    expect(inner.state.asked).toHaveLength(3);
  });

  it("does not open on a list that has no count or an address Graph does not know", async () => {
    const inner = fakeInner(unknown("count-missing"));
    inner.state.byAddress["nobody@x.org"] = unknown("not-found");
    const store = createMemoryStore();
    const at = breakers(inner.directory, store);
    await at.send.resolve(["big@x.org", "nobody@x.org"], options());
    await at.send.resolve(["big@x.org"], options());
    expect(inner.state.asked).toHaveLength(2);
    expect(await stored(store)).toBeNull();
  });

  it("keeps outages apart per signed-in mailbox, under keys that hold no address", async () => {
    const inner = fakeInner(unknown("no-token"));
    const { store, calls } = countingStore();
    const at = breakers(inner.directory, store);
    await at.send.resolve(["ward7@x.org"], options(AMY));
    inner.state.entry = { kind: "person" };
    const forBen = await at.send.resolve(["ward7@x.org"], options(BEN));
    expect(forBen.get("ward7@x.org")).toEqual({ entry: { kind: "person" }, source: "graph" });
    const forAmy = await at.send.resolve(["ward7@x.org"], options(AMY));
    expect(forAmy.get("ward7@x.org")?.entry).toEqual(unknown("no-token"));
    // No mailbox known is a mailbox of its own.
    await at.send.resolve(["ward7@x.org"], options(null));
    expect(inner.state.asked).toHaveLength(3);
    expect(breakerKey(AMY)).not.toBe(breakerKey(BEN));
    expect(breakerKey(undefined)).not.toBe(breakerKey(AMY));
    for (const call of calls) expect(call).not.toMatch(/amy|ben|ward7|x\.org/);
  });

  it("does nothing for no addresses, not even read the store", async () => {
    const { inner, at } = await opened();
    const { store, calls } = countingStore();
    for (const breaker of [at.send, at.compose, at.pane]) {
      expect((await breaker.resolve([], options())).size).toBe(0);
    }
    expect(inner.state.asked).toHaveLength(0);
    const fresh = breakers(inner.directory, store);
    expect((await fresh.pane.resolve([], options())).size).toBe(0);
    expect(calls).toEqual([]);
  });

  const corrupt: [string, (clock: number) => string][] = [
    ["not JSON", () => "{outage"],
    ["JSON null", () => "null"],
    ["a number", () => "42"],
    ["an array", () => "[1]"],
    ["another version", (at) => JSON.stringify({ v: 2, until: at + 1000, cause: "unavailable" })],
    ["no until", () => JSON.stringify({ v: 1, cause: "unavailable" })],
    ["until as text", (at) => JSON.stringify({ v: 1, until: String(at + 1000), cause: "unavailable" })],
    ["until NaN (written as null)", () => JSON.stringify({ v: 1, until: NaN, cause: "unavailable" })],
    ["until an enormous number", () => `{"v":1,"until":1e400,"cause":"unavailable"}`],
    [
      "until beyond openMs (clock moved back)",
      (at) => JSON.stringify({ v: 1, until: at + OUTAGE_OPEN_MS + 1, cause: "unavailable" }),
    ],
    ["a cause that is not a failure", (at) => JSON.stringify({ v: 1, until: at + 1000, cause: "not-found" })],
    ["a cause it does not know", (at) => JSON.stringify({ v: 1, until: at + 1000, cause: "down" })],
    [
      "probeAt as text",
      (at) => JSON.stringify({ v: 1, until: at + 1000, cause: "unavailable", probeAt: "soon" }),
    ],
  ];

  it.each(corrupt)("treats a stored value with %s as closed, and clears it", async (_, value) => {
    const inner = fakeInner();
    const store = createMemoryStore([[breakerKey(AMY), value(clock)]]);
    const answers = await breakers(inner.directory, store).send.resolve(["a@x.org"], options());
    expect(inner.state.asked).toHaveLength(1);
    expect(answers.get("a@x.org")).toEqual({ entry: { kind: "person" }, source: "graph" });
    expect(await store.get(breakerKey(AMY))).toBeNull();
  });

  it("trusts a value written a moment ago at full length, and probes when probeAt is in the future", async () => {
    const inner = fakeInner(unknown("unavailable"));
    const value = { v: 1, until: clock + OUTAGE_OPEN_MS, cause: "timeout", probeAt: clock + 60_000 };
    const store = createMemoryStore([[breakerKey(AMY), JSON.stringify(value)]]);
    const at = breakers(inner.directory, store);
    expect((await at.send.resolve(["a@x.org"], options())).get("a@x.org")?.entry).toEqual(unknown("timeout"));
    expect(inner.state.asked).toHaveLength(0);
    // A probe "in the future" means the clock moved back: the interval is not trusted either.
    await at.compose.resolve(["a@x.org"], options());
    expect(inner.state.asked).toHaveLength(1);
  });

  const brokenStores: [string, () => KeyValueStore][] = [
    [
      "throws",
      () => ({
        get: () => {
          throw new Error("Storage is not available in this runtime");
        },
        set: () => {
          throw new Error("Storage is not available in this runtime");
        },
        remove: () => {
          throw new Error("Storage is not available in this runtime");
        },
      }),
    ],
    [
      "rejects",
      () => ({
        get: () => Promise.reject(new Error("quota")),
        set: () => Promise.reject(new Error("quota")),
        remove: () => Promise.reject(new Error("quota")),
      }),
    ],
  ];

  it.each(brokenStores)("asks the directory every time over a store that %s", async (_, make) => {
    const inner = fakeInner(unknown("unavailable"));
    const at = breakers(inner.directory, make());
    for (const moment of ["send", "send", "compose", "pane"] as const) {
      const answers = await at[moment].resolve(["a@x.org"], options());
      expect(answers.get("a@x.org")).toEqual({ entry: unknown("unavailable"), source: "graph" });
    }
    inner.state.entry = { kind: "person" };
    const back = await at.send.resolve(["a@x.org"], options());
    expect(back.get("a@x.org")).toEqual({ entry: { kind: "person" }, source: "graph" });
    expect(inner.state.asked).toHaveLength(5);
  });

  it("still answers when the store can be read but not written", async () => {
    const inner = fakeInner(unknown("unavailable"));
    const memory = createMemoryStore();
    const store: KeyValueStore = { ...memory, set: () => Promise.reject(new Error("quota")) };
    const at = breakers(inner.directory, store);
    const answers = await at.send.resolve(["a@x.org"], options());
    expect(answers.get("a@x.org")?.entry).toEqual(unknown("unavailable"));
    await at.send.resolve(["a@x.org"], options());
    expect(inner.state.asked).toHaveLength(2);
  });

  it("does not wait on a store that never answers past the deadline", async () => {
    const inner = fakeInner(unknown("unavailable"));
    const never = () => new Promise<never>(() => undefined);
    const store: KeyValueStore = { get: never, set: never, remove: never };
    const breaker = createBreakerDirectory(inner.directory, store, { moment: "send" });
    const started = Date.now();
    const answers = await breaker.resolve(["a@x.org"], { deadlineAt: started + 100 });
    const took = Date.now() - started;
    expect(answers.get("a@x.org")?.entry).toEqual(unknown("unavailable"));
    expect(inner.state.asked).toHaveLength(1);
    // The read waits until the deadline, the write no longer than the grace after it.
    expect(took).toBeGreaterThanOrEqual(90);
    expect(took).toBeLessThan(100 + STORE_WRITE_GRACE_MS + 500);
  });

  it("answers unavailable, and opens, when the directory breaks its promise and rejects", async () => {
    const store = createMemoryStore();
    const rejecting: Directory = { resolve: () => Promise.reject(new Error("bug")) };
    const send = createBreakerDirectory(rejecting, store, { moment: "send", now });
    const answers = await send.resolve(["a@x.org", "b@x.org"], options());
    expect([...answers.keys()]).toEqual(["a@x.org", "b@x.org"]);
    expect(answers.get("b@x.org")?.entry).toEqual(unknown("unavailable"));
    expect(await stored(store)).toMatchObject({ cause: "unavailable" });
  });
});

describe("a store that cannot be read in time", () => {
  it("is not waited on again to clear an outage it may not hold when Graph answers", async () => {
    const never = () => new Promise<never>(() => undefined);
    const silent: KeyValueStore = { get: never, set: never, remove: never };
    // Graph answers at once, whatever the deadline: only the store is slow.
    const graph: Directory = {
      resolve: async (addresses) =>
        new Map(addresses.map((address) => [address, { entry: { kind: "person" }, source: "graph" }])),
    };
    const breaker = createBreakerDirectory(graph, silent, { moment: "send" });
    const deadlineAt = Date.now() + 100;
    const answers = await breaker.resolve([AMY], { deadlineAt });
    expect(answers.get(AMY)?.entry).toEqual({ kind: "person" });
    // The read waited out the deadline; a remove would have waited STORE_WRITE_GRACE_MS more.
    expect(Date.now() - deadlineAt).toBeLessThan(STORE_WRITE_GRACE_MS / 2);
  });
});
