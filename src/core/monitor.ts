import type { Reason, ReasonCode } from "./types";

// Monitor mode lets an admin pilot Reach Guard across a tenant: every verdict is worked out and
// written in the header, but the sender is neither warned nor blocked. A few reasons are not a
// matter of piloting: an incident is the service desk stopping a reply-all storm that is happening
// now, and holds in monitor mode as it does for broadcasters.

/** Reasons acted on whatever the mode. */
export const ALWAYS_ENFORCED: readonly ReasonCode[] = ["incident"];

export function isAlwaysEnforced(reason: Reason): boolean {
  return ALWAYS_ENFORCED.includes(reason.code);
}

/**
 * The reasons as monitor mode enforces them: each keeps its sentence (the task pane still says what
 * was found), but only the always-enforced keep their verdict; the rest become notes (`allow`).
 */
export function monitored(reasons: readonly Reason[]): Reason[] {
  return reasons.map((reason) => (isAlwaysEnforced(reason) ? reason : { ...reason, verdict: "allow" }));
}
