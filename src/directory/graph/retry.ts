// Back-off for Graph: retry only what Graph documents as transient (429, 503, 504), wait what
// Retry-After says (seconds, fractional seconds, or an HTTP date), and never wait past the deadline:
// a send decision that comes too late is worse than one made with what is known.

export const RETRYABLE_STATUSES: readonly number[] = [429, 503, 504];

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.includes(status);
}

/** Milliseconds to wait, or null when the header is absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === "") return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT") has a weekday name; anything else is unreadable.
  if (!/^[a-z]{3},/i.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

export interface BackoffOptions {
  /** First wait when Graph gives no Retry-After; doubles each attempt. */
  readonly baseDelayMs: number;
  /** Longest wait between two attempts. */
  readonly maxDelayMs: number;
  readonly maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 200, maxDelayMs: 10_000, maxAttempts: 4 };

/**
 * How long to wait before attempt number `attempt + 1` (attempt counts from 1), or null when no
 * further attempt should be made: attempts used up, or the wait would end past the deadline.
 */
export function nextDelay(
  attempt: number,
  retryAfterMs: number | null,
  deadlineAt: number,
  now: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number | null {
  if (attempt >= options.maxAttempts) return null;
  const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const wait = retryAfterMs ?? backoff;
  // Leave room for the retried request itself: a retry that starts at the deadline is useless.
  const minimumRequestMs = 20;
  if (now + wait + minimumRequestMs > deadlineAt) return null;
  return wait;
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done);
  });
}
