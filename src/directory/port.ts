import type { DirectoryAnswer, ThreadReading } from "../core/types";

export interface ResolveOptions {
  /** Epoch milliseconds by which an answer must be returned, whatever the directory is doing. */
  readonly deadlineAt: number;
  readonly signal?: AbortSignal;
  /**
   * The signed-in mailbox the directory answers for (MailTips judge delivery restrictions for it),
   * when known: what is remembered is kept apart per mailbox.
   */
  readonly mailbox?: string;
}

/**
 * Resolves normalised addresses (lower-case, ASCII domain) to what they are.
 *
 * Contract, shared by every adapter and checked by `directoryContract` in
 * test/directory/contract.ts (run against each adapter by test/directory/*-contract.test.ts):
 * - never rejects, nor throws, nor hangs, an aborted signal included; a failure becomes
 *   `{ kind: "unknown", cause }`, the cause one of DIRECTORY_FAILURES, for the addresses it touched,
 *   and the others are answered as if nothing had failed;
 * - answers every address it was given, and nothing else: an address given twice once, no addresses
 *   with an empty map, hundreds in one call; each as the directory holds it (a person, a list of its
 *   size, an external address; an internal address it does not know is unknown, `not-found`);
 * - returns by `deadlineAt` plus 50 ms of bookkeeping, also when what is behind it hangs, and at
 *   once when the deadline has already passed (the check waits no longer: CONTRACT_SLACK_MS);
 * - a list whose size it cannot learn is `unknown` (`count-missing`), never a small list or a person,
 *   however often it is asked;
 * - answers are well-formed DirectoryAnswers, plain JSON data, from source `graph` or `cache`.
 */
export interface Directory {
  resolve(addresses: readonly string[], options: ResolveOptions): Promise<Map<string, DirectoryAnswer>>;
}

export interface ThreadReadOptions {
  /** Only messages received at or after this moment (epoch ms). */
  readonly since: number;
  /** Epoch ms by which to give up; the reader rejects then, or at most 50 ms later. */
  readonly deadlineAt: number;
  readonly signal?: AbortSignal;
  /** The signed-in mailbox, when known: whose remembered outage applies (./breaker.ts). */
  readonly mailbox?: string;
}

/**
 * Reads the recent messages of one conversation in the signed-in mailbox (Graph, `Mail.Read`), for
 * the storm check. Unlike a Directory it may reject: any failure (no token, throttled, malformed,
 * too slow) rejects, and the caller then goes on as if it had never asked.
 */
export interface ThreadReader {
  read(conversationId: string, options: ThreadReadOptions): Promise<ThreadReading>;
}
