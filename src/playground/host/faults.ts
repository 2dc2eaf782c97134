// The playground's switches, and what each asks of the local Graph server (src/fake-graph/faults.ts)
// or of the authentication broker. They combine: slow and throttled together is a bad day.

export interface PlaygroundFaults {
  /** Every Graph answer takes two seconds: the send-time deadline has to do its work. */
  readonly slow: boolean;
  /** Graph answers 429 Too Many Requests with Retry-After: 1. */
  readonly throttled: boolean;
  /** Graph answers 503 Service Unavailable. */
  readonly down: boolean;
  /** Outlook cannot get a token silently: the user must sign in. */
  readonly noToken: boolean;
}

export const NO_FAULTS: PlaygroundFaults = { slow: false, throttled: false, down: false, noToken: false };

export const SLOW_LATENCY_MS = 2000;

/** The body of PUT /_fake/faults for these switches. */
export function graphFaultsFor(faults: PlaygroundFaults): Record<string, unknown> {
  return {
    ...(faults.slow ? { latencyMs: SLOW_LATENCY_MS } : {}),
    ...(faults.throttled ? { throttle: { retryAfter: 1 } } : {}),
    ...(faults.down ? { status: { code: 503 } } : {}),
  };
}
