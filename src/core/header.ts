import type { Decision, Verdict } from "./types";

// Stamped on every message that leaves with a warning or an acknowledgement, so admins can find it
// in message trace and act on it with a mail-flow rule. ASCII only, one line, stable field order.
export const HEADER_NAME = "X-Reach-Guard";

export interface HeaderFields {
  readonly verdict: Verdict;
  readonly reach: number;
  readonly accuracy: Decision["accuracy"];
  readonly ack: boolean;
  readonly fingerprint: string;
}

export function formatHeader(fields: HeaderFields): string {
  return [
    `verdict=${fields.verdict}`,
    `reach=${Math.max(0, Math.round(fields.reach))}`,
    `accuracy=${fields.accuracy}`,
    `ack=${fields.ack ? "yes" : "no"}`,
    `fp=${fields.fingerprint}`,
  ].join("; ");
}

export function headerFor(decision: Decision, acknowledged: boolean): string {
  return formatHeader({
    verdict: decision.verdict,
    reach: decision.reach,
    accuracy: decision.accuracy,
    ack: acknowledged,
    fingerprint: decision.fingerprint,
  });
}

/** Reads a header back (audit tools, tests); unknown keys are ignored, a broken value gives null. */
export function parseHeader(value: string): HeaderFields | null {
  const fields = new Map(
    value.split(";").map((part) => {
      const [key = "", ...rest] = part.split("=");
      return [key.trim(), rest.join("=").trim()] as const;
    }),
  );
  const verdict = fields.get("verdict");
  const accuracy = fields.get("accuracy") ?? "exact";
  const reach = Number(fields.get("reach"));
  const fingerprint = fields.get("fp");
  if (verdict !== "allow" && verdict !== "warn" && verdict !== "block") return null;
  if (accuracy !== "exact" && accuracy !== "upper-bound" && accuracy !== "incomplete") return null;
  if (!Number.isInteger(reach) || reach < 0 || !fingerprint) return null;
  return { verdict, reach, accuracy, ack: fields.get("ack") === "yes", fingerprint };
}
