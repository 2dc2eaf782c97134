import { z } from "zod/mini";
import type { DirectoryEntry } from "../../core/types";
import type { GraphClient } from "./client";
import { GraphError } from "./errors";
import { chunk, mapLimit } from "./pool";
import { MAILTIPS_SCOPES } from "./scopes";

// POST /me/getMailTips: the one Graph call that sizes every Exchange list, dynamic distribution
// lists included (they are invisible to /groups). Graph documents no maximum of addresses per call,
// so the chunk size is a setting; Exchange allows 4 concurrent requests per mailbox.

export const MAILTIPS_OPTIONS =
  "totalMemberCount, externalMemberCount, recipientScope, deliveryRestriction, moderationStatus";

const count = z.optional(z.number().check(z.int(), z.gte(0)));
const mailTipSchema = z.object({
  emailAddress: z.object({ address: z.string() }),
  totalMemberCount: count,
  externalMemberCount: count,
  recipientScope: z.optional(z.string()),
  deliveryRestricted: z.optional(z.boolean()),
  isModerated: z.optional(z.boolean()),
  error: z.optional(z.nullable(z.object({ code: z.optional(z.string()) }))),
});
const answerSchema = z.object({ value: z.array(mailTipSchema) });

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

export function readMailTip(tip: MailTip): MailTipReading {
  const flags = { restricted: tip.deliveryRestricted ?? false, moderated: tip.isModerated ?? false };
  if (tip.error) return { kind: "ask-groups", why: "not-resolved", ...flags };
  if (tip.recipientScope && EXTERNAL_SCOPES.has(tip.recipientScope.toLowerCase())) {
    return { kind: "entry", entry: { kind: "external" } };
  }
  if (tip.totalMemberCount === undefined) return { kind: "ask-groups", why: "no-count", ...flags };
  // Exchange reports 1 for a mailbox. A list of one reaches one person, so the two are alike here.
  if (tip.totalMemberCount === 1 && !tip.deliveryRestricted && !tip.isModerated) {
    return { kind: "entry", entry: { kind: "person" } };
  }
  return {
    kind: "entry",
    entry: {
      kind: "list",
      members: tip.totalMemberCount,
      externalMembers: tip.externalMemberCount ?? null,
      restricted: tip.deliveryRestricted ?? false,
      moderated: tip.isModerated ?? false,
    },
  };
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
      for (const tip of parsed.data.value) {
        const address = tip.emailAddress.address.trim().toLowerCase();
        if (part.includes(address)) results.set(address, readMailTip(tip));
      }
      // An address Graph left out is not known to be small: the caller treats it as unresolved.
      for (const address of part) {
        if (!results.has(address))
          results.set(address, {
            kind: "ask-groups",
            why: "not-resolved",
            restricted: false,
            moderated: false,
          });
      }
    } catch (error) {
      const failure =
        error instanceof GraphError
          ? error
          : new GraphError("unavailable", null, "ClientError", { cause: error });
      for (const address of part) results.set(address, failure);
    }
  });
  return results;
}
