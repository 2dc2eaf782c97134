// Time limits, written once. A promise cannot be cancelled, so a limit is a race against a timer,
// and the timer is cleared however the race ends: a runtime that lives on (the task pane, Outlook's
// browser runtime) must not collect timers that fire long after their check is over. Timers only,
// nothing newer: classic Outlook's JavaScript-only runtime promises neither AbortSignal.timeout nor
// Promise.allSettled.

/** setTimeout's longest wait: it fires at once for a longer one (2^31 - 1 ms, about 24.8 days). */
export const LONGEST_WAIT_MS = 2_147_483_647;

/** A wait setTimeout honours: negative and NaN wait nothing, and a longer one than it can count is cut to the longest. */
export function waitFor(ms: number): number {
  if (Number.isNaN(ms) || ms <= 0) return 0;
  return Math.min(ms, LONGEST_WAIT_MS);
}

/** Runs `action` after `ms`, unless the returned function is called first. */
export function after(ms: number, action: () => void): () => void {
  const timer = setTimeout(action, waitFor(ms));
  return () => clearTimeout(timer);
}

/**
 * What `operation` gives, or `fallback` when it throws, rejects or has not answered by `until`
 * (epoch ms): for a store or a service whose failure must cost a default, never the caller's time.
 */
export function settleBy<T>(
  until: number,
  operation: () => PromiseLike<T>,
  fallback: T,
  now: () => number = Date.now,
): Promise<T> {
  const instead = () => fallback;
  return within(until - now(), operation, instead).catch(instead);
}

/**
 * Settles as `work` does, unless `ms` pass first: then as `onTimeout` says (what it returns, or what
 * it throws). A `work` that throws before it returns a promise rejects like one that rejects; a
 * rejection is passed on for the caller to handle as it needs, and one that comes after the limit is
 * ignored. `onTimeout` is called at most once, and never once `work` has settled.
 */
export function within<T>(
  ms: number,
  work: () => T | PromiseLike<T>,
  onTimeout: () => T | PromiseLike<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = after(ms, () => {
      try {
        resolve(onTimeout());
      } catch (error) {
        reject(error);
      }
    });
    new Promise<T>((started) => started(work())).then(
      (value) => {
        cancel();
        resolve(value);
      },
      (error: unknown) => {
        cancel();
        reject(error);
      },
    );
  });
}

export interface Abortable {
  /** Undefined where the runtime has no AbortController: the caller's time limit still ends its wait. */
  readonly signal: AbortSignal | undefined;
  abort(): void;
  /** Stops following the outer signal; call it when the work is over. */
  release(): void;
}

/**
 * A signal for one piece of work (a fetch), aborted by `abort()` (its time limit's `onTimeout`, say)
 * or when `outer` is. Classic Outlook's JavaScript-only runtime does not promise AbortController; there
 * the signal is undefined, the work runs on unaborted, and the race against its limit ends the wait.
 */
export function abortable(outer?: AbortSignal): Abortable {
  if (typeof AbortController === "undefined") return { signal: undefined, abort() {}, release() {} };
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  if (outer?.aborted) abort();
  outer?.addEventListener("abort", abort);
  return {
    signal: controller.signal,
    abort,
    release: () => outer?.removeEventListener("abort", abort),
  };
}
