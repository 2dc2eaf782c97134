import { digest } from "../core/fingerprint";
import { readStoredEntry } from "../core/stored-entry";
import type { DirectoryAnswer, DirectoryEntry } from "../core/types";
import { settleBy } from "../kit/deadline";
import type { KeyValueStore } from "../storage/port";
import type { Directory } from "./port";
import { failedAnswers } from "./unavailable";

// List sizes kept for the policy's cacheMinutes, so that a send a minute after composing needs no
// Graph call. Only what Graph answered is kept: a failure or an unknown size is never stored, so it
// can never come back later looking like a small list. Keys are digests, not addresses, so the
// store holds no recipient addresses. Each key names the signed-in mailbox as well as the address:
// MailTips judge a delivery restriction for the mailbox that asks, and one Outlook may hold several
// accounts over one store, so a restriction learnt for one must never be read back for another.

/**
 * How long reading the store may take before the addresses count as not cached: a store that does
 * not answer must cost a Graph call, not the deadline.
 */
export const STORE_READ_MS = 250;

export interface CacheOptions {
  readonly ttlMs: number;
  readonly now?: () => number;
}

interface Stored {
  readonly v: 1;
  readonly at: number;
  readonly entry: DirectoryEntry;
}

export function cacheKey(address: string, mailbox: string | undefined): string {
  return `size:${digest(`${mailbox ?? ""}\n${address}`)}`;
}

function cacheable(entry: DirectoryEntry, mailbox: string | undefined): boolean {
  // Whose restriction it is cannot be told without the mailbox: not kept at all.
  if (entry.kind === "list") return !entry.restricted || mailbox !== undefined;
  return entry.kind === "person" || entry.kind === "external";
}

/** A stored value, or null when it is absent, expired or not ours (a corrupt value is ignored). */
function read(text: string | null, now: number, ttlMs: number): DirectoryEntry | null {
  if (text === null) return null;
  try {
    const stored = JSON.parse(text) as Partial<Record<keyof Stored, unknown>> | null;
    if (stored?.v !== 1 || typeof stored.at !== "number") return null;
    if (stored.at > now || now - stored.at >= ttlMs) return null;
    const entry = readStoredEntry(stored.entry);
    // Unknown answers are never written here (see above): one read back is not ours.
    return entry === null || entry.kind === "unknown" ? null : entry;
  } catch {
    return null;
  }
}

export function createCachedDirectory(
  inner: Directory,
  store: KeyValueStore,
  options: CacheOptions,
): Directory {
  const now = options.now ?? Date.now;
  return {
    async resolve(addresses, resolveOptions) {
      if (options.ttlMs <= 0) return inner.resolve(addresses, resolveOptions);
      const answers = new Map<string, DirectoryAnswer>();
      const readBy = Math.min(resolveOptions.deadlineAt, now() + STORE_READ_MS);
      const texts = await settleBy(
        readBy,
        () =>
          Promise.all(
            addresses.map((address) =>
              store.get(cacheKey(address, resolveOptions.mailbox)).catch(() => null),
            ),
          ),
        addresses.map(() => null),
        now,
      );
      const missing: string[] = [];
      addresses.forEach((address, index) => {
        const entry = read(texts[index] ?? null, now(), options.ttlMs);
        if (entry) answers.set(address, { entry, source: "cache" });
        else missing.push(address);
      });
      if (missing.length === 0) return answers;
      const fresh = await inner.resolve(missing, resolveOptions);
      // An address the directory behind left out is still answered: never as known.
      const unanswered = failedAnswers(missing, "unavailable");
      const at = now();
      const writes: Promise<void>[] = [];
      for (const address of missing) {
        const answer = fresh.get(address) ?? unanswered.get(address)!;
        answers.set(address, answer);
        if (answer.source === "graph" && cacheable(answer.entry, resolveOptions.mailbox)) {
          const stored: Stored = { v: 1, at, entry: answer.entry };
          const key = cacheKey(address, resolveOptions.mailbox);
          writes.push(store.set(key, JSON.stringify(stored)).catch(() => undefined));
        }
      }
      // Remembering is worth waiting for until the deadline, and no longer.
      await settleBy(resolveOptions.deadlineAt, () => Promise.all(writes), [], now);
      return answers;
    },
  };
}
