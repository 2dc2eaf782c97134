import { z } from "zod";
import type { Verdict } from "./types";

// The admin's policy: one JSON document, validated by schema so a typo is caught at load and named.

const verdict = z.enum(["allow", "warn", "block"], {
  error: () => 'must be one of "allow", "warn" or "block"',
});
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: () => `must be a whole number between ${min} and ${max}` })
    .int({ error: () => `must be a whole number between ${min} and ${max}` })
    .min(min, { error: () => `must be a whole number >= ${min}` })
    .max(max, { error: () => `must be a whole number <= ${max}` });
const addressPatterns = z
  .array(
    z
      .string({ error: () => "must be an address or a pattern such as all-*@example.org" })
      .trim()
      .regex(/^[^\s@]+@[^\s@]+$/, {
        error: () => "must be an address or a pattern such as all-*@example.org",
      }),
    { error: () => "must be a list of addresses" },
  )
  .max(10_000);

export const policySchema = z
  .strictObject(
    {
      /** Reach at or above which the sender is warned. */
      warnAt: wholeNumber(1, 100_000_000).default(50),
      /** Reach at or above which the message is blocked (a warning for broadcasters). */
      blockAt: wholeNumber(1, 100_000_000).default(5000),
      /** Always blocked, whatever their size, with no directory call. `*` and `?` are wildcards. */
      blockedAddresses: addressPatterns.default([]),
      /** Senders for whom any block becomes a warning they can acknowledge. */
      broadcasters: addressPatterns.default([]),
      /** Verdict when a list's size cannot be found (hidden membership, contact group, unknown address). */
      unknownList: verdict.default("warn"),
      /** Verdict when the directory is down, throttled, too slow, or Reach Guard has no token. */
      directoryUnavailable: verdict.default("warn"),
      /** Verdict for a recipient that is not a usable address (e.g. an X500 path). */
      invalidAddress: verdict.default("warn"),
      /** External people (guests and outside addresses, list members included) at which to warn; null: off. */
      externalWarnAt: wholeNumber(1, 100_000_000).nullable().default(null),
      /** How long list sizes are remembered, in minutes (0 disables the cache). */
      cacheMinutes: wholeNumber(0, 10_080).default(60),
      /** Time budget for the decision at send, in milliseconds; Outlook shows "taking longer" at 5,000. */
      sendTimeoutMs: wholeNumber(500, 4500).default(3000),
      /** Shown at the end of block messages, e.g. "IT Service Desk, 0300 123 4567". */
      supportContact: z
        .string({ error: () => "must be text" })
        .max(120, { error: () => "must be at most 120 characters" })
        .default(""),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? undefined : "must be a JSON object") },
  )
  .superRefine((policy, context) => {
    if (policy.blockAt < policy.warnAt) {
      context.addIssue({ code: "custom", path: ["blockAt"], message: "must be a whole number >= warnAt" });
    }
  });

export type Policy = z.output<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

export const DEFAULT_POLICY: Policy = policySchema.parse({});

export class PolicyError extends Error {
  override readonly name = "PolicyError";
  constructor(readonly problems: readonly string[]) {
    super(`Invalid policy: ${problems.join("; ")}`);
  }
}

export function isPolicyError(error: unknown): error is PolicyError {
  return error instanceof Error && error.name === "PolicyError";
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => `${key} is not a policy field`).join("; ");
  }
  const field = issue.path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index > 0 ? "." : ""}${String(part)}`))
    .join("");
  return field ? `${field} ${issue.message}` : `the policy ${issue.message}`;
}

/** Validates a parsed JSON value; throws a PolicyError whose problems each name the field. */
export function parsePolicy(value: unknown): Policy {
  const result = policySchema.safeParse(value);
  if (!result.success) throw new PolicyError(result.error.issues.map(describeIssue));
  return result.data;
}

/** Parses the text of a policy file. */
export function parsePolicyText(text: string): Policy {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PolicyError([`the policy is not valid JSON (${(error as Error).message})`]);
  }
  return parsePolicy(value);
}

export const SEVERITY: Record<Verdict, number> = { allow: 0, warn: 1, block: 2 };

export function mostSevere(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>(
    (worst, next) => (SEVERITY[next] > SEVERITY[worst] ? next : worst),
    "allow",
  );
}
