import type { Decision, Mode, Verdict } from "./types";

// Stamped on every message that leaves with a warning, an acknowledgement, or a check that did not
// finish, so admins can find it in message trace and act on it with a mail-flow rule. ASCII only,
// one line, stable field order. What is not known is written `unknown`, never as a figure: a reach
// of 0 would read as "reached nobody".
//
// In monitor mode every message is stamped, allowed ones too, and two fields are added at the end:
// `mode=monitor` and `would=`, the verdict enforcement would have given. `verdict` keeps its meaning
// in both modes, what Reach Guard did, so a mail-flow rule written for enforcement is not set off by
// a pilot. In enforce mode the header is written as it always was: `mode` and `would` are left out.
export const HEADER_NAME = "X-Reach-Guard";

export interface HeaderFields {
  readonly verdict: Verdict;
  /** People reached; null when nothing could be sized. */
  readonly reach: number | null;
  readonly accuracy: Decision["accuracy"];
  readonly ack: boolean;
  /** The recipient fingerprint; null when the recipients were never read. */
  readonly fingerprint: string | null;
  /** `done`: the check decided; `failed`: it failed or ran out of time, and the policy's verdict applied. */
  readonly check: "done" | "failed";
  /** `enforce` when the header does not say. */
  readonly mode: Mode;
  /** What enforcement would have given: written in monitor mode, else the same as `verdict`. */
  readonly wouldBe: Verdict;
}

export function formatHeader(fields: HeaderFields): string {
  return [
    `verdict=${fields.verdict}`,
    `reach=${fields.reach === null ? "unknown" : Math.max(0, Math.round(fields.reach))}`,
    `accuracy=${fields.accuracy}`,
    `ack=${fields.ack ? "yes" : "no"}`,
    `fp=${fields.fingerprint || "unknown"}`,
    `check=${fields.check}`,
    ...(fields.mode === "monitor" ? ["mode=monitor", `would=${fields.wouldBe}`] : []),
  ].join("; ");
}

export function headerFor(decision: Decision, acknowledged: boolean): string {
  const sizedNothing = decision.accuracy === "incomplete" && decision.reach === 0;
  return formatHeader({
    verdict: decision.verdict,
    reach: sizedNothing ? null : decision.reach,
    accuracy: decision.accuracy,
    ack: acknowledged,
    fingerprint: decision.fingerprint,
    check: "done",
    mode: decision.mode,
    wouldBe: decision.wouldBe,
  });
}

/**
 * For a message that leaves while Reach Guard could not check it: the policy's verdict (in monitor
 * mode, what it would have been), nothing known.
 */
export function uncheckedHeader(verdict: Verdict, mode: Mode): string {
  return formatHeader({
    verdict: mode === "monitor" ? "allow" : verdict,
    reach: null,
    accuracy: "incomplete",
    ack: false,
    fingerprint: null,
    check: "failed",
    mode,
    wouldBe: verdict,
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
  const reachText = fields.get("reach");
  const reach = reachText === "unknown" ? null : /^\d+$/.test(reachText ?? "") ? Number(reachText) : NaN;
  const fingerprint = fields.get("fp");
  const check = fields.get("check") ?? "done";
  const mode = fields.get("mode") ?? "enforce";
  const wouldBe = fields.get("would") ?? verdict;
  if (!isVerdict(verdict) || !isVerdict(wouldBe)) return null;
  if (mode !== "enforce" && mode !== "monitor") return null;
  if (accuracy !== "exact" && accuracy !== "upper-bound" && accuracy !== "incomplete") return null;
  if (check !== "done" && check !== "failed") return null;
  if (Number.isNaN(reach) || !fingerprint) return null;
  return {
    verdict,
    reach,
    accuracy,
    ack: fields.get("ack") === "yes",
    fingerprint: fingerprint === "unknown" ? null : fingerprint,
    check,
    mode,
    wouldBe,
  };
}

function isVerdict(value: string | undefined): value is Verdict {
  return value === "allow" || value === "warn" || value === "block";
}
