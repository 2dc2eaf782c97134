import { z } from "zod/mini";
import type { TokenProvider } from "../../auth/port";
import { fromBase64 } from "../../core/bytes";
import type { ThreadMessage, ThreadReading } from "../../core/types";
import { abortable, within } from "../../kit/deadline";
import type { ThreadReader, ThreadReadOptions } from "../port";
import { GRAPH_VERSION, graphClientFor, type GraphClient } from "./client";
import { GraphError } from "./errors";
import type { BackoffOptions } from "./retry";

// GET /me/messages?$filter=conversationId eq '…' and receivedDateTime ge …: the recent messages of
// one conversation in the signed-in mailbox, for the reply-all storm check. Only the sender, the
// time, the conversation index and the internet headers are asked for (never the subject or the
// body), and of the headers only X-Reach-Guard is kept. Graph documents internetMessageHeaders as
// returned only when $select names it, $top from 1 to 1,000, and $orderby beside $filter as allowed
// only on filtered properties (InefficientFilter otherwise): there is no $orderby here, as every
// message of the window is read whatever the order. Every doubt makes the storm look larger, never
// smaller: a message that cannot be read counts as a reply from nobody known, at an unknown time.

/** The permission MailTips already need: list messages takes Mail.ReadBasic or Mail.Read. */
export const CONVERSATION_SCOPES: readonly string[] = ["Mail.Read"];

export const DEFAULT_MAX_MESSAGES = 1000;
/**
 * Messages per page. Graph allows 1,000, but each message brings its transport headers (a few
 * kilobytes in Exchange Online): 100 keep a page well within the client's 2,000,000-character limit.
 */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** Graph's conversation ids are far shorter: a longer one is not asked about. */
export const MAX_CONVERSATION_ID = 1000;
/** The X-Reach-Guard value kept; Reach Guard writes under 200 characters. */
export const MAX_HEADER_VALUE = 1000;
const MAX_ADDRESS = 1000;

/** The root message's PidTagConversationIndex: a 22-byte header block; each reply adds 5 bytes. */
const ROOT_INDEX_BYTES = 22;
const LAST_DATE_MS = 8.64e15;
const REACH_GUARD_HEADER = "x-reach-guard";

export interface ThreadReaderOptions {
  readonly graphRoot: string;
  readonly getToken: TokenProvider;
  /** Messages read at most; past them the reading is `complete: false`. */
  readonly maxMessages?: number;
  /** `$top` of each request (1 to 1,000). */
  readonly pageSize?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly backoff?: BackoffOptions;
}

export interface GraphThreadReader extends ThreadReader {
  /** Its root is "" when the Graph root was refused: every read then rejects without asking for a token. */
  readonly client: GraphClient;
}

const pageSchema = z.object({
  value: z.array(z.unknown()),
  "@odata.nextLink": z.optional(z.string()),
});
const fromSchema = z.object({ emailAddress: z.object({ address: z.string() }) });
const headerSchema = z.object({ name: z.string(), value: z.string() });

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function clamp(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** An OData DateTimeOffset, to the second, rounded down: a window a little wider, never narrower. */
function odataTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function firstPagePath(conversationId: string, since: number, top: number): string {
  // OData writes a quote inside a string literal twice; the whole filter is then percent-encoded.
  const filter = `conversationId eq '${conversationId.replace(/'/g, "''")}' and receivedDateTime ge ${odataTime(since)}`;
  return (
    `/me/messages?$filter=${encodeURIComponent(filter)}` +
    `&$select=from,receivedDateTime,conversationIndex,internetMessageHeaders&$top=${top}`
  );
}

/**
 * The path to ask for the next page, or null when the link is refused: it must start with this
 * client's root and version and lead to /me/messages, so that a tampered or broken answer can never
 * send the token elsewhere.
 */
export function nextPagePath(link: string, root: string): string | null {
  const prefix = `${root}/${GRAPH_VERSION}/`;
  const rest = link.slice(prefix.length);
  if (link.slice(0, prefix.length).toLowerCase() !== prefix) return null;
  return /^me\/messages\?[^#\s\\]*$/.test(rest) ? `/${rest}` : null;
}

/** How many bytes a base64 conversation index holds; null when it is not base64. */
function indexBytes(index: unknown): number | null {
  if (typeof index !== "string") return null;
  return fromBase64(index)?.length ?? null;
}

function senderOf(from: unknown): string | null {
  const parsed = fromSchema.safeParse(from);
  if (!parsed.success) return null;
  const address = parsed.data.emailAddress.address.trim().toLowerCase();
  return address === "" ? null : address.slice(0, MAX_ADDRESS);
}

function receivedAt(value: unknown): number {
  // NaN when unreadable: the storm check counts a message of unknown time as within the window.
  return typeof value === "string" ? Date.parse(value) : Number.NaN;
}

/** The first X-Reach-Guard value, whatever the case of its name. */
function reachHeader(headers: unknown): string | null {
  if (!Array.isArray(headers)) return null;
  for (const raw of headers) {
    // A message carries a few dozen transport headers: the name is looked at before the whole entry.
    const name = typeof raw === "object" && raw !== null ? (raw as { name?: unknown }).name : undefined;
    if (typeof name !== "string" || name.trim().toLowerCase() !== REACH_GUARD_HEADER) continue;
    const header = headerSchema.safeParse(raw);
    if (header.success) return header.data.value.slice(0, MAX_HEADER_VALUE);
  }
  return null;
}

interface Read {
  readonly message: Omit<ThreadMessage, "isReply">;
  /** The conversation index as given, when it is a root's (22 bytes). */
  readonly rootIndex: string | null;
}

function readMessage(raw: unknown): Read {
  const fields = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const index = fields.conversationIndex;
  return {
    message: {
      from: senderOf(fields.from),
      receivedAt: receivedAt(fields.receivedDateTime),
      reachHeader: reachHeader(fields.internetMessageHeaders),
    },
    rootIndex: indexBytes(index) === ROOT_INDEX_BYTES ? (index as string) : null,
  };
}

/**
 * Which messages are replies. Only a root's index (22 bytes) starts a thread, and a thread starts
 * once: when several messages carry different root indexes (a client that does not keep the index
 * on a reply), only the earliest one's starts it and the others count as replies. Copies of the
 * root (Sent Items and Inbox) share its index and are all the root.
 */
function withReplies(reads: readonly Read[]): ThreadMessage[] {
  let root: Read | null = null;
  for (const read of reads) {
    if (read.rootIndex === null) continue;
    if (root === null || read.message.receivedAt < root.message.receivedAt) root = read;
  }
  const rootIndex = root?.rootIndex ?? null;
  return reads.map((read) => ({
    ...read.message,
    isReply: read.rootIndex === null || read.rootIndex !== rootIndex,
  }));
}

function refusedId(conversationId: string): boolean {
  return conversationId === "" || conversationId.length > MAX_CONVERSATION_ID || CONTROL.test(conversationId);
}

export function createThreadReader(options: ThreadReaderOptions): GraphThreadReader {
  // A refused root gives a client whose every call fails before a token is asked for.
  const client = graphClientFor(options);
  const now = options.now ?? Date.now;
  const maxMessages = clamp(options.maxMessages, DEFAULT_MAX_MESSAGES, 1, 100_000);
  const pageSize = clamp(options.pageSize, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);

  async function readAll(
    graph: GraphClient,
    conversationId: string,
    read: ThreadReadOptions,
    signal: AbortSignal | undefined,
  ): Promise<ThreadReading> {
    const reads: Read[] = [];
    const asked = new Set<string>();
    let path: string | null = firstPagePath(conversationId, read.since, Math.min(pageSize, maxMessages));
    while (path !== null) {
      // Graph may give a page of nothing with a link on; a link given twice would never end.
      if (asked.has(path)) throw new GraphError("unavailable", 200, "NextLinkRepeated");
      asked.add(path);
      const response = await graph.request({
        method: "GET",
        path,
        scopes: CONVERSATION_SCOPES,
        deadlineAt: read.deadlineAt,
        ...(signal ? { signal } : {}),
      });
      const page = pageSchema.safeParse(response.body);
      if (!page.success) throw new GraphError("unavailable", response.status, "MalformedResponse");
      for (const raw of page.data.value) reads.push(readMessage(raw));
      const link = page.data["@odata.nextLink"];
      if (reads.length >= maxMessages) {
        const complete = reads.length === maxMessages && link === undefined;
        return { messages: withReplies(reads.slice(0, maxMessages)), complete };
      }
      if (link === undefined) path = null;
      else {
        path = nextPagePath(link, graph.root);
        if (path === null) throw new GraphError("unavailable", response.status, "NextLinkRefused");
      }
    }
    return { messages: withReplies(reads), complete: true };
  }

  return {
    client,
    async read(conversationId, read) {
      if (typeof conversationId !== "string" || refusedId(conversationId))
        throw new GraphError("unavailable", null, "InvalidConversationId");
      // A time Date cannot write (beyond ±8.64e15 ms) would throw while the request is made.
      if (!(Math.abs(read.since) <= LAST_DATE_MS)) throw new GraphError("unavailable", null, "InvalidWindow");
      const graph = client;
      // The client keeps each request to the deadline; this keeps the whole read to it, pages,
      // retries and parsing included, and stops what is in flight when it passes.
      const { signal, abort, release } = abortable(read.signal);
      try {
        return await within(
          read.deadlineAt - now(),
          () => readAll(graph, conversationId, read, signal),
          () => {
            abort();
            throw new GraphError("timeout", null, "Timeout");
          },
        );
      } finally {
        release();
      }
    },
  };
}
