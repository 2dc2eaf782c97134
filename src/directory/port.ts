import type { DirectoryAnswer } from "../core/types";

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
 * Contract, shared by every adapter and checked by test/directory/contract.ts:
 * - never rejects; a failure becomes `{ kind: "unknown", cause }` for the addresses it touched;
 * - answers every address it was given, and nothing else;
 * - returns by `deadlineAt` (plus a few milliseconds of bookkeeping);
 * - a list whose size it cannot learn is `unknown`, never a small list or a person.
 */
export interface Directory {
  resolve(addresses: readonly string[], options: ResolveOptions): Promise<Map<string, DirectoryAnswer>>;
}
