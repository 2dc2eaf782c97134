import { z } from "zod/mini";
import { incidentsSchema } from "./incident";
import { parseJsonDocument } from "./json";
import type { Verdict } from "./types";

// The admin's policy: one JSON document, validated by schema so a typo is caught at load and named.
// zod/mini (the functional API of the same package) keeps the event bundle small; it has no messages
// of its own, so the English ones of full zod are passed to each parse for the few checks without
// a message here.

const verdict = z.enum(["allow", "warn", "block"], {
  error: () => 'must be one of "allow", "warn" or "block"',
});
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: () => `must be a whole number between ${min} and ${max}` })
    .check(
      z.int({ error: () => `must be a whole number between ${min} and ${max}` }),
      z.gte(min, { error: () => `must be a whole number >= ${min}` }),
      z.lte(max, { error: () => `must be a whole number <= ${max}` }),
    );
/** The longest address RFC 5321 allows, and so the longest entry worth writing. */
export const MAX_ENTRY_LENGTH = 254;
export const MAX_ENTRIES = 10_000;
/** `*` and `?` in one entry. */
export const MAX_WILDCARDS = 8;
/**
 * Entries with a wildcard in one list. Each is tried against every recipient of its domain at send,
 * so their number bounds the work done before the directory is asked (npm run bench: "policy at
 * its maxima"); exact entries cost one lookup each, however many there are.
 */
export const MAX_PATTERNS = 50;

const ENTRY = "must be an address or a pattern such as all-*@example.org";

// These run on every entry each time the policy is read (every send, in classic Outlook): plain
// loops, not regular expressions, keep 20,000 entries to a few milliseconds.
function wildcardCount(entry: string): number {
  let count = 0;
  for (let index = 0; index < entry.length; index++) {
    const code = entry.charCodeAt(index);
    if (code === 42 /* * */ || code === 63 /* ? */) count++;
  }
  return count;
}

/** A wildcard inside a label with non-ASCII letters cannot be put into punycode, which addresses use. */
function wildcardInUnicodeLabel(entry: string): boolean {
  let wildcard = false;
  let unicode = false;
  for (let index = entry.lastIndexOf("@") + 1; index <= entry.length; index++) {
    const code = index < entry.length ? entry.charCodeAt(index) : 46; /* a closing "." */
    if (code === 46 /* . */) {
      if (wildcard && unicode) return true;
      wildcard = unicode = false;
    } else if (code === 42 || code === 63) wildcard = true;
    else if (code > 126) unicode = true;
  }
  return false;
}

const ADDRESS_SHAPE = /^[^\s@]+@[^\s@]+$/;

/** What is wrong with one (trimmed) entry, or null. */
function entryProblem(entry: string): string | null {
  if (!ADDRESS_SHAPE.test(entry)) return ENTRY;
  if (entry.length > MAX_ENTRY_LENGTH) {
    return `must be at most ${MAX_ENTRY_LENGTH} characters, the longest an address can be`;
  }
  if (wildcardCount(entry) > MAX_WILDCARDS) return `must have at most ${MAX_WILDCARDS} wildcards (* or ?)`;
  if (wildcardInUnicodeLabel(entry)) {
    return "must not put * or ? inside a domain label with non-ASCII letters; write that label out";
  }
  return null;
}

// One pass over the entries rather than a chain of checks on each: a list of 10,000 is validated
// every time the policy is read, which in classic Outlook is every send.
const addressPatterns = z
  .pipe(
    z.array(z.string({ error: () => ENTRY }), {
      error: (issue) => (issue.input === undefined ? "must be given" : "must be a list of addresses"),
    }),
    z.transform((entries: string[]) => entries.map((entry) => entry.trim())),
  )
  .check(
    z.superRefine((entries, context) => {
      if (entries.length > MAX_ENTRIES) {
        context.addIssue({ code: "custom", message: "must have at most 10,000 entries", input: entries });
        return;
      }
      let patterns = 0;
      entries.forEach((entry, index) => {
        const problem = entryProblem(entry);
        if (problem) context.addIssue({ code: "custom", path: [index], message: problem, input: entry });
        if (wildcardCount(entry) > 0) patterns++;
      });
      if (patterns > MAX_PATTERNS) {
        context.addIssue({
          code: "custom",
          message: `must have at most ${MAX_PATTERNS} patterns (entries with * or ?); write the other addresses out in full`,
          input: entries,
        });
      }
    }),
  );

const mode = z.enum(["enforce", "monitor"], { error: () => 'must be "enforce" or "monitor"' });
const reachLimit = () => wholeNumber(1, 100_000_000);

/** Sender overrides: each is tried, in order, against the sender at every send. */
export const MAX_SENDER_OVERRIDES = 50;
/**
 * Entries in all overrides together. Overrides are for a few senders (a pattern covers a whole
 * domain), and the cap keeps policy.json within what the add-in agrees to read (src/app/settings.ts).
 */
export const MAX_SENDER_ENTRIES = 1000;

/**
 * Other thresholds and verdicts for some senders. Only what is written changes; blockedAddresses,
 * broadcasters, the cache and the send deadline stay the organisation's.
 */
const senderOverride = z.strictObject(
  {
    /** The senders it is for, written as blockedAddresses are (`*` and `?` are wildcards). */
    match: addressPatterns.check(
      z.minLength(1, { error: () => "must list at least one address or pattern" }),
    ),
    warnAt: z.optional(reachLimit()),
    blockAt: z.optional(reachLimit()),
    unknownList: z.optional(verdict),
    directoryUnavailable: z.optional(verdict),
    invalidAddress: z.optional(verdict),
    externalWarnAt: z.optional(z.nullable(reachLimit())),
    mode: z.optional(mode),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? undefined : "must be a JSON object") },
);

export type SenderOverride = z.output<typeof senderOverride>;

// Every override's addresses are read at each send: all of them together hold no more patterns
// than one list may, so the work stays bounded as blockedAddresses' is.
const senderOverrides = z.array(senderOverride, { error: () => "must be a list of sender overrides" }).check(
  z.maxLength(MAX_SENDER_OVERRIDES, {
    error: () => `must have at most ${MAX_SENDER_OVERRIDES} overrides`,
  }),
  z.superRefine((overrides, context) => {
    let entries = 0;
    let patterns = 0;
    // forEach, not for...of: the event bundle's ES2016 build spells for...of out at length.
    overrides.forEach(({ match }) => {
      entries += match.length;
      match.forEach((entry) => {
        if (wildcardCount(entry) > 0) patterns++;
      });
    });
    if (entries > MAX_SENDER_ENTRIES) {
      context.addIssue({
        code: "custom",
        message: "must have at most 1,000 addresses and patterns in all",
        input: overrides,
      });
    }
    if (patterns > MAX_PATTERNS) {
      context.addIssue({
        code: "custom",
        message: `must have at most ${MAX_PATTERNS} patterns (entries with * or ?) in all`,
        input: overrides,
      });
    }
  }),
);

/**
 * Reply-all storms seen from the thread (./storm.ts): a reply that reaches a list, into a thread to
 * at least warnAt people that has had more than `replies` replies in the last `windowMinutes`.
 */
const stormSchema = z.strictObject(
  {
    replies: z._default(wholeNumber(1, 10_000), 5),
    windowMinutes: z._default(wholeNumber(5, 1440), 60),
    verdict: z._default(verdict, "warn"),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? undefined : "must be a JSON object or null") },
);

export type StormPolicy = z.output<typeof stormSchema>;

export const policySchema = z
  .strictObject(
    {
      /** `monitor`: nothing is warned or blocked (incidents aside), every verdict only recorded in the header. */
      mode: z._default(mode, "enforce"),
      /** Reach at or above which the sender is warned. */
      warnAt: z._default(reachLimit(), 50),
      /** Reach at or above which the message is blocked (a warning for broadcasters). */
      blockAt: z._default(reachLimit(), 5000),
      /** Always blocked, whatever their size, with no directory call. `*` and `?` are wildcards. */
      blockedAddresses: z._default(addressPatterns, []),
      /** Senders for whom any block becomes a warning they can acknowledge. */
      broadcasters: z._default(addressPatterns, []),
      /** Verdict when a list's size cannot be found (hidden membership, contact group, unknown address). */
      unknownList: z._default(verdict, "warn"),
      /** Verdict when the directory is down, throttled, too slow, or Reach Guard has no token. */
      directoryUnavailable: z._default(verdict, "warn"),
      /** Verdict for a recipient that is not a usable address (e.g. an X500 path). */
      invalidAddress: z._default(verdict, "warn"),
      /** External people (guests and outside addresses, list members included) at which to warn; null: off. */
      externalWarnAt: z._default(z.nullable(reachLimit()), null),
      /** Other thresholds, verdicts or mode for some senders: the first that matches the sender applies. */
      senders: z._default(senderOverrides, []),
      /** How long list sizes are remembered, in minutes (0 disables the cache). */
      cacheMinutes: z._default(wholeNumber(0, 10_080), 60),
      /**
       * Time the directory may take at send, in milliseconds. Outlook shows "taking longer" at 5,000,
       * counted from before the add-in has even loaded; the handler stops itself at 3,500.
       */
      sendTimeoutMs: z._default(wholeNumber(500, 3000), 2000),
      /** Shown at the end of block messages, e.g. "IT Service Desk, 0300 123 4567". */
      supportContact: z._default(
        z
          .string({ error: () => "must be text" })
          .check(z.maxLength(120, { error: () => "must be at most 120 characters" })),
        "",
      ),
      /** Threads the service desk has stopped during a reply-all storm (./incident.ts). */
      incidents: z._default(incidentsSchema, []),
      /** Storms seen from the thread; null turns the check off. */
      storm: z._default(z.nullable(stormSchema), { replies: 5, windowMinutes: 60, verdict: "warn" }),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? undefined : "must be a JSON object") },
  )
  .check(
    z.superRefine((policy, context) => {
      if (policy.blockAt < policy.warnAt) {
        context.addIssue({ code: "custom", path: ["blockAt"], message: "must be a whole number >= warnAt" });
      }
      // An override's thresholds are checked as they will apply: over the top-level ones.
      policy.senders.forEach((override, index) => {
        // Never 0 when written, so `||` (shorter than `??` once transpiled) means "unless written".
        const warnAt = override.warnAt || policy.warnAt;
        const blockAt = override.blockAt || policy.blockAt;
        if (blockAt >= warnAt) return;
        context.addIssue(
          override.blockAt === undefined
            ? {
                code: "custom",
                path: ["senders", index, "warnAt"],
                message: `must be a whole number <= blockAt (${blockAt})`,
              }
            : {
                code: "custom",
                path: ["senders", index, "blockAt"],
                message: "must be a whole number >= warnAt",
              },
        );
      });
    }),
  );

export type Policy = z.output<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

/** Full zod's English messages, for the checks that have none of their own. */
const ENGLISH = { error: z.locales.en().localeError };

export const DEFAULT_POLICY: Policy = policySchema.parse({}, ENGLISH);

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
  const field = issue.path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index > 0 ? "." : ""}${String(part)}`))
    .join("");
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => `${field ? `${field}.` : ""}${key} is not a policy field`).join("; ");
  }
  return field ? `${field} ${issue.message}` : `the policy ${issue.message}`;
}

/** Validates a parsed JSON value; throws a PolicyError whose problems each name the field. */
export function parsePolicy(value: unknown): Policy {
  const result = policySchema.safeParse(value, ENGLISH);
  if (!result.success) throw new PolicyError(result.error.issues.map(describeIssue));
  return result.data;
}

/** Parses the text of a policy file: the same rules in the add-in, the CLI and the build. */
export function parsePolicyText(text: string): Policy {
  let value: unknown;
  try {
    value = parseJsonDocument(text);
  } catch (error) {
    throw new PolicyError([`the policy is ${(error as Error).message}`]);
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
