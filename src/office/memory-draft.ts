import { FIELDS, type Conversation, type Field, type RecipientInput } from "../core/types";
import {
  recipientCapFor,
  RECIPIENTS_PER_CALL,
  type ComposeItem,
  type InfoBar,
  type RecipientEntry,
} from "./compose-item";
import { OfficeCallError } from "./office-call";
import {
  conversationIdInCompose,
  conversationKind,
  internetHeadersRefusal,
  listedByGetAsync,
  notificationRefusal,
  recipientWriteRefusal,
  SESSION_DATA_LIMIT,
  sessionDataRefusal,
  type OutlookRefusal,
} from "./outlook-rules";

// The draft port (ComposeItem) held in memory, for the tests and the bench: the whole surface the
// event handlers, the draft check and the task pane use, as strict as Outlook under the Office
// adapter (./compose-item.ts) and recording what was done to it. Nothing the add-in ships imports
// it, so no bundle carries it.
//
// Strict as Outlook (./outlook-rules.ts): getRecipients lists at most `cap` per field (1,000 on the
// web) and nothing says a field had more; setRecipients and addRecipients reach Outlook 100 at a time,
// as the adapter sends them; setting a field that holds a personal contact group, or writing one
// back, fails with 5010; an overwritten field loses what getRecipients never listed; sessionData
// holds 50,000 characters, keys and values together; info bars take keys of 32 characters, messages
// of 150 (the adapter would cut a longer one mid-word: here it fails, so a test sees it), five to an
// item; headers must be one line each. Failures come as the adapter raises them (OfficeCallError).
//
// The playground's stand-in Outlook (src/playground/host/draft.ts) keeps a draft of its own: it
// answers Office.js calls beneath the adapter, so it refuses what the adapter never sends (101
// recipients in one call, a missing sessionData key). The rules both follow are in one place.

/** A recipient as the draft holds it: what getAsync lists for it. */
export interface MemoryRecipient {
  readonly emailAddress: string;
  readonly displayName?: string;
  readonly recipientType?: string;
}

export type MemoryFields = Record<Field, MemoryRecipient[]>;

/** How a test gives the recipients: as getRecipients lists them, or field by field. */
export type MemoryRecipients = readonly RecipientInput[] | Partial<Record<Field, readonly MemoryRecipient[]>>;

/** An entry as Outlook lists it: an address and a display name (empty unless given). */
export const named = (emailAddress: string, displayName = ""): RecipientEntry => ({
  emailAddress,
  displayName,
});

/** A failure no rule of Outlook's explains, as a test asks for one: Office's "internal error". */
const INTERNAL_ERROR = 5001;

function isList(recipients: MemoryRecipients): recipients is readonly RecipientInput[] {
  return Array.isArray(recipients);
}

function failed(operation: string, refusal: OutlookRefusal | null = null): OfficeCallError {
  return new OfficeCallError(operation, refusal?.code ?? INTERNAL_ERROR);
}

export class MemoryDraft implements ComposeItem {
  /** The recipients by field, in order. A test may change them as the sender would. */
  fields: MemoryFields = { to: [], cc: [], bcc: [] };
  /** Most recipients getRecipients lists per field: Outlook on the web's unless a test says. */
  cap = recipientCapFor({ platform: "OfficeOnline", hostName: "OutlookWebApp", mailbox116: false });
  /** Characters sessionData holds (Mailbox 1.15). */
  sessionDataLimit = SESSION_DATA_LIMIT;
  /** The signed-in mailbox: the sender's own unless a test sends from a shared one. */
  signedIn: string | null = null;
  /** How the draft was started (Office.MailboxEnums.ComposeType). */
  composeType: "newMail" | "reply" | "forward" = "newMail";
  /** The thread a reply or forward answers; Outlook gives a new message none, whatever this holds. */
  thread: string | null = null;
  subject = "";
  /** Mailbox 1.10, which offers getComposeTypeAsync: without it the kind is not known. */
  mailbox110 = true;

  // What was done to the draft.
  readonly sessionData = new Map<string, string>();
  readonly headers = new Map<string, string>();
  readonly infoBars = new Map<string, InfoBar>();
  /** Every setRecipients call that succeeded, in order, with what it was given. */
  readonly sets: [Field, RecipientEntry[]][] = [];
  /** Every addRecipients call that succeeded, in order, with what it was given. */
  readonly adds: [Field, RecipientEntry[]][] = [];
  /** Every recipient change that succeeded, in order, as `set:to` or `add:bcc`. */
  readonly changes: string[] = [];
  /** Every recipients call as it reached Outlook, refused ones too, as `to.setAsync:100`. */
  readonly calls: string[] = [];
  /** Recipients an overwrite dropped that getRecipients never listed (past the cap), by field. */
  readonly lost: [Field, MemoryRecipient[]][] = [];

  // Failures a test asks for.
  /** getRecipients fails, as when the mailbox does not answer. */
  failRecipients = false;
  /** setRecipients on this field fails. */
  refuseSet: Field | null = null;
  /** getSessionData fails (the port allows it; the Office adapter answers null instead). */
  failSessionData = false;
  /** setSessionData fails. */
  refuseSessionData = false;
  /** subject.getAsync fails (the adapter answers null). */
  failSubject = false;

  constructor(
    public sender: string,
    recipients: MemoryRecipients = [],
  ) {
    if (isList(recipients)) this.recipients = recipients;
    else for (const field of FIELDS) this.fields[field] = [...(recipients[field] ?? [])];
  }

  /** A draft to these addresses, each named by its address. */
  static to(sender: string, addresses: Partial<Record<Field, readonly string[]>>): MemoryDraft {
    const draft = new MemoryDraft(sender);
    for (const field of FIELDS) {
      draft.fields[field] = (addresses[field] ?? []).map((emailAddress) => named(emailAddress, emailAddress));
    }
    return draft;
  }

  /**
   * Every recipient, field by field and with no cap. Changing this list (push, pop, reverse, or
   * assigning another) changes the draft, as the sender would.
   */
  get recipients(): RecipientInput[] {
    const all = FIELDS.flatMap((field) =>
      this.fields[field].map((recipient): RecipientInput => ({ field, ...recipient })),
    );
    const sync = (list: readonly RecipientInput[]) => (this.recipients = list);
    return new Proxy(all, {
      set(target, property, value) {
        const done = Reflect.set(target, property, value);
        sync(target);
        return done;
      },
      deleteProperty(target, property) {
        const done = Reflect.deleteProperty(target, property);
        sync(target);
        return done;
      },
    });
  }

  set recipients(list: readonly RecipientInput[]) {
    const fields: MemoryFields = { to: [], cc: [], bcc: [] };
    // A list part-way through a change (pop, reverse) may have holes.
    for (const { field, ...recipient } of list.filter(Boolean)) fields[field].push(recipient);
    this.fields = fields;
  }

  /** The addresses in a field, uncapped. */
  addresses(field: Field): string[] {
    return this.fields[field].map((recipient) => recipient.emailAddress);
  }

  async getSender() {
    return this.sender;
  }

  async getSignedIn() {
    return this.signedIn ?? this.sender;
  }

  async getRecipients(fields: readonly Field[] = FIELDS): Promise<RecipientInput[]> {
    if (this.failRecipients) throw failed(`${fields[0] ?? "to"}.getAsync`);
    return fields.flatMap((field) =>
      listedByGetAsync(this.fields[field], this.cap).map((recipient) => ({
        field,
        emailAddress: recipient.emailAddress,
        displayName: recipient.displayName ?? "",
        recipientType: recipient.recipientType ?? "",
      })),
    );
  }

  recipientCap() {
    return this.cap;
  }

  /** A reply (or forward) to the thread `thread` with the subject Outlook gives it. */
  answering(thread: string, subject: string, composeType: "reply" | "forward" = "reply"): this {
    Object.assign(this, { thread, subject, composeType });
    return this;
  }

  async getConversation(): Promise<Conversation> {
    return {
      id: conversationIdInCompose(this.composeType, this.thread),
      subject: this.failSubject ? null : this.subject,
      kind: this.mailbox110 ? conversationKind(this.composeType) : "unknown",
    };
  }

  async setRecipients(field: Field, recipients: readonly RecipientEntry[]) {
    if (this.refuseSet === field) throw failed(`${field}.setAsync`);
    const [first = [], ...rest] = this.chunks(recipients);
    this.write(field, "set", first);
    for (const chunk of rest) this.write(field, "add", chunk);
    this.sets.push([field, [...recipients]]);
    this.changes.push(`set:${field}`);
  }

  async addRecipients(field: Field, recipients: readonly RecipientEntry[]) {
    for (const chunk of this.chunks(recipients)) this.write(field, "add", chunk);
    this.adds.push([field, [...recipients]]);
    this.changes.push(`add:${field}`);
  }

  async getSessionData(key: string) {
    if (this.failSessionData) throw failed("sessionData.getAsync");
    return this.sessionData.get(key) ?? null;
  }

  async setSessionData(key: string, value: string) {
    if (this.refuseSessionData) throw failed("sessionData.setAsync");
    const refusal = sessionDataRefusal(this.sessionData, key, value, this.sessionDataLimit);
    if (refusal) throw failed("sessionData.setAsync", refusal);
    this.sessionData.set(key, value);
  }

  async setInternetHeaders(headers: Readonly<Record<string, string>>) {
    const refusal = internetHeadersRefusal(this.headers, headers);
    if (refusal) throw failed("internetHeaders.setAsync", refusal);
    for (const [name, value] of Object.entries(headers)) this.headers.set(name, value);
  }

  async removeInternetHeaders(names: readonly string[]) {
    for (const name of names) this.headers.delete(name);
  }

  async showInfoBar(key: string, bar: InfoBar) {
    const refusal = notificationRefusal(this.infoBars, key, bar.message, false);
    if (refusal) throw failed("notificationMessages.replaceAsync", refusal);
    this.infoBars.set(key, { message: bar.message, actionText: bar.actionText });
  }

  async removeInfoBar(key: string) {
    // The adapter takes a bar that is not shown as removed.
    this.infoBars.delete(key);
  }

  /** What the adapter hands Outlook, 100 a call: the address and display name only. */
  private chunks(recipients: readonly RecipientEntry[]): MemoryRecipient[][] {
    const entries = recipients.map(({ emailAddress, displayName }) => ({ emailAddress, displayName }));
    const out: MemoryRecipient[][] = [];
    for (let start = 0; start < entries.length; start += RECIPIENTS_PER_CALL) {
      out.push(entries.slice(start, start + RECIPIENTS_PER_CALL));
    }
    return out;
  }

  /** One setAsync or addAsync call as Outlook takes it. */
  private write(field: Field, mode: "set" | "add", entries: MemoryRecipient[]): void {
    const operation = `${field}.${mode}Async`;
    this.calls.push(`${operation}:${entries.length}`);
    const refusal = recipientWriteRefusal(this.fields[field], entries, mode);
    if (refusal) throw failed(operation, refusal);
    if (mode === "add") {
      this.fields[field] = [...this.fields[field], ...entries];
      return;
    }
    const unlisted = this.fields[field].slice(this.cap);
    if (unlisted.length > 0) this.lost.push([field, unlisted]);
    this.fields[field] = entries;
  }
}
