import { z } from "zod/mini";
import { parseAddress } from "../core/addresses";
import { MAX_DISPLAY_NAME } from "../core/catalogue";
import { GRAPH_VERSION, type GraphClient } from "../directory/graph/client";
import { GraphError } from "../directory/graph/errors";
import { GROUP_COUNT_SCOPES } from "../directory/graph/scopes";
import { ScanInterrupted } from "./errors";
import type { ListRef } from "./lists";

// Every mail-enabled list /groups can see (dynamic distribution lists are not among them), a page
// at a time. The next page's link comes from Graph's answer and is treated as hostile: it is only
// followed on the same Graph root and version, and only to /groups, so that a tampered or broken
// answer can never send the token to another host. A page of the wrong shape is an error, retried
// and then resumable, never an empty tenant.

export const PAGE_SIZE = 999;
export const FIRST_PAGE = `/groups?$filter=${encodeURIComponent("mailEnabled eq true")}&$select=id,mail,displayName,groupTypes,mailEnabled,securityEnabled&$top=${PAGE_SIZE}`;

const pageSchema = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      mail: z.optional(z.nullable(z.string())),
      displayName: z.optional(z.nullable(z.string())),
      groupTypes: z.optional(z.nullable(z.array(z.string()))),
      mailEnabled: z.optional(z.nullable(z.boolean())),
      securityEnabled: z.optional(z.nullable(z.boolean())),
    }),
  ),
  "@odata.nextLink": z.optional(z.string()),
});

type GroupResource = z.infer<typeof pageSchema>["value"][number];

export interface Page {
  readonly lists: readonly ListRef[];
  /** Path after the version for the next page, or null on the last page. */
  readonly next: string | null;
  /** Groups on the page left out: no mail, or a mail that is not an address. */
  readonly skipped: number;
}

/** Graph's groupTypes and securityEnabled, as the catalogue names the kinds. */
export function kindOf(group: GroupResource): ListRef["kind"] {
  if (group.groupTypes?.includes("Unified")) return "m365";
  return group.securityEnabled ? "security" : "distribution";
}

/**
 * The path to ask for a next page, or a ScanInterrupted naming why the link is refused: it must
 * start with this client's root and version and lead to /groups.
 */
export function nextPagePath(link: string, root: string): string {
  const prefix = `${root}/${GRAPH_VERSION}/`;
  const rest = link.slice(prefix.length);
  if (link.slice(0, prefix.length).toLowerCase() !== prefix || !/^groups\?[^#\s\\]*$/.test(rest))
    throw new ScanInterrupted(
      `Microsoft Graph gave a next-page link outside ${prefix}groups, which was not followed`,
    );
  return `/${rest}`;
}

/**
 * Graph's group ids are GUIDs. The id goes into the path of each count request, so one that could
 * be read as a path (`..`, `%2F`) is not asked about: the list is skipped, as absence never means small.
 */
const GROUP_ID = /^[A-Za-z0-9-]{1,64}$/;

function listOf(group: GroupResource): ListRef | null {
  if (!group.mail || group.mailEnabled === false || !GROUP_ID.test(group.id)) return null;
  const parsed = parseAddress(group.mail);
  if (!parsed.valid) return null;
  const displayName = (group.displayName ?? "").slice(0, MAX_DISPLAY_NAME);
  return { id: group.id, address: parsed.address, displayName, kind: kindOf(group) };
}

export async function fetchPage(client: GraphClient, path: string, requestBudgetMs: number): Promise<Page> {
  const response = await client.request({
    method: "GET",
    path,
    scopes: GROUP_COUNT_SCOPES,
    deadlineAt: Date.now() + requestBudgetMs,
  });
  const parsed = pageSchema.safeParse(response.body);
  if (!parsed.success) throw new GraphError("unavailable", response.status, "MalformedResponse");
  const lists: ListRef[] = [];
  for (const group of parsed.data.value) {
    const list = listOf(group);
    if (list) lists.push(list);
  }
  const link = parsed.data["@odata.nextLink"];
  return {
    lists,
    next: link === undefined ? null : nextPagePath(link, client.root),
    skipped: parsed.data.value.length - lists.length,
  };
}
