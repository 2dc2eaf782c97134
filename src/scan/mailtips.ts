import { z } from "zod/mini";
import type { GraphClient } from "../directory/graph/client";
import { readCount } from "../directory/graph/counts";
import { GraphError } from "../directory/graph/errors";
import { chunk, mapLimit } from "../directory/graph/pool";
import { MAILTIPS_SCOPES } from "../directory/graph/scopes";

// Sizes lists by address through MailTips, the one Graph call that sees dynamic distribution lists.
// Signed in as a person, the tips are asked of /me; signed in as the app, there is no "me", so they
// are asked of a mailbox named with --mailbox (/users/{id}/getMailTips). Graph documents no maximum
// of addresses per call: 20 keeps each answer small and a failed call cheap to repeat.

export const MAILTIPS_CHUNK = 20;

const tipsSchema = z.object({
  value: z.array(
    z.object({
      emailAddress: z.object({ address: z.string(), name: z.optional(z.nullable(z.string())) }),
      totalMemberCount: z.optional(z.unknown()),
      externalMemberCount: z.optional(z.unknown()),
      error: z.optional(z.nullable(z.unknown())),
    }),
  ),
});

export interface TipSize {
  /** The list's name as Exchange gives it ("" when it gives none). */
  readonly displayName: string;
  readonly members: number | null;
  readonly externalMembers: number | null;
}

export function mailTipsPath(mailbox: string | null): string {
  return mailbox === null ? "/me/getMailTips" : `/users/${encodeURIComponent(mailbox)}/getMailTips`;
}

/** Sizes by address (lower case); an address Exchange did not size is null, never 0. */
export async function sizeByMailTips(
  client: GraphClient,
  addresses: readonly string[],
  options: { readonly mailbox: string | null; readonly concurrency: number; readonly budgetMs: number },
): Promise<Map<string, TipSize>> {
  const sizes = new Map<string, TipSize>();
  await mapLimit(chunk(addresses, MAILTIPS_CHUNK), options.concurrency, async (part) => {
    const response = await client.request({
      method: "POST",
      path: mailTipsPath(options.mailbox),
      body: { EmailAddresses: part, MailTipsOptions: "totalMemberCount, externalMemberCount" },
      scopes: MAILTIPS_SCOPES,
      deadlineAt: Date.now() + options.budgetMs,
    });
    const parsed = tipsSchema.safeParse(response.body);
    if (!parsed.success) throw new GraphError("unavailable", response.status, "MalformedResponse");
    for (const tip of parsed.data.value) {
      const address = tip.emailAddress.address.trim().toLowerCase();
      // Answers for addresses not asked are no answer; a repeated one keeps the larger size.
      if (!part.includes(address) || tip.error) continue;
      const members = readCount(tip.totalMemberCount);
      const before = sizes.get(address);
      if (members === null || (before?.members ?? -1) >= members) continue;
      const displayName = tip.emailAddress.name ?? "";
      sizes.set(address, { displayName, members, externalMembers: readCount(tip.externalMemberCount) });
    }
  });
  return sizes;
}
