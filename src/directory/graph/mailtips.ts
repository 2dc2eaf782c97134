import { z } from "zod/mini";
import type { DirectoryEntry } from "../../core/types";
import type { GraphClient } from "./client";
import { GraphError } from "./errors";
import { readCount } from "./counts";
import { chunk, mapLimit } from "./pool";
import { MAILTIPS_SCOPES } from "./scopes";

// POST /me/getMailTips: the one Graph call that sizes every Exchange list, dynamic distribution
// lists included (they are invisible to /groups). Graph documents no maximum of addresses per call,
// so the chunk size is a setting; Exchange allows 4 concurrent requests per mailbox.

export const MAILTIPS_OPTIONS =
  "totalMemberCount, externalMemberCount, recipientScope, deliveryRestriction, moderationStatus";

// Counts are read by the one strict count reader (readCount), not by the schema, so that a count
// given as a digit string reads as the number and a bad count spoils only its own tip.
const mailTipSchema = z.object({
  emailAddress: z.object({ address: z.string() }),
  totalMemberCount: z.optional(z.unknown()),
  externalMemberCount: z.optional(z.unknown()),
  recipientScope: z.optional(z.string()),
  deliveryRestricted: z.optional(z.boolean()),
  isModerated: z.optional(z.boolean()),
  error: z.optional(z.nullable(z.object({ code: z.optional(z.string()) }))),
});
const addressedSchema = z.object({ emailAddress: z.object({ address: z.string() }) });
const answerSchema = z.object({ value: z.array(z.unknown()) });

export type MailTip = z.infer<typeof mailTipSchema>;

/** What a MailTip says, or why the groups endpoints must be asked. */
export type MailTipReading =
  | { readonly kind: "entry"; readonly entry: DirectoryEntry }
  | {
      readonly kind: "ask-groups";
      readonly why: "no-count" | "not-resolved";
      /** What the MailTip did say, kept for the list the groups endpoints size. */
      readonly restricted: boolean;
      readonly moderated: boolean;
    };

const EXTERNAL_SCOPES = new Set(["external", "externalpartner", "externalnonpartner"]);

/** A count the tip did not give (absent, or JSON null) is `undefined`; one it gave must be readable. */
function tipCount(value: unknown): number | undefined | "unreadable" {
  if (value === undefined || value === null) return undefined;
  return readCount(value) ?? "unreadable";
}

/** The reading, or null when the tip gives a count that is not one (negative, fractional, not a number). */
export function readMailTip(tip: MailTip): MailTipReading | null {
  const total = tipCount(tip.totalMemberCount);
  const external = tipCount(tip.externalMemberCount);
  if (total === "unreadable" || external === "unreadable") return null;
  const flags = { restricted: tip.deliveryRestricted ?? false, moderated: tip.isModerated ?? false };
  if (tip.error) return { kind: "ask-groups", why: "not-resolved", ...flags };
  if (tip.recipientScope && EXTERNAL_SCOPES.has(tip.recipientScope.toLowerCase())) {
    return { kind: "entry", entry: { kind: "external" } };
  }
  if (total === undefined) return { kind: "ask-groups", why: "no-count", ...flags };
  // Exchange reports 1 for a mailbox. A list of one reaches one person, so the two are alike here.
  if (total === 1 && !flags.restricted && !flags.moderated) {
    return { kind: "entry", entry: { kind: "person" } };
  }
  return {
    kind: "entry",
    entry: { kind: "list", members: total, externalMembers: external ?? null, ...flags },
  };
}

type Flags = { readonly restricted: boolean; readonly moderated: boolean };

function flagsOf(reading: MailTipReading): Flags {
  if (reading.kind === "ask-groups") return reading;
  return reading.entry.kind === "list" ? reading.entry : { restricted: false, moderated: false };
}

function maxKnown(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

/**
 * Two readings of one address (MailTips answered it twice): the more severe, never the smaller, so a
 * second answer cannot turn a block into an allow. A sized list beats everything, the larger counts
 * kept; then "ask the groups endpoints" (the size is not known); then external; then person. A list
 * is restricted or moderated only when every reading says so, as either flag makes it count less.
 * An unknown entry (no tip reads as one) would win outright.
 */
export function mostSevere(a: MailTipReading, b: MailTipReading): MailTipReading {
  for (const reading of [a, b]) {
    if (reading.kind === "entry" && reading.entry.kind === "unknown") return reading;
  }
  const flags = {
    restricted: flagsOf(a).restricted && flagsOf(b).restricted,
    moderated: flagsOf(a).moderated && flagsOf(b).moderated,
  };
  const lists = [a, b].flatMap((reading) =>
    reading.kind === "entry" && reading.entry.kind === "list" ? [reading.entry] : [],
  );
  if (lists.length > 0) {
    const members = Math.max(...lists.map((list) => list.members));
    const externalMembers = lists.map((list) => list.externalMembers).reduce(maxKnown);
    return { kind: "entry", entry: { kind: "list", members, externalMembers, ...flags } };
  }
  const unsized = [a, b].flatMap((reading) => (reading.kind === "ask-groups" ? [reading] : []));
  if (unsized.length > 0) {
    // "Known but no count" over "not resolved": Exchange knowing the recipient is the stronger claim.
    const why = unsized.some((reading) => reading.why === "no-count") ? "no-count" : "not-resolved";
    return { kind: "ask-groups", why, ...flags };
  }
  return [a, b].find((reading) => reading.kind === "entry" && reading.entry.kind === "external") ?? a;
}

/** A failure for an address stands whatever else was said of it: garbage taints its own address. */
function combine(
  earlier: MailTipReading | GraphError | undefined,
  later: MailTipReading | GraphError,
): MailTipReading | GraphError {
  if (earlier === undefined || earlier instanceof GraphError) return earlier ?? later;
  return later instanceof GraphError ? later : mostSevere(earlier, later);
}

export interface MailTipsOptions {
  readonly deadlineAt: number;
  readonly signal?: AbortSignal;
  readonly chunkSize: number;
  readonly concurrency: number;
}

/** Readings per address (lower-case); a chunk that fails gives its addresses the GraphError. */
export async function fetchMailTips(
  client: GraphClient,
  addresses: readonly string[],
  options: MailTipsOptions,
): Promise<Map<string, MailTipReading | GraphError>> {
  const results = new Map<string, MailTipReading | GraphError>();
  await mapLimit(chunk(addresses, options.chunkSize), options.concurrency, async (part) => {
    try {
      const response = await client.request({
        method: "POST",
        path: "/me/getMailTips",
        body: { EmailAddresses: part, MailTipsOptions: MAILTIPS_OPTIONS },
        scopes: MAILTIPS_SCOPES,
        deadlineAt: options.deadlineAt,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const parsed = answerSchema.safeParse(response.body);
      if (!parsed.success) throw new GraphError("unavailable", response.status, "MalformedResponse");
      // A tip that names no address could be the answer for any of them: the whole answer is then
      // untrusted. A tip that names its address but says something unreadable spoils that address
      // alone; the others in the same answer are read as usual.
      const readings = new Map<string, MailTipReading | GraphError>();
      for (const raw of parsed.data.value) {
        const addressed = addressedSchema.safeParse(raw);
        if (!addressed.success) throw new GraphError("unavailable", response.status, "MalformedResponse");
        const address = addressed.data.emailAddress.address.trim().toLowerCase();
        // Answers for addresses this call did not ask about are no answer to it.
        if (!part.includes(address)) continue;
        const tip = mailTipSchema.safeParse(raw);
        const reading = tip.success ? readMailTip(tip.data) : null;
        readings.set(
          address,
          combine(
            readings.get(address),
            reading ?? new GraphError("unavailable", response.status, "MalformedMailTip"),
          ),
        );
      }
      for (const address of part) {
        // An address Graph left out is not known to be small: the caller treats it as unresolved.
        const reading = readings.get(address) ?? {
          kind: "ask-groups",
          why: "not-resolved",
          restricted: false,
          moderated: false,
        };
        results.set(address, combine(results.get(address), reading));
      }
    } catch (error) {
      const failure =
        error instanceof GraphError
          ? error
          : new GraphError("unavailable", null, "ClientError", { cause: error });
      for (const address of part) results.set(address, combine(results.get(address), failure));
    }
  });
  return results;
}
