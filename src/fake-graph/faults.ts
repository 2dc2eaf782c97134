// Faults the local Graph server can be told to inject, as an incident would bring them.

/** Which requests a fault hits: MailTips, group/user lookups, `$count`s, whole `$batch` requests, or any. */
export type FaultTarget = "any" | "mailtips" | "groups" | "count" | "batch";
export type RequestKind = "mailtips" | "groups" | "users" | "count" | "batch" | "other";

interface Counted {
  /** How many answers the fault hits (default: all). */
  readonly times?: number;
  readonly on?: FaultTarget;
}

export interface Faults {
  /** Added before every answer (once per batch). */
  readonly latencyMs?: number;
  /** 429 TooManyRequests with Retry-After (default "1"). */
  readonly throttle?: Counted & { readonly retryAfter?: number | string };
  /** An error status such as 503, with Graph's error body. */
  readonly status?: Counted & { readonly code: number; readonly retryAfter?: number | string };
  /** 200 with a body cut short. */
  readonly malformed?: Counted;
  /** The connection is closed without an answer. */
  readonly drop?: Counted;
  /** No answer at all. */
  readonly hang?: Counted;
  /** Every Graph request 401 InvalidAuthenticationToken. */
  readonly unauthorized?: boolean;
}

export type FaultName = "throttle" | "status" | "malformed" | "drop" | "hang";

function hits(target: FaultTarget | undefined, kind: RequestKind): boolean {
  const on = target ?? "any";
  if (on === "any") return true;
  if (on === "groups") return kind === "groups" || kind === "users";
  return on === kind;
}

/** The current faults with their remaining counts. */
export class FaultState {
  private remaining = new Map<FaultName, number>();

  constructor(private current: Faults = {}) {
    this.replace(current);
  }

  get faults(): Faults {
    return this.current;
  }

  replace(faults: Faults): void {
    this.current = faults;
    this.remaining = new Map();
    for (const name of ["throttle", "status", "malformed", "drop", "hang"] as const) {
      const fault = faults[name];
      if (fault) this.remaining.set(name, fault.times ?? Number.POSITIVE_INFINITY);
    }
  }

  /** Takes one use of the fault if it applies to this kind of request. */
  take(name: FaultName, kind: RequestKind): boolean {
    const fault = this.current[name];
    const left = this.remaining.get(name) ?? 0;
    if (!fault || left <= 0 || !hits(fault.on, kind)) return false;
    this.remaining.set(name, left - 1);
    return true;
  }
}

export function validateFaults(value: unknown): Faults {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error("faults must be an object");
  const known = ["latencyMs", "throttle", "status", "malformed", "drop", "hang", "unauthorized"];
  for (const key of Object.keys(value)) if (!known.includes(key)) throw new Error(`unknown fault ${key}`);
  const faults = value as Faults;
  if (faults.latencyMs !== undefined && !(Number.isFinite(faults.latencyMs) && faults.latencyMs >= 0)) {
    throw new Error("latencyMs must be a number >= 0");
  }
  if (faults.status !== undefined && !Number.isInteger(faults.status.code))
    throw new Error("status.code must be an HTTP status");
  return faults;
}
