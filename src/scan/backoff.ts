import { isGraphError } from "../directory/graph/errors";
import { ScanInterrupted } from "./errors";

// The scan's own patience, above the Graph client's: the client retries one request (honouring
// Retry-After within the request's time budget); when a whole step still fails (a page of lists, a
// slice of batches), the scan waits longer, with exponential back-off and full jitter so that several
// scans throttled together do not come back in step, and only then stops, resumably.

export interface StepRetry {
  /** Tries of a step before the scan stops. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** In [0, 1). */
  readonly random: () => number;
}

export const DEFAULT_STEP_RETRY: StepRetry = {
  attempts: 4,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Full jitter: anywhere from nothing to the capped exponential wait, so retries spread out. */
export function jitteredDelay(attempt: number, retry: StepRetry): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(retry.random() * ceiling);
}

/** Whether a failure may pass if tried again later; a refused token or permission will not. */
export function isTransient(error: unknown): boolean {
  if (!isGraphError(error)) return false;
  if (error.code === "Redirected") return false;
  return error.failure === "unavailable" || error.failure === "timeout";
}

/** One line on why Graph failed, with no answer content: status and Graph's error code only. */
export function describeFailure(error: unknown): string {
  if (!isGraphError(error)) return (error as Error).message;
  if (error.failure === "no-token") {
    // The sign-in's own reason (sign-in.ts puts MSAL's error code there), never a token.
    const reason = (error.cause as { cause?: unknown } | undefined)?.cause;
    return reason instanceof Error ? reason.message : "no access token could be had";
  }
  if (error.failure === "not-permitted")
    return `Microsoft Graph refused the token (${error.status ?? "-"} ${error.code}): it may have expired or lack a permission`;
  if (error.code === "Redirected") return "Microsoft Graph answered with a redirect, which is never followed";
  return `Microsoft Graph did not answer usefully (${error.status ?? "no answer"} ${error.code})`;
}

/** Runs `step`, retrying transient failures; throws ScanInterrupted once it gives up. */
export async function withStepRetry<T>(what: string, retry: StepRetry, step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (error instanceof ScanInterrupted) throw error;
      if (!isTransient(error) || attempt >= retry.attempts)
        throw new ScanInterrupted(`${what}: ${describeFailure(error)}`, { cause: error });
      await retry.sleep(jitteredDelay(attempt, retry));
    }
  }
}
