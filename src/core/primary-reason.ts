import type { Decision, Reason } from "./types";

/** The reason the verdict rests on: the first (most severe) that asks for it. */
export function primaryReason(decision: Decision): Reason | undefined {
  return decision.reasons.find((reason) => reason.verdict === decision.verdict);
}
