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

export const INBOX: readonly MailMessage[] = [
  {
    id: "m1",
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
  if (kind === "forward") return { from: me, subject, body: quoted };
  if (kind === "reply") return { from: me, to: [original.from.emailAddress], subject, body: quoted };
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
  };
}
