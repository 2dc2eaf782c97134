// Faults the local Graph server can be told to inject, as an incident would bring them.

/**
 * Which requests a fault hits: MailTips, group/user lookups, `$count`s, whole `$batch` requests, a
 * mailbox's messages, or any.
 */
export type FaultTarget = "any" | "mailtips" | "groups" | "count" | "batch" | "messages";
export type RequestKind = "mailtips" | "groups" | "users" | "count" | "batch" | "messages" | "other";

interface Counted {
  /** How many answers the fault hits (default: all). */
  readonly times?: number;
  readonly on?: FaultTarget;
  /** Requests of its target let through before the fault starts (default 0): an outage mid-scan. */
  readonly after?: number;
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
  /** /groups and /me/messages pages link their next page on this origin instead (a hostile or broken nextLink). */
  readonly nextLinkOrigin?: string;
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
  private seen = new Map<FaultName, number>();

  constructor(private current: Faults = {}) {
    this.replace(current);
  }

  get faults(): Faults {
    return this.current;
  }

  replace(faults: Faults): void {
    this.current = faults;
    this.remaining = new Map();
    this.seen = new Map();
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
    const seen = (this.seen.get(name) ?? 0) + 1;
    this.seen.set(name, seen);
    if (seen <= (fault.after ?? 0)) return false;
    this.remaining.set(name, left - 1);
    return true;
  }
}

const TARGETS: readonly FaultTarget[] = ["any", "mailtips", "groups", "count", "batch", "messages"];
const COUNTED_FIELDS: Record<FaultName, readonly string[]> = {
  throttle: ["times", "on", "after", "retryAfter"],
  status: ["times", "on", "after", "code", "retryAfter"],
  malformed: ["times", "on", "after"],
  drop: ["times", "on", "after"],
  hang: ["times", "on", "after"],
};

// A fault with a misspelt target or count would otherwise never fire and a test would pass for the
// wrong reason, so every field is checked and the first problem named.
function checkCounted(name: FaultName, fault: unknown): void {
  if (typeof fault !== "object" || fault === null || Array.isArray(fault))
    throw new Error(`${name} must be an object`);
  const fields = fault as Record<string, unknown>;
  for (const key of Object.keys(fields))
    if (!COUNTED_FIELDS[name].includes(key)) throw new Error(`unknown field ${name}.${key}`);
  if (fields.times !== undefined && !(Number.isInteger(fields.times) && (fields.times as number) >= 1))
    throw new Error(`${name}.times must be a whole number >= 1`);
  if (fields.after !== undefined && !(Number.isInteger(fields.after) && (fields.after as number) >= 0))
    throw new Error(`${name}.after must be a whole number >= 0`);
  if (fields.on !== undefined && !TARGETS.includes(fields.on as FaultTarget))
    throw new Error(`${name}.on must be one of ${TARGETS.join(", ")}`);
  const retryAfter = fields.retryAfter;
  const retryOk =
    retryAfter === undefined ||
    (typeof retryAfter === "number" && Number.isFinite(retryAfter) && retryAfter >= 0) ||
    (typeof retryAfter === "string" && retryAfter.trim() !== "");
  if (!retryOk) throw new Error(`${name}.retryAfter must be seconds >= 0 or an HTTP date`);
}

export function validateFaults(value: unknown): Faults {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error("faults must be an object");
  const known = [
    "latencyMs",
    "throttle",
    "status",
    "malformed",
    "drop",
    "hang",
    "unauthorized",
    "nextLinkOrigin",
  ];
  for (const key of Object.keys(value)) if (!known.includes(key)) throw new Error(`unknown fault ${key}`);
  const faults = value as Faults;
  if (faults.latencyMs !== undefined && !(Number.isFinite(faults.latencyMs) && faults.latencyMs >= 0)) {
    throw new Error("latencyMs must be a number >= 0");
  }
  for (const name of Object.keys(COUNTED_FIELDS) as FaultName[]) {
    if (faults[name] !== undefined) checkCounted(name, faults[name]);
  }
  if (faults.status !== undefined) {
    const code = faults.status.code;
    if (!(Number.isInteger(code) && code >= 400 && code <= 599))
      throw new Error("status.code must be an HTTP error status (400-599)");
  }
  if (faults.unauthorized !== undefined && typeof faults.unauthorized !== "boolean")
    throw new Error("unauthorized must be true or false");
  if (faults.nextLinkOrigin !== undefined && !/^https?:\/\/[^/?#\s]+$/.test(String(faults.nextLinkOrigin)))
    throw new Error("nextLinkOrigin must be an origin such as https://elsewhere.example");
  return faults;
}
