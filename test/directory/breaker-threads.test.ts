import { breakerKey, createBreakerThreadReader, OUTAGE_OPEN_MS } from "../../src/directory/breaker";
import type { ThreadReader } from "../../src/directory/port";
import { createMemoryStore } from "../../src/storage/memory";
import type { KeyValueStore } from "../../src/storage/port";

// The storm check's reader behind the breaker's memory: a send does not wait on Graph for a thread
// while an outage is remembered (or its state cannot be read in time); compose and the pane ask.

const NOW = Date.parse("2026-11-27T10:00:00Z");
const MAILBOX = "dr.amelia.hart@example.org";
const READING = { messages: [], complete: true };

function counting(): { reader: ThreadReader; calls: () => number } {
  let calls = 0;
  return {
    reader: {
      async read() {
        calls++;
        return READING;
      },
    },
    calls: () => calls,
  };
}

const outage = (until: number) => JSON.stringify({ v: 1, until, cause: "unavailable", probeAt: NOW });
const options = (deadlineAt = Date.now() + 1000) => ({
  since: NOW - 3_600_000,
  deadlineAt,
  mailbox: MAILBOX,
});

test("at send, a remembered outage means the thread is not asked about", async () => {
  const store = createMemoryStore([[breakerKey(MAILBOX), outage(NOW + 60_000)]]);
  const inner = counting();
  const reader = createBreakerThreadReader(inner.reader, store, { moment: "send", now: () => NOW });
  await expect(reader.read("AAQk", options())).rejects.toThrow(/remembered as down/);
  expect(inner.calls()).toBe(0);
});

test("another mailbox's outage, an expired one, or none: the thread is read", async () => {
  const store = createMemoryStore([[breakerKey("someone.else@example.org"), outage(NOW + 60_000)]]);
  const inner = counting();
  const reader = createBreakerThreadReader(inner.reader, store, { moment: "send", now: () => NOW });
  await expect(reader.read("AAQk", options())).resolves.toEqual(READING);
  const expired = createMemoryStore([[breakerKey(MAILBOX), outage(NOW - 1)]]);
  await createBreakerThreadReader(inner.reader, expired, { moment: "send", now: () => NOW }).read(
    "AAQk",
    options(),
  );
  // An `until` further ahead than any outage lasts is a clock moved back: not believed.
  const far = createMemoryStore([[breakerKey(MAILBOX), outage(NOW + OUTAGE_OPEN_MS * 10)]]);
  await createBreakerThreadReader(inner.reader, far, { moment: "send", now: () => NOW }).read(
    "AAQk",
    options(),
  );
  expect(inner.calls()).toBe(3);
});

test("while composing and in the pane the thread is read whatever is remembered", async () => {
  const store = createMemoryStore([[breakerKey(MAILBOX), outage(NOW + 60_000)]]);
  const inner = counting();
  for (const moment of ["compose", "pane"] as const) {
    await createBreakerThreadReader(inner.reader, store, { moment, now: () => NOW }).read("AAQk", options());
  }
  expect(inner.calls()).toBe(2);
});

test("a store that does not answer by the deadline is not waited on: the send skips the thread", async () => {
  const silent: KeyValueStore = {
    get: () => new Promise(() => undefined),
    set: async () => undefined,
    remove: async () => undefined,
  };
  const inner = counting();
  const reader = createBreakerThreadReader(inner.reader, silent, { moment: "send" });
  const started = Date.now();
  await expect(reader.read("AAQk", options(Date.now() + 100))).rejects.toThrow();
  expect(Date.now() - started).toBeLessThan(400);
  expect(inner.calls()).toBe(0);
});
