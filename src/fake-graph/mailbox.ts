import { toBase64 } from "../core/bytes";

// The signed-in user's mailbox behind GET /me/messages on the local Graph server: messages given one
// by one, and generated threads whose messages are made only when a page asks for them, so that a
// thread of 1,000 (or 100,000) costs a few numbers. Pure, no node:*: the playground's browser code
// imports ./demo-mailbox.ts, which builds on this file.

export interface InternetMessageHeader {
  readonly name: string;
  readonly value: string;
}

/** One message as Graph's message resource gives it (the properties the storm check reads, and a few more). */
export interface MailboxMessage {
  readonly id: string;
  readonly conversationId: string;
  /** null: a message Graph gives without a sender (a draft, say). */
  readonly from: { readonly address: string; readonly name: string } | null;
  /** ISO 8601, UTC. */
  readonly receivedDateTime: string;
  /** PidTagConversationIndex, base64: 22 bytes for the message that starts a thread, 5 more per reply. */
  readonly conversationIndex: string;
  readonly internetMessageHeaders: readonly InternetMessageHeader[];
  readonly subject?: string;
}

/**
 * A thread of `count` messages in one conversation, the first starting it and every other a reply
 * (one or two levels deep), `spacingMs` apart from `firstAt` (epoch ms), sent in turn by `senders`.
 */
export interface GeneratedThread {
  readonly conversationId: string;
  readonly count: number;
  readonly firstAt: number;
  readonly spacingMs: number;
  readonly senders: readonly string[];
  readonly subject?: string;
  /** The X-Reach-Guard header the first message carries, if any. */
  readonly rootHeader?: string;
  /**
   * Transport headers per message (Received, DKIM, ARC, antispam verdicts), as Exchange Online adds
   * a few dozen to every message: they make a page of `internetMessageHeaders` as heavy as Graph's.
   */
  readonly transportHeaders?: number;
}

export interface MailboxData {
  readonly messages?: readonly MailboxMessage[];
  /**
   * Messages as they stand at the moment of each request (epoch ms): a demo thread that stays
   * recent however long the server has been running.
   */
  readonly live?: (now: number) => readonly MailboxMessage[];
  readonly threads?: readonly GeneratedThread[];
}

export interface MailboxQuery {
  /** null: every conversation. */
  readonly conversationId: string | null;
  /** Only messages received at or after this moment (epoch ms); null: all. */
  readonly since: number | null;
  readonly newestFirst: boolean;
}

export interface MailboxPage {
  /** How many messages match the query in all. */
  readonly total: number;
  readonly messages: readonly MailboxMessage[];
}

export interface FakeMailbox {
  /** The messages matching `query` from `offset`, at most `limit` of them, in the order asked. */
  page(query: MailboxQuery, offset: number, limit: number): MailboxPage;
}

// ---- the conversation index, as Outlook's ScCreateConversationIndex writes it -------------------

/** FILETIME is 100 ns ticks since 1601; the header block keeps its five high bytes. */
const EPOCH_1601_MS = 11_644_473_600_000;

function bigEndian(value: number, bytes: number): number[] {
  const out: number[] = [];
  for (let index = bytes - 1; index >= 0; index--) out.push(Math.floor(value / 2 ** (8 * index)) % 256);
  return out;
}

/** 32-bit FNV-1a of `text`, started from `seed`: a stand-in GUID that is stable for a conversation. */
function fnv(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The conversation index of a message `depth` replies below the one that started the conversation
 * at `rootAt`: a 22-byte header block (a reserved 1, five bytes of the time, a 16-byte GUID) and one
 * 5-byte child block per reply. `salt` varies the child blocks from one reply to the next.
 */
export function conversationIndex(conversationId: string, rootAt: number, depth: number, salt = 0): string {
  const ticks = Math.floor(((rootAt + EPOCH_1601_MS) * 10_000) / 2 ** 24);
  const guid = [0x811c9dc5, 0x01234567, 0x89abcdef, 0x5bd1e995].flatMap((seed) =>
    bigEndian(fnv(conversationId, seed), 4),
  );
  const children: number[] = [];
  for (let level = 1; level <= depth; level++)
    children.push(...bigEndian(fnv(`${salt}:${level}`, 0x2f), 4), level);
  return toBase64(Uint8Array.from([1, ...bigEndian(ticks, 5), ...guid, ...children]));
}

// ---- generated threads ---------------------------------------------------------------------------

/** Graph gives times to the second. */
const toSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

export function isoSecond(ms: number): string {
  return new Date(toSecond(ms)).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const TRANSPORT_HEADER_NAMES = [
  "Received",
  "ARC-Seal",
  "ARC-Message-Signature",
  "ARC-Authentication-Results",
  "DKIM-Signature",
  "X-MS-Exchange-Organization-SCL",
  "X-Forefront-Antispam-Report",
  "X-Microsoft-Antispam-Message-Info",
];

/** A header of about the length Exchange writes (a Received line, an ARC seal: 150 to 400 characters). */
function transportHeader(k: number): InternetMessageHeader {
  const name = TRANSPORT_HEADER_NAMES[k % TRANSPORT_HEADER_NAMES.length]!;
  const host = k.toString(16).padStart(4, "0");
  const value =
    `from AM0PR01MB${host}.eurprd01.prod.example.org (2603:10a6:208::${k}) by ` +
    `DB9PR01MB${host}.eurprd01.prod.example.org with Microsoft SMTP Server (version=TLS1_2, ` +
    `cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7452.${k}; ${"x".repeat(60)}`;
  return { name, value };
}

/** A generated thread's transport headers, made once: every message of it carries the same. */
const transportCache = new WeakMap<GeneratedThread, readonly InternetMessageHeader[]>();

function transportHeaders(thread: GeneratedThread): readonly InternetMessageHeader[] {
  let headers = transportCache.get(thread);
  if (!headers) {
    headers = Array.from({ length: thread.transportHeaders ?? 0 }, (_, k) => transportHeader(k));
    transportCache.set(thread, headers);
  }
  return headers;
}

function generatedMessage(thread: GeneratedThread, n: number): MailboxMessage {
  const sender = thread.senders.length > 0 ? thread.senders[n % thread.senders.length]! : null;
  const transport = transportHeaders(thread);
  const headers =
    n === 0 && thread.rootHeader !== undefined
      ? [...transport, { name: "X-Reach-Guard", value: thread.rootHeader }]
      : transport;
  const subject = thread.subject ?? "Thread";
  return {
    id: `gen-${thread.conversationId}-${n}`,
    conversationId: thread.conversationId,
    from: sender === null ? null : { address: sender, name: sender.split("@")[0] ?? sender },
    receivedDateTime: isoSecond(thread.firstAt + n * thread.spacingMs),
    // Replies answer the first message or, every third one, a reply to it.
    conversationIndex: conversationIndex(
      thread.conversationId,
      thread.firstAt,
      n === 0 ? 0 : n % 3 === 0 ? 2 : 1,
      n,
    ),
    internetMessageHeaders: headers,
    subject: n === 0 ? subject : `RE: ${subject}`,
  };
}

// ---- queries -------------------------------------------------------------------------------------

/** A run of matching messages sorted by time, read by position without being built. */
interface Run {
  readonly length: number;
  timeAt(index: number): number;
  messageAt(index: number): MailboxMessage;
}

function givenRun(messages: readonly MailboxMessage[], query: MailboxQuery): Run {
  const timed = messages
    .map((message) => ({ message, at: toSecond(Date.parse(message.receivedDateTime)) }))
    .filter(({ message, at }) => {
      if (query.conversationId !== null && message.conversationId !== query.conversationId) return false;
      return query.since === null || at >= query.since;
    })
    .sort((a, b) => (query.newestFirst ? b.at - a.at : a.at - b.at));
  return {
    length: timed.length,
    timeAt: (index) => timed[index]!.at,
    messageAt: (index) => timed[index]!.message,
  };
}

function generatedRun(thread: GeneratedThread, query: MailboxQuery): Run {
  const time = (n: number) => toSecond(thread.firstAt + n * thread.spacingMs);
  // The first message received at or after `since`, found by halving: times only grow.
  let first = 0;
  if (query.since !== null) {
    let high = thread.count;
    while (first < high) {
      const middle = (first + high) >>> 1;
      if (time(middle) >= query.since) high = middle;
      else first = middle + 1;
    }
  }
  const length = thread.count - first;
  const n = (index: number) => (query.newestFirst ? thread.count - 1 - index : first + index);
  return {
    length,
    timeAt: (index) => time(n(index)),
    messageAt: (index) => generatedMessage(thread, n(index)),
  };
}

export function createFakeMailbox(data: MailboxData = {}, now: () => number = Date.now): FakeMailbox {
  const threads = data.threads ?? [];
  const { live } = data;
  return {
    page(query, offset, limit) {
      const given = live ? [...(data.messages ?? []), ...live(now())] : (data.messages ?? []);
      const runs = [
        givenRun(given, query),
        ...threads
          .filter((thread) => query.conversationId === null || thread.conversationId === query.conversationId)
          .map((thread) => generatedRun(thread, query)),
      ].filter((run) => run.length > 0);
      const total = runs.reduce((sum, run) => sum + run.length, 0);
      // The runs merged in order, up to the end of the page: cheap for the pages a reader asks for.
      const positions = runs.map(() => 0);
      const messages: MailboxMessage[] = [];
      for (let taken = 0; taken < Math.min(total, offset + limit); taken++) {
        let best = -1;
        for (let r = 0; r < runs.length; r++) {
          if (positions[r]! >= runs[r]!.length) continue;
          const at = runs[r]!.timeAt(positions[r]!);
          const bestAt = best < 0 ? 0 : runs[best]!.timeAt(positions[best]!);
          if (best < 0 || (query.newestFirst ? at > bestAt : at < bestAt)) best = r;
        }
        if (taken >= offset) messages.push(runs[best]!.messageAt(positions[best]!));
        positions[best]! += 1;
      }
      return { total, messages };
    },
  };
}
