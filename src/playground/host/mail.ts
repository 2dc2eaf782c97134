import { demoStormThread } from "../../fake-graph/demo-mailbox";
import { HEADER_NAME } from "../../core/header";
import type { DraftInit } from "./draft";

// The demo mailbox: what Dr Amelia Hart finds in her inbox, and how Reply, Reply all and Forward
// address the answer (as Outlook does: reply all drops the sender's own address).

export interface Person {
  readonly emailAddress: string;
  readonly displayName: string;
}

export interface MailMessage {
  readonly id: string;
  readonly folder: "inbox" | "sent";
  readonly from: Person;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly subject: string;
  readonly body: string;
  /** Outlook's conversation id: the same for a message and every reply or forward of it. */
  readonly conversationId: string;
  /** ISO date-time. */
  readonly at: string;
  readonly headers: Readonly<Record<string, string>>;
}

export type ComposeKind = DraftInit["kind"];

/**
 * Personal contact groups in Dr Hart's own contacts. Outlook puts one in a field as a name without
 * an address: getAsync gives `emailAddress: ""`, and setAsync on that field fails (error 5010).
 */
export const CONTACT_GROUPS: readonly string[] = ["Ward round friends"];

/**
 * The thread of a reply-all storm, which the playground's policy stops as an incident
 * (../server/demo-incident.ts): a lost lanyard announced to everyone, and the replies to everyone
 * that followed, all in one conversation.
 */
export const STORM = {
  conversationId: "AAQkADlanyard-storm",
  subject: "Lost: blue lanyard near the canteen",
  list: "everyone@example.org",
} as const;

function stormThread(): MailMessage[] {
  const message = (n: number, from: Person, subject: string, body: string, at: string): MailMessage => ({
    id: `storm-${n}`,
    folder: "inbox",
    from,
    to: [STORM.list],
    cc: [],
    bcc: [],
    subject,
    body,
    conversationId: STORM.conversationId,
    at,
    headers: {},
  });
  const reply = `RE: ${STORM.subject}`;
  return [
    message(
      4,
      { emailAddress: "tom.evans@example.org", displayName: "Tom Evans" },
      reply,
      "Stop replying to all!",
      "2026-11-21T09:14:00Z",
    ),
    message(
      3,
      { emailAddress: "lisa.wong@example.org", displayName: "Lisa Wong" },
      reply,
      "Please remove me from this list.",
      "2026-11-21T09:11:00Z",
    ),
    message(
      2,
      { emailAddress: "owen.price@example.org", displayName: "Owen Price" },
      reply,
      "Why am I getting this?",
      "2026-11-21T09:09:00Z",
    ),
    message(
      1,
      { emailAddress: "jo.murray@example.org", displayName: "Jo Murray" },
      STORM.subject,
      "Has anyone found a blue lanyard with a locker key? I lost it near the canteen.",
      "2026-11-21T09:02:00Z",
    ),
  ];
}

/**
 * A reply-all storm under way: the car park thread to the Clinical Leads, as the local Graph server
 * serves it from Dr Hart's mailbox (../../fake-graph/demo-mailbox.ts), made when the page loads so
 * that it is as recent here as there. Newest first, as an inbox lists it.
 */
function carParkThread(now: number): MailMessage[] {
  return demoStormThread(now)
    .map((message) => ({
      id: message.id,
      folder: "inbox" as const,
      from: { emailAddress: message.from.address, displayName: message.from.name },
      to: [...message.to],
      cc: [...message.cc],
      bcc: [],
      subject: message.subject,
      body: message.body,
      conversationId: message.conversationId,
      at: message.receivedDateTime,
      headers: Object.fromEntries(
        message.internetMessageHeaders
          .filter((header) => header.name.toLowerCase() === HEADER_NAME.toLowerCase())
          .map((header) => [HEADER_NAME, header.value]),
      ),
    }))
    .reverse();
}

export const INBOX: readonly MailMessage[] = [
  ...carParkThread(Date.now()),
  {
    id: "m1",
    conversationId: "AAQkADtest-email",
    folder: "inbox",
    from: { emailAddress: "sam.patel@example.org", displayName: "Sam Patel" },
    to: ["everyone@example.org"],
    cc: [],
    bcc: [],
    subject: "Test email - please ignore",
    body: "Testing the new distribution list. Please ignore.",
    at: "2026-11-24T08:02:00Z",
    headers: {},
  },
  {
    id: "m2",
    conversationId: "AAQkADwinter-rota",
    folder: "inbox",
    from: { emailAddress: "medical.director@example.org", displayName: "Medical Director" },
    to: ["clinical-leads@example.org"],
    cc: ["dr.amelia.hart@example.org"],
    bcc: [],
    subject: "Winter rota: views by Friday",
    body: "Please send me your views on the winter rota by Friday.",
    at: "2026-11-23T16:40:00Z",
    headers: {},
  },
  {
    id: "m3",
    conversationId: "AAQkADward7-handover",
    folder: "inbox",
    from: { emailAddress: "priya.shah@example.org", displayName: "Priya Shah" },
    to: ["ward7-team@example.org"],
    cc: [],
    bcc: [],
    subject: "Ward 7 handover",
    body: "Bay 3 is closed for cleaning until 2 pm.",
    at: "2026-11-23T07:15:00Z",
    headers: {},
  },
  {
    id: "m4",
    conversationId: "AAQkADphoenix-ethics",
    folder: "inbox",
    from: { emailAddress: "ana.silva@partner-university.example", displayName: "Ana Silva" },
    to: ["dr.amelia.hart@example.org"],
    cc: ["project-phoenix@example.org"],
    bcc: [],
    subject: "Phoenix study: ethics approval",
    body: "Good news: the ethics committee approved the study.",
    at: "2026-11-22T11:30:00Z",
    headers: {},
  },
  ...stormThread(),
];

const subjectPrefix: Record<ComposeKind, string> = {
  new: "",
  reply: "RE: ",
  replyAll: "RE: ",
  forward: "FW: ",
};

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The draft Outlook opens for `kind`, from `me`, answering `original` (none for a new message). */
export function draftFor(
  kind: ComposeKind,
  me: Person,
  original: MailMessage | null,
): Omit<DraftInit, "kind"> {
  if (kind === "new" || !original) return { from: me };
  const subject = `${subjectPrefix[kind]}${original.subject.replace(/^(RE|FW):\s*/i, "")}`;
  const quoted = `\n\n-----\nFrom: ${original.from.displayName}\n${original.body}`;
  // A reply or forward joins the original's conversation.
  const thread = { conversationId: original.conversationId };
  if (kind === "forward") return { from: me, subject, body: quoted, ...thread };
  if (kind === "reply")
    return { from: me, to: [original.from.emailAddress], subject, body: quoted, ...thread };
  const notMe = (address: string) => !same(address, me.emailAddress);
  const to = [original.from.emailAddress, ...original.to].filter(notMe);
  const unique = (addresses: string[]) =>
    addresses.filter((address, index) => addresses.findIndex((other) => same(other, address)) === index);
  return {
    from: me,
    to: unique(to),
    cc: unique(original.cc.filter(notMe)).filter((address) => !to.some((other) => same(other, address))),
    subject,
    body: quoted,
    ...thread,
  };
}
