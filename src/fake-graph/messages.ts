import type { FakeDirectory } from "./directory";
import { isoSecond, type MailboxMessage } from "./mailbox";

// GET /me/messages (and /users/{me}/messages) as Microsoft documents it (api-reference/v1.0/api/
// user-list-messages.md, resources/message.md, concepts/query-parameters.md), for the storm check:
// $filter on conversationId and receivedDateTime; $select, with internetMessageHeaders returned only
// when selected; $top from 1 to 1,000 (10 by default); paging by an @odata.nextLink that carries a
// $skip; $orderby only as Graph allows it beside a $filter (its properties first in the filter, in
// the same order), or 400 InefficientFilter. Anything else this server does not understand is a 400,
// so that a client that starts asking something new finds out here rather than in a tenant.

export type MessagesAnswer =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string };

export const DEFAULT_MESSAGES_PAGE = 10;
export const MAX_MESSAGES_PAGE = 1000;

/** The message properties this server holds. Graph has more; asking for another is a 400 here. */
const PROPERTIES = [
  "id",
  "conversationId",
  "subject",
  "from",
  "receivedDateTime",
  "conversationIndex",
  "internetMessageHeaders",
] as const;
type Property = (typeof PROPERTIES)[number];
/** Returned only when $select names it, as Graph does. */
const ONLY_SELECTED: readonly Property[] = ["internetMessageHeaders"];
const KNOWN_OPTIONS = ["$filter", "$select", "$top", "$skip", "$orderby"];

type Filterable = "conversationId" | "receivedDateTime";

interface Filter {
  /** The filtered properties, in the order the filter names them. */
  readonly properties: readonly Filterable[];
  readonly conversationId: string | null;
  readonly since: number | null;
}

const bad = (message: string, code = "BadRequest"): MessagesAnswer => ({
  ok: false,
  status: 400,
  code,
  message,
});

const CONVERSATION_CLAUSE = /^\s*conversationId\s+eq\s+'((?:[^']|'')*)'\s*/i;
// An OData DateTimeOffset literal: seconds and fractions optional, Z or an offset.
const TIME_CLAUSE =
  /^\s*receivedDateTime\s+(ge|gt)\s+(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,7})?)?(?:Z|[+-]\d\d:\d\d))\s*/i;

/** `conversationId eq '…'` and `receivedDateTime ge|gt <time>`, in either order, joined by `and`. */
function parseFilter(text: string): Filter | null {
  const properties: Filterable[] = [];
  let conversationId: string | null = null;
  let since: number | null = null;
  let rest = text;
  for (;;) {
    const conversation = CONVERSATION_CLAUSE.exec(rest);
    const time = conversation ? null : TIME_CLAUSE.exec(rest);
    if (conversation && !properties.includes("conversationId")) {
      conversationId = (conversation[1] ?? "").replace(/''/g, "'");
      properties.push("conversationId");
      rest = rest.slice(conversation[0].length);
    } else if (time && !properties.includes("receivedDateTime")) {
      const at = Date.parse(time[2] ?? "");
      if (Number.isNaN(at)) return null;
      // Times are to the second: "gt" a time is "ge" the next second.
      since = (time[1] ?? "").toLowerCase() === "gt" ? Math.floor(at / 1000) * 1000 + 1000 : at;
      properties.push("receivedDateTime");
      rest = rest.slice(time[0].length);
    } else return null;
    if (rest === "") return { properties, conversationId, since };
    const and = /^and\s+/i.exec(rest);
    if (!and) return null;
    rest = rest.slice(and[0].length);
  }
}

interface Order {
  readonly properties: readonly string[];
  readonly newestFirst: boolean;
}

function parseOrder(text: string): Order | MessagesAnswer {
  const properties: string[] = [];
  let newestFirst = true;
  for (const part of text.split(",")) {
    const match = /^\s*([A-Za-z/]+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!match) return bad("Syntax error in $orderby.");
    const property = match[1] ?? "";
    if (property.toLowerCase() === "receiveddatetime")
      newestFirst = (match[2] ?? "asc").toLowerCase() === "desc";
    else if (property.toLowerCase() !== "conversationid")
      return bad(`The local Graph server does not order messages by '${property}'.`);
    properties.push(property.toLowerCase());
  }
  return { properties, newestFirst };
}

/**
 * Graph's rule for $orderby beside $filter on messages: every ordered property is filtered, in the
 * same order, before any property that is not ordered. Equivalently, the ordered properties are the
 * first of the filtered ones, in order.
 */
function efficient(order: Order, filter: Filter): boolean {
  return order.properties.every((property, index) => filter.properties[index]?.toLowerCase() === property);
}

function parseSelect(text: string | null): readonly Property[] | MessagesAnswer {
  if (text === null) return PROPERTIES.filter((property) => !ONLY_SELECTED.includes(property));
  const wanted: Property[] = [];
  for (const raw of text.split(",")) {
    const name = raw.trim();
    const property = PROPERTIES.find((known) => known.toLowerCase() === name.toLowerCase());
    if (!property) return bad(`Could not find a property named '${name}' on type 'microsoft.graph.message'.`);
    if (!wanted.includes(property)) wanted.push(property);
  }
  return wanted;
}

function wholeNumber(text: string | null, fallback: number): number | null {
  if (text === null) return fallback;
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

function resource(message: MailboxMessage, properties: readonly Property[]): Record<string, unknown> {
  const all: Record<Property, unknown> = {
    id: message.id,
    conversationId: message.conversationId,
    subject: message.subject ?? "",
    from:
      message.from === null
        ? null
        : { emailAddress: { name: message.from.name, address: message.from.address } },
    receivedDateTime: isoSecond(Date.parse(message.receivedDateTime)),
    conversationIndex: message.conversationIndex,
    internetMessageHeaders: message.internetMessageHeaders,
  };
  // Graph gives the etag and the id whatever $select says.
  const out: Record<string, unknown> = {
    "@odata.etag": `W/"CQAAABYAAAA${message.id.length}"`,
    id: message.id,
  };
  for (const property of properties) out[property] = all[property];
  return out;
}

export interface MessagesCall {
  /** `/me/messages` or `/users/{id}/messages`. */
  readonly pathname: string;
  readonly query: URLSearchParams;
  /** This server's root (no version), where next links point. */
  readonly root: string;
}

/** One page of the signed-in user's messages, or the 400 Graph would give the query. */
export function listMessages(call: MessagesCall, directory: FakeDirectory): MessagesAnswer {
  const { query } = call;
  for (const key of query.keys())
    if (key.startsWith("$") && !KNOWN_OPTIONS.includes(key))
      return bad(`The query option '${key}' is not supported by the local Graph server.`);
  const filterText = query.get("$filter");
  const filter = filterText === null ? null : parseFilter(filterText);
  if (filterText !== null && filter === null) return bad("Invalid filter clause.");
  const orderText = query.get("$orderby");
  const order = orderText === null ? null : parseOrder(orderText);
  if (order && "ok" in order) return order;
  if (order && filter && !efficient(order, filter))
    return bad("The restriction or sort order is too complex for this operation.", "InefficientFilter");
  const properties = parseSelect(query.get("$select"));
  if ("ok" in properties) return properties;
  const top = wholeNumber(query.get("$top"), DEFAULT_MESSAGES_PAGE);
  if (top === null || top < 1 || top > MAX_MESSAGES_PAGE)
    return bad(`The value of $top must be between 1 and ${MAX_MESSAGES_PAGE}.`);
  const skip = wholeNumber(query.get("$skip"), 0);
  if (skip === null) return bad("The value of $skip must be a whole number.");

  const page = directory.mailbox.page(
    {
      conversationId: filter?.conversationId ?? null,
      since: filter?.since ?? null,
      newestFirst: order?.newestFirst ?? true,
    },
    skip,
    top,
  );
  const selected = query.get("$select") === null ? "" : `(${properties.join(",")})`;
  const body: Record<string, unknown> = {
    "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#users('${encodeURIComponent(directory.me)}')/messages${selected}`,
    value: page.messages.map((message) => resource(message, properties)),
  };
  if (skip + top < page.total) {
    // The whole query again with the next $skip, as Graph's next links carry it.
    const next = new URLSearchParams(query);
    next.set("$skip", String(skip + top));
    body["@odata.nextLink"] = `${call.root}/v1.0${call.pathname}?${next.toString()}`;
  }
  return { ok: true, body };
}
