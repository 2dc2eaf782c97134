import * as outlook from "../../office/outlook-rules";
import type {
  Field,
  HostAnswer,
  HostError,
  ItemOperation,
  NotificationDetails,
  RecipientDetails,
} from "./protocol";
import { FIELDS } from "./protocol";

// The message being composed, held by the page as Outlook holds it, with the limits Outlook's
// documentation gives (notification messages, sessionData, recipients per call and per field, the
// error on personal contact groups), so that an add-in that would break in Outlook breaks here too.
//
// Those limits are Outlook's rules in src/office/outlook-rules.ts, which the in-memory draft of the
// tests and the bench (src/office/memory-draft.ts) follows too. This draft is not that one: it stands
// beneath the add-in's Office adapter, answering the Office.js calls the add-in's frames make, so it
// speaks Office's protocol (plain data in, AsyncResult-style failures out, KeyNotFound for a missing
// sessionData key, 101 recipients in one call refused outright), keeps sessionData per runtime where
// Outlook does (Mac), describes addresses as the address book would, and tells the page of changes.
// The in-memory draft stands where the adapter's ComposeItem does, above all of that.

/** Also here for the tests that look for it beside the draft (test/playground/strictness.test.ts). */
export { CONTACT_GROUP_ERROR } from "../../office/outlook-rules";

/** How the Outlook being played shows this item to one of the add-in's runtimes. */
export interface ItemView {
  /**
   * Whose sessionData the caller reads and writes: one store shared by the event runtime and the
   * task pane (Windows, the web), or each runtime its own (Mac).
   */
  readonly sessionStore: string;
  /** Recipients `getAsync` returns from one field at most. */
  readonly getAsyncCap: number;
  readonly sessionDataLimit: number;
  /**
   * Outlook on iOS and Android keep one notification per item, a new one replacing the last, and
   * show only informational, progress and error ones (office.notificationmessages.yml); desktop
   * when absent.
   */
  readonly notifications?: "desktop" | "mobile";
}

/** The notification types Outlook on iOS and Android support (office.notificationmessages.yml). */
const MOBILE_NOTIFICATION_TYPES: readonly string[] = [
  "informationalMessage",
  "progressIndicator",
  "errorMessage",
];

export const UNLIMITED_VIEW: ItemView = {
  sessionStore: "shared",
  getAsyncCap: Number.POSITIVE_INFINITY,
  sessionDataLimit: outlook.SESSION_DATA_LIMIT,
};

export interface DraftInit {
  readonly kind: "new" | "reply" | "replyAll" | "forward";
  readonly from: { readonly emailAddress: string; readonly displayName: string };
  readonly to?: readonly string[];
  readonly cc?: readonly string[];
  readonly subject?: string;
  readonly body?: string;
  /** The thread a reply or forward answers (its conversation id). */
  readonly conversationId?: string;
}

/** How Outlook would present an address: its display name and (unreliable) recipient type. */
export type DescribeAddress = (address: string) => Omit<RecipientDetails, "emailAddress">;

export interface DraftSnapshot {
  readonly kind: DraftInit["kind"];
  readonly from: { readonly emailAddress: string; readonly displayName: string };
  readonly recipients: Readonly<Record<Field, readonly RecipientDetails[]>>;
  readonly subject: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly notifications: readonly (NotificationDetails & { readonly key: string })[];
}

export type DraftChange =
  { readonly kind: "recipients"; readonly fields: readonly Field[] } | { readonly kind: "other" };

// Failures carry Office-style error names (what add-in code may branch on); the numbers are the
// playground's own; Reach Guard's adapter only records them on the error it raises.
const fail = (code: number, name: string, message: string): HostAnswer => ({
  ok: false,
  error: { code, name, message } satisfies HostError,
});
const ok = (value: unknown = undefined): HostAnswer => ({ ok: true, value });
const refused = (refusal: outlook.OutlookRefusal): HostAnswer => ({ ok: false, error: refusal });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export class Draft {
  private recipients: Record<Field, RecipientDetails[]> = { to: [], cc: [], bcc: [] };
  private subject: string;
  private body: string;
  private readonly sessionData = new Map<string, Map<string, string>>();
  private readonly headers = new Map<string, string>();
  private readonly notifications = new Map<string, NotificationDetails>();
  private readonly listeners = new Set<(change: DraftChange) => void>();
  private snapshotCache: DraftSnapshot | null = null;

  constructor(
    private readonly init: DraftInit,
    private readonly describe: DescribeAddress,
  ) {
    this.subject = init.subject ?? "";
    this.body = init.body ?? "";
    this.recipients.to = (init.to ?? []).map((address) => this.detailsFor(address));
    this.recipients.cc = (init.cc ?? []).map((address) => this.detailsFor(address));
  }

  /** Office.MailboxEnums.ComposeType of this draft: reply all is a reply to Outlook. */
  get composeType(): "newMail" | "reply" | "forward" {
    const kind = this.init.kind;
    return kind === "new" ? "newMail" : kind === "forward" ? "forward" : "reply";
  }

  /** `item.conversationId` as Outlook gives it in compose: none for a new message. */
  conversationId(): string | null {
    return outlook.conversationIdInCompose(this.composeType, this.init.conversationId ?? null);
  }

  /** Called on every change; recipient changes say which fields changed. */
  onChange(listener: (change: DraftChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): DraftSnapshot {
    this.snapshotCache ??= {
      kind: this.init.kind,
      from: this.init.from,
      recipients: { to: [...this.recipients.to], cc: [...this.recipients.cc], bcc: [...this.recipients.bcc] },
      subject: this.subject,
      body: this.body,
      headers: Object.fromEntries(this.headers),
      notifications: [...this.notifications].map(([key, details]) => ({ key, ...details })),
    };
    return this.snapshotCache;
  }

  // The compose form's own edits (what the sender types), as opposed to the add-in's API calls.
  setSubject(subject: string): void {
    this.subject = subject;
    this.changed({ kind: "other" });
  }
  setBody(body: string): void {
    this.body = body;
    this.changed({ kind: "other" });
  }
  addRecipient(field: Field, address: string, displayName?: string): void {
    this.recipients[field] = [...this.recipients[field], this.detailsFor(address, displayName)];
    this.changed({ kind: "recipients", fields: [field] });
  }
  /** A personal contact group from the sender's own contacts: a name, no address. */
  addContactGroup(field: Field, displayName: string): void {
    const group: RecipientDetails = { emailAddress: "", displayName, recipientType: "other" };
    this.recipients[field] = [...this.recipients[field], group];
    this.changed({ kind: "recipients", fields: [field] });
  }
  removeRecipientAt(field: Field, index: number): void {
    this.recipients[field] = this.recipients[field].filter((_, at) => at !== index);
    this.changed({ kind: "recipients", fields: [field] });
  }
  /** The sender dismisses an informational notification. */
  dismissNotification(key: string): void {
    if (this.notifications.delete(key)) this.changed({ kind: "other" });
  }

  /** One Office.js item operation from a frame, as the Outlook being played shows the item to it. */
  run(operation: ItemOperation, view: ItemView = UNLIMITED_VIEW): HostAnswer {
    const sessionData = this.sessionStore(view.sessionStore);
    switch (operation.op) {
      case "recipients.get":
        // Only the first entries of a long field come back, and nothing says the rest exist.
        return ok(
          outlook.listedByGetAsync(this.recipients[operation.field], view.getAsyncCap).map((details) => ({
            ...details,
          })),
        );
      case "recipients.set":
      case "recipients.add":
        return this.writeRecipients(operation.field, operation.entries, operation.op === "recipients.add");
      case "from.get":
        return ok({ ...this.init.from });
      case "subject.get":
        return ok(this.subject);
      case "composeType.get":
        return ok({ composeType: this.composeType, coercionType: "html" });
      case "sessionData.get":
        return sessionData.has(operation.key)
          ? ok(sessionData.get(operation.key))
          : fail(9041, "KeyNotFound", `No session data is stored under ${operation.key}.`);
      case "sessionData.set":
        return this.setSessionData(sessionData, operation.key, operation.value, view.sessionDataLimit);
      case "sessionData.remove":
        sessionData.delete(operation.key);
        return ok();
      case "sessionData.getAll":
        return ok(JSON.stringify(Object.fromEntries(sessionData)));
      case "sessionData.clear":
        sessionData.clear();
        return ok();
      case "headers.get":
        return ok(
          Object.fromEntries(
            operation.names
              .map(String)
              .filter((name) => this.headers.has(name))
              .map((name) => [name, this.headers.get(name)]),
          ),
        );
      case "headers.set":
        return this.setHeaders(operation.headers);
      case "headers.remove":
        for (const name of operation.names) this.headers.delete(String(name));
        this.changed({ kind: "other" });
        return ok();
      case "notifications.add":
      case "notifications.replace":
        return this.writeNotification(
          operation.key,
          operation.details,
          operation.op === "notifications.add",
          view.notifications === "mobile",
        );
      case "notifications.remove":
        if (!this.notifications.delete(operation.key))
          return fail(9041, "KeyNotFound", `No notification has the key ${operation.key}.`);
        this.changed({ kind: "other" });
        return ok();
      case "notifications.getAll":
        return ok([...this.notifications].map(([key, details]) => ({ key, ...details })));
      case "initializationContext.get":
        return ok(null);
    }
  }

  private detailsFor(address: string, displayName?: string): RecipientDetails {
    const described = this.describe(address);
    return { emailAddress: address, ...described, displayName: displayName || described.displayName };
  }

  private sessionStore(name: string): Map<string, string> {
    let store = this.sessionData.get(name);
    if (!store) {
      store = new Map();
      this.sessionData.set(name, store);
    }
    return store;
  }

  private writeRecipients(field: Field, entries: readonly unknown[], append: boolean): HostAnswer {
    if (!FIELDS.includes(field)) return fail(9000, "InvalidParameter", "Unknown recipient field.");
    const given: { emailAddress: string; displayName: string }[] = [];
    for (const entry of entries) {
      const address =
        typeof entry === "string"
          ? entry
          : isRecord(entry) && typeof entry.emailAddress === "string"
            ? entry.emailAddress
            : null;
      if (address === null)
        return fail(
          9000,
          "InvalidParameter",
          "Each recipient must be an address or { emailAddress, displayName }.",
        );
      const displayName = isRecord(entry) && typeof entry.displayName === "string" ? entry.displayName : "";
      given.push({ emailAddress: address, displayName });
    }
    const refusal = outlook.recipientWriteRefusal(this.recipients[field], given, append ? "add" : "set");
    if (refusal) return refused(refusal);
    const parsed = given.map(({ emailAddress, displayName }) => this.detailsFor(emailAddress, displayName));
    this.recipients[field] = append ? [...this.recipients[field], ...parsed] : parsed;
    this.changed({ kind: "recipients", fields: [field] });
    return ok();
  }

  private setSessionData(
    sessionData: Map<string, string>,
    key: string,
    value: unknown,
    limit: number,
  ): HostAnswer {
    if (typeof value !== "string") return fail(9000, "InvalidParameter", "Session data values are strings.");
    const refusal = outlook.sessionDataRefusal(sessionData, key, value, limit);
    if (refusal) return refused(refusal);
    sessionData.set(key, value);
    return ok();
  }

  private setHeaders(headers: unknown): HostAnswer {
    if (!isRecord(headers)) return fail(9000, "InvalidParameter", "Headers are a name-to-value record.");
    const given = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
    const refusal = outlook.internetHeadersRefusal(this.headers, given);
    if (refusal) return refused(refusal);
    for (const [name, value] of Object.entries(given)) this.headers.set(name, value);
    this.changed({ kind: "other" });
    return ok();
  }

  private writeNotification(key: string, details: unknown, adding: boolean, mobile: boolean): HostAnswer {
    if (!isRecord(details) || typeof details.message !== "string" || typeof details.type !== "string")
      return fail(9000, "InvalidParameter", "A notification needs a type and a message.");
    // What a phone does with another type is not documented: refusing it is the strict reading.
    if (mobile && !MOBILE_NOTIFICATION_TYPES.includes(details.type))
      return fail(
        9000,
        "InvalidParameter",
        "Outlook on iOS and Android does not show this notification type.",
      );
    // On a phone the item holds one notification: the others are not counted, as they will be replaced.
    const shown = mobile
      ? new Map([...this.notifications].filter(([other]) => other === key))
      : this.notifications;
    const refusal = outlook.notificationRefusal(shown, key, details.message, adding);
    if (refusal) return refused(refusal);
    if (mobile)
      for (const other of [...this.notifications.keys()]) if (other !== key) this.notifications.delete(other);
    const actions = Array.isArray(details.actions) ? details.actions : [];
    if (actions.length > 0 && details.type !== "insightMessage")
      return fail(9000, "InvalidParameter", "Only insight messages may have actions.");
    if (actions.length > 1) return fail(9000, "InvalidParameter", "A notification has at most one action.");
    this.notifications.set(key, structuredClone(details) as unknown as NotificationDetails);
    this.changed({ kind: "other" });
    return ok();
  }

  private changed(change: DraftChange): void {
    this.snapshotCache = null;
    for (const listener of [...this.listeners]) listener(change);
  }
}
