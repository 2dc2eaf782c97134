import { digest } from "../core/fingerprint";
import { readCause } from "../core/stored-entry";
import { DIRECTORY_FAILURES, type DirectoryAnswer, type UnknownCause } from "../core/types";
import { settleBy } from "../kit/deadline";
import type { KeyValueStore } from "../storage/port";
import type { Directory, ThreadReader } from "./port";
import { failedAnswers } from "./unavailable";

// Remembers an outage of the directory, so that once Graph has failed the next sends within a few
// minutes are decided at once instead of each waiting out retries to the send deadline. The state
// lives in the store, not in memory: classic Outlook starts the send handler cold every time. It is
// kept per signed-in mailbox (one Outlook may hold several accounts over one store, and a token may
// be had for one and not another), under a digest, so the store holds no address.
//
// At send the breaker trusts the memory; while composing, nothing waits on the answer, so a check
// there asks Graph again now and then to learn that it is back; the task pane always asks, since
// someone is looking at it (or has just signed in). Whatever the store does, the worst outcome is
// a breaker that is closed: Graph is asked, as if nothing had been remembered. A broken store must
// never make an outage last for ever, nor fail a check.

/** Where the check runs: the send handler, a compose-time event handler, or the task pane. */
export type BreakerMoment = "send" | "compose" | "pane";

export interface BreakerOptions {
  readonly moment: BreakerMoment;
  readonly now?: () => number;
  /** How long an outage is remembered after the last failure. */
  readonly openMs?: number;
  /** While open, compose-time checks ask Graph at most this often. */
  readonly probeEveryMs?: number;
}

export const OUTAGE_OPEN_MS = 120_000;
export const PROBE_EVERY_MS = 30_000;

/**
 * How long past the deadline a write of the state may hold the check. OfficeRuntime.storage answers
 * in milliseconds; one that has not answered by then is not waited for (the write still goes on).
 */
export const STORE_WRITE_GRACE_MS = 250;

/**
 * A timeout says Graph is down only when Graph had this long to answer. A check that reaches the
 * directory with its deadline nearly spent (the host files were slow, say) times out whatever Graph
 * is doing, and remembering that would turn two minutes of sends to lists into warnings for nothing.
 */
export const FAIR_CHANCE_MS = 500;

interface Stored {
  readonly v: 1;
  /** Epoch milliseconds until which the outage is remembered. */
  readonly until: number;
  readonly cause: UnknownCause;
  /** When Graph was last asked while open (a probe, or the call that found the outage). */
  readonly probeAt?: number;
}

export const OUTAGE_KEY_PREFIX = "outage:";

/** The key for a mailbox's state; a digest, so that the store holds no address. */
export function breakerKey(mailbox: string | undefined): string {
  return `${OUTAGE_KEY_PREFIX}${digest(mailbox ?? "")}`;
}

// The words the user reads differ by cause: "no token" and "not permitted" tell an admin what to
// fix, where "unavailable" and "timeout" both say only that Graph did not answer.
const CAUSE_RANK: readonly UnknownCause[] = ["no-token", "not-permitted", "unavailable", "timeout"];

function isFailure(cause: UnknownCause): boolean {
  return DIRECTORY_FAILURES.includes(cause);
}

/**
 * The most informative directory failure among the answers, or null when there is none. A timeout
 * counts only when `timeoutsCount`: see FAIR_CHANCE_MS.
 */
export function outageCause(
  answers: ReadonlyMap<string, DirectoryAnswer>,
  timeoutsCount = true,
): UnknownCause | null {
  let best: UnknownCause | null = null;
  for (const { entry } of answers.values()) {
    if (entry.kind !== "unknown" || !isFailure(entry.cause)) continue;
    if (entry.cause === "timeout" && !timeoutsCount) continue;
    if (best === null || CAUSE_RANK.indexOf(entry.cause) < CAUSE_RANK.indexOf(best)) best = entry.cause;
  }
  return best;
}

/** Graph itself answered at least one address (not a failure, not a copy from a cache). */
function graphAnswered(answers: ReadonlyMap<string, DirectoryAnswer>): boolean {
  for (const answer of answers.values()) {
    if (answer.source !== "graph") continue;
    if (answer.entry.kind !== "unknown" || !isFailure(answer.entry.cause)) return true;
  }
  return false;
}

/**
 * The open state, or null when the value is absent, expired or not believable. An `until` further
 * ahead than the breaker ever opens for means the clock was moved back: it is not trusted, or the
 * outage would outlast any failure.
 */
function readOpen(text: string | null, now: number, openMs: number): Stored | null {
  if (typeof text !== "string") return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return null;
    const stored = value as Record<string, unknown>;
    const { until, cause, probeAt } = stored;
    if (stored.v !== 1 || typeof until !== "number" || !Number.isFinite(until)) return null;
    const known = readCause(cause);
    if (known === null || !isFailure(known)) return null;
    if (probeAt !== undefined && (typeof probeAt !== "number" || !Number.isFinite(probeAt))) return null;
    if (until <= now || until - now > openMs) return null;
    return {
      v: 1,
      until,
      cause: known,
      ...(probeAt === undefined ? {} : { probeAt }),
    };
  } catch {
    return null;
  }
}

/** The stored state; undefined when the store could not be read (thrown, rejected or too slow). */
function readState(
  store: KeyValueStore,
  key: string,
  deadlineAt: number,
  now: () => number,
): Promise<string | null | undefined> {
  return settleBy<string | null | undefined>(deadlineAt, () => store.get(key), undefined, now);
}

export function createBreakerDirectory(
  inner: Directory,
  store: KeyValueStore,
  options: BreakerOptions,
): Directory {
  const now = options.now ?? Date.now;
  const openMs = options.openMs ?? OUTAGE_OPEN_MS;
  const probeEveryMs = options.probeEveryMs ?? PROBE_EVERY_MS;

  return {
    async resolve(addresses, resolveOptions) {
      if (addresses.length === 0) return new Map();
      const { deadlineAt } = resolveOptions;
      const key = breakerKey(resolveOptions.mailbox);
      const writeBy = () => Math.max(deadlineAt, now()) + STORE_WRITE_GRACE_MS;
      const write = (value: Stored) =>
        settleBy(writeBy(), () => store.set(key, JSON.stringify(value)), undefined, now);

      const text = await readState(store, key, deadlineAt, now);
      const started = now();
      const open = text === undefined ? null : readOpen(text, started, openMs);

      if (open) {
        const probeDue =
          options.moment === "pane" ||
          (options.moment === "compose" &&
            (open.probeAt === undefined || open.probeAt > started || started - open.probeAt >= probeEveryMs));
        if (!probeDue) return failedAnswers(addresses, open.cause);
        // Written before asking, so that the checks that follow while this probe waits on Graph
        // answer at once instead of probing too.
        if (options.moment === "compose") await write({ ...open, probeAt: started });
      }

      let answers: Map<string, DirectoryAnswer>;
      try {
        answers = await inner.resolve(addresses, resolveOptions);
      } catch {
        // The port promises never to reject; if one does, it is an outage like any other.
        answers = failedAnswers(addresses, "unavailable");
      }

      const cause = outageCause(answers, deadlineAt - started >= FAIR_CHANCE_MS);
      if (cause !== null) {
        await write({ v: 1, until: now() + openMs, cause, probeAt: started });
      } else if (graphAnswered(answers) && typeof text === "string") {
        // Back: forget the outage. Nothing to remove when nothing was there (text null), and a store
        // that could not be read in time (undefined) is not waited on again for a guess: the next
        // check that reads it clears what it holds.
        await settleBy(writeBy(), () => store.remove(key), undefined, now);
      }
      return answers;
    },
  };
}

/**
 * The storm check's thread reader behind the same memory: while an outage is remembered for the
 * mailbox, or its state cannot be read in time, a send does not ask Graph about the thread (it
 * would only wait, and the storm check is a courtesy there); compose and the pane still ask. It never
 * writes: whether lists can be sized is the directory's to say.
 */
export function createBreakerThreadReader(
  inner: ThreadReader,
  store: KeyValueStore,
  options: BreakerOptions,
): ThreadReader {
  const now = options.now ?? Date.now;
  const openMs = options.openMs ?? OUTAGE_OPEN_MS;
  return {
    async read(conversationId, readOptions) {
      if (options.moment === "send") {
        const text = await readState(store, breakerKey(readOptions.mailbox), readOptions.deadlineAt, now);
        if (text === undefined || readOpen(text, now(), openMs)) {
          throw new Error("Graph is remembered as down: the thread is not read at send");
        }
      }
      return inner.read(conversationId, readOptions);
    },
  };
}
