import type { UnknownCause } from "../../src/core/types";
import {
  breakerKey,
  createBreakerDirectory,
  STORE_WRITE_GRACE_MS,
  type BreakerMoment,
} from "../../src/directory/breaker";
import { createMemoryStore } from "../../src/storage/memory";
import type { KeyValueStore } from "../../src/storage/port";
import {
  directoryContract,
  MAILBOX,
  SCRIPTED_CAST,
  scriptedWorld,
  type Failure,
  type Trouble,
} from "./contract";

// The outage breaker over a scripted world, at each moment a check runs, with a store of its own
// that may fail or remember an outage from before.

const cast = SCRIPTED_CAST;

function breaker(moment: BreakerMoment, trouble: Trouble, store: KeyValueStore = createMemoryStore()) {
  return createBreakerDirectory(scriptedWorld(cast, trouble).directory, store, { moment });
}

/** A store remembering an outage that a compose-time check has just probed. */
function remembering(cause: UnknownCause): KeyValueStore {
  const now = Date.now();
  return createMemoryStore([
    [breakerKey(MAILBOX), JSON.stringify({ v: 1, until: now + 60_000, cause, probeAt: now })],
  ]);
}

const never = () => new Promise<never>(() => undefined);
const refusing: KeyValueStore = {
  get: () => Promise.reject(new Error("storage blocked")),
  set: () => Promise.reject(new Error("storage full")),
  remove: () => Promise.reject(new Error("storage blocked")),
};
const silent: KeyValueStore = { get: never, set: never, remove: never };
const neverWrites = (): KeyValueStore => ({ ...createMemoryStore(), set: never, remove: never });

function failures(moment: BreakerMoment): Failure[] {
  return [
    { name: "the directory behind it is down", open: () => breaker(moment, "unavailable") },
    { name: "the directory behind it is not permitted", open: () => breaker(moment, "not-permitted") },
    { name: "the directory behind it runs out its deadline", open: () => breaker(moment, "hang") },
    {
      name: "an outage is remembered, though the directory behind it is back",
      // Only the task pane asks again at once; a compose-time check probed just now.
      ...(moment === "pane" ? { hits: [] } : {}),
      open: () => breaker(moment, null, remembering("no-token")),
    },
    {
      name: "its store refuses every read and write",
      hits: "any",
      open: () => breaker(moment, null, refusing),
    },
    { name: "its store never answers", hits: "any", open: () => breaker(moment, null, silent) },
    {
      name: "its store never finishes a write, and the directory behind it is down",
      open: () => breaker(moment, "unavailable", neverWrites()),
      // By design (breaker.ts): the outage is written before a cold runtime ends, waited for that long.
      breaks: {
        rules: ["on-time"],
        why: `breaker.ts waits up to STORE_WRITE_GRACE_MS (${STORE_WRITE_GRACE_MS} ms) past the deadline for its write`,
      },
    },
  ];
}

for (const moment of ["send", "compose", "pane"] as const) {
  directoryContract(`outage breaker, at ${moment}`, {
    cast,
    healthy: () => breaker(moment, null),
    failures: failures(moment),
  });
}
