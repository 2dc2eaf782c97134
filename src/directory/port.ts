import type { DirectoryAnswer } from "../core/types";

export interface ResolveOptions {
  /** Epoch milliseconds by which an answer must be returned, whatever the directory is doing. */
  readonly deadlineAt: number;
  readonly signal?: AbortSignal;
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
