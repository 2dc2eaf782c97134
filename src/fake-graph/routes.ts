import { randomUUID } from "node:crypto";
import type { FakeDirectory, GroupData } from "./directory";
import type { RequestKind } from "./faults";
import { listMessages } from "./messages";
import { TOKEN_PERMISSIONS, type Permission } from "./tokens";

// Microsoft Graph v1.0 as documented, for the requests Reach Guard's directory client makes
// (src/directory/graph) and the tenant scan (src/scan), nothing else: POST /me/getMailTips (and
// /users/{id}/getMailTips for app-only sign-in); GET /groups?$filter=mail eq '...'; GET
// /groups?$filter=mailEnabled eq true, paged by $top and an opaque $skiptoken;
// GET /groups/{id}/transitiveMembers/microsoft.graph.user/$count, with ConsistencyLevel: eventual
// and optionally $filter=userType eq 'Guest'; the last two inside POST /$batch (server.ts); GET
// /me/messages (and /users/{me}/messages) for a conversation's recent messages (messages.ts). Any
// other path is refused as Graph refuses an unknown segment. Shapes follow Microsoft's docs:
// @odata fields, error bodies, text/plain counts.

export const GRAPH_JSON =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
const CONTEXT = "https://graph.microsoft.com/v1.0/$metadata";

export interface GraphCall {
  readonly method: string;
  /** Path after `/v1.0`, with its query: `/groups?$filter=...`. */
  readonly path: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  readonly token: string | null;
  /** This server's root (no version), where /groups pages link their next page. */
  readonly root?: string;
}

export interface GraphAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** JSON body, or a number for a text/plain `$count`. */
  readonly body: unknown;
}

export function errorAnswer(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): GraphAnswer {
  const requestId = randomUUID();
  return {
    status,
    headers: { "Content-Type": GRAPH_JSON, "request-id": requestId, ...headers },
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString(),
          "request-id": requestId,
          "client-request-id": requestId,
        },
      },
    },
  };
}

function json(body: unknown, status = 200): GraphAnswer {
  return { status, headers: { "Content-Type": GRAPH_JSON, "request-id": randomUUID() }, body };
}

/**
 * The kind of a request, for the request log and fault targets. `users` is a lookup this server
 * does not answer (the add-in makes none): it is still named in the log, so that a client that
 * started making one would show up in the benchmarks' request counts.
 */
export function classify(method: string, path: string): RequestKind {
  const pathname = path.split("?")[0] ?? "";
  if (pathname === "/me/getMailTips" || /^\/users\/[^/]+\/getMailTips$/.test(pathname)) return "mailtips";
  if (pathname === "/$batch") return "batch";
  if (pathname === "/me/messages" || /^\/users\/[^/]+\/messages$/.test(pathname)) return "messages";
  if (pathname.endsWith("/$count")) return "count";
  if (pathname.startsWith("/groups")) return "groups";
  if (pathname.startsWith("/users")) return "users";
  void method;
  return "other";
}

/** `mail eq 'a@b.org'` with OData's doubled quotes; null for any other filter. */
function mailFilter(filter: string | null): string | null {
  const match = /^\s*mail\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter ?? "");
  return match ? (match[1] ?? "").replace(/''/g, "'").toLowerCase() : null;
}

function groupResource(group: GroupData): Record<string, unknown> {
  return {
    id: group.id,
    mail: group.mail,
    displayName: group.displayName,
    groupTypes: group.kind === "m365" ? ["Unified"] : [],
    mailEnabled: true,
    securityEnabled: group.kind === "security",
  };
}

function select(resource: Record<string, unknown>, fields: string | null): Record<string, unknown> {
  if (!fields) return resource;
  const wanted = fields.split(",").map((field) => field.trim());
  return Object.fromEntries(Object.entries(resource).filter(([key]) => wanted.includes(key)));
}

/** `mailEnabled eq true`: every list that takes mail, as `reach-guard scan` asks. */
function mailEnabledFilter(filter: string | null): boolean {
  return /^\s*mailEnabled\s+eq\s+true\s*$/i.test(filter ?? "");
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 999;

// The skip token is opaque to clients, as Graph's is: an offset wrapped so that nobody builds one.
const skipToken = (offset: number) => Buffer.from(`rg-skip:${offset}`, "utf8").toString("base64url");

function offsetOf(token: string | null): number | null {
  if (token === null) return 0;
  const match = /^rg-skip:(\d{1,9})$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return match ? Number(match[1]) : null;
}

/** One page of the mail-enabled lists, with `@odata.nextLink` while more are left. */
function listPage(call: GraphCall, url: URL, directory: FakeDirectory): GraphAnswer {
  const topText = url.searchParams.get("$top");
  const top = topText === null ? DEFAULT_PAGE_SIZE : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > MAX_PAGE_SIZE)
    return errorAnswer(
      400,
      "Request_BadRequest",
      `Invalid page size specified: '${topText}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`,
    );
  const offset = offsetOf(url.searchParams.get("$skiptoken"));
  if (offset === null)
    return errorAnswer(
      400,
      "Request_BadRequest",
      "The specified page token value has expired or is invalid.",
    );
  const fields = url.searchParams.get("$select");
  const value = directory.listableGroups(offset, top).map((group) => select(groupResource(group), fields));
  const body: Record<string, unknown> = { "@odata.context": contextFor("groups", url) };
  if (offset + top < directory.listableGroupCount) {
    const next = new URLSearchParams(url.search);
    next.set("$skiptoken", skipToken(offset + top));
    body["@odata.nextLink"] = `${call.root ?? "https://graph.microsoft.com"}/v1.0/groups?${next.toString()}`;
  }
  body.value = value;
  return json(body);
}

/** `…#groups`, or `…#groups(id,mail)` when `$select` names properties, as Graph answers. */
function contextFor(entitySet: string, url: URL): string {
  const fields = url.searchParams.get("$select");
  const list = fields
    ? fields
        .split(",")
        .map((field) => field.trim())
        .filter(Boolean)
    : [];
  return `${CONTEXT}#${entitySet}${list.length > 0 ? `(${list.join(",")})` : ""}`;
}

function permitted(token: string | null, permission: Permission): boolean {
  return token !== null && (TOKEN_PERMISSIONS[token] ?? []).includes(permission);
}

const DENIED = () =>
  errorAnswer(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

function mailTips(call: GraphCall, url: URL, directory: FakeDirectory): GraphAnswer {
  if (call.method !== "POST") return errorAnswer(405, "Request_BadRequest", "Method not allowed.");
  // /users/{id}/getMailTips asks as that mailbox (app-only sign-in has no "me").
  const mailbox = /^\/users\/([^/]+)\/getMailTips$/.exec(url.pathname)?.[1];
  const sender = mailbox === undefined ? directory.me : decodeURIComponent(mailbox).toLowerCase();
  const body = call.body as { EmailAddresses?: unknown; MailTipsOptions?: unknown } | null;
  const addresses = body?.EmailAddresses;
  if (!Array.isArray(addresses) || addresses.length === 0 || !addresses.every((a) => typeof a === "string")) {
    return errorAnswer(400, "ErrorInvalidParameter", "EmailAddresses must list at least one address.");
  }
  const options = new Set(
    String(body?.MailTipsOptions ?? "")
      .split(",")
      .map((option) => option.trim().toLowerCase())
      .filter(Boolean),
  );
  const value = (addresses as string[]).map((address) => {
    const facts = directory.mailTip(address, sender);
    const tip: Record<string, unknown> = { emailAddress: { name: facts.name, address } };
    if (!facts.known) {
      tip.error = { code: "InvalidRecipient", message: "The recipient could not be resolved." };
      return tip;
    }
    if (options.has("totalmembercount") && facts.totalMemberCount !== null)
      tip.totalMemberCount = facts.totalMemberCount;
    if (options.has("externalmembercount") && facts.externalMemberCount !== null)
      tip.externalMemberCount = facts.externalMemberCount;
    if (options.has("recipientscope")) tip.recipientScope = facts.scope;
    if (options.has("deliveryrestriction")) tip.deliveryRestricted = facts.deliveryRestricted;
    if (options.has("moderationstatus")) tip.isModerated = facts.isModerated;
    return tip;
  });
  return json({ "@odata.context": `${CONTEXT}#Collection(microsoft.graph.mailTips)`, value });
}

function groups(call: GraphCall, url: URL, directory: FakeDirectory): GraphAnswer {
  if (call.method !== "GET") return errorAnswer(405, "Request_BadRequest", "Method not allowed.");
  if (!permitted(call.token, "GroupMember.Read.All")) return DENIED();
  const parts = url.pathname.split("/").filter(Boolean);
  if (parts.length === 1) {
    if (mailEnabledFilter(url.searchParams.get("$filter"))) return listPage(call, url, directory);
    const mail = mailFilter(url.searchParams.get("$filter"));
    if (mail === null) return errorAnswer(400, "Request_UnsupportedQuery", "Unsupported query.");
    const group = directory.group(mail);
    // Dynamic distribution lists live in Exchange only: /groups cannot see them.
    const value =
      group && group.kind !== "dynamic"
        ? [select(groupResource(group), url.searchParams.get("$select"))]
        : [];
    return json({ "@odata.context": contextFor("groups", url), value });
  }
  const group = directory.groupById(decodeURIComponent(parts[1] ?? ""));
  if (!group || group.kind === "dynamic") {
    return errorAnswer(
      404,
      "Request_ResourceNotFound",
      `Resource '${parts[1]}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  // Only the count the add-in asks for: users reached through nested lists, each once.
  if (
    parts.length !== 5 ||
    parts[2] !== "transitiveMembers" ||
    parts[3] !== "microsoft.graph.user" ||
    parts[4] !== "$count"
  )
    return errorAnswer(400, "BadRequest", "Unsupported segment.");
  if (call.headers.consistencylevel?.toLowerCase() !== "eventual") {
    // As documented in "Advanced query capabilities on Microsoft Entra ID objects" (error handling).
    return errorAnswer(400, "Request_BadRequest", "$count is not currently supported.");
  }
  const filter = url.searchParams.get("$filter");
  let count = directory.countMembers(group, false);
  if (filter) {
    const match = /^\s*userType\s+eq\s+'(Guest|Member)'\s*$/i.exec(filter);
    if (!match) return errorAnswer(400, "Request_UnsupportedQuery", "Unsupported query.");
    const guests = directory.countMembers(group, true);
    count = (match[1] ?? "").toLowerCase() === "guest" ? guests : count - guests;
  }
  return {
    status: 200,
    headers: { "Content-Type": "text/plain", "request-id": randomUUID() },
    body: group.malformedCount ? "about a dozen" : count,
  };
}

/**
 * The signed-in user's messages. Exchange answers a token without Mail.Read, or another user's
 * mailbox that was not shared, with 403 ErrorAccessDenied.
 */
function messages(call: GraphCall, url: URL, directory: FakeDirectory): GraphAnswer {
  if (call.method !== "GET") return errorAnswer(405, "Request_BadRequest", "Method not allowed.");
  const user = /^\/users\/([^/]+)\/messages$/.exec(url.pathname)?.[1];
  const own = user === undefined || decodeURIComponent(user).toLowerCase() === directory.me;
  if (!permitted(call.token, "Mail.Read") || !own)
    return errorAnswer(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
  const answer = listMessages(
    { pathname: url.pathname, query: url.searchParams, root: call.root ?? "https://graph.microsoft.com" },
    directory,
  );
  return answer.ok ? json(answer.body) : errorAnswer(answer.status, answer.code, answer.message);
}

/** A token this server knows, whatever it permits. */
export function authenticated(token: string | null): boolean {
  return token !== null && TOKEN_PERMISSIONS[token] !== undefined;
}

export const UNAUTHENTICATED = () =>
  errorAnswer(401, "InvalidAuthenticationToken", "Access token is empty or invalid.");

/** One Graph request (on its own or inside a batch), authorised and answered. */
export function answerGraph(call: GraphCall, directory: FakeDirectory): GraphAnswer {
  if (!authenticated(call.token)) return UNAUTHENTICATED();
  const url = new URL(call.path, "http://graph.invalid");
  switch (classify(call.method, call.path)) {
    case "mailtips":
      return permitted(call.token, "Mail.Read") ? mailTips(call, url, directory) : DENIED();
    case "groups":
    case "count":
      return groups(call, url, directory);
    case "messages":
      return messages(call, url, directory);
    default:
      return errorAnswer(
        400,
        "BadRequest",
        `Resource not found for the segment '${url.pathname.split("/")[1] ?? ""}'.`,
      );
  }
}
