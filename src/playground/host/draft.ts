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
// documentation gives (notification messages, sessionData), so that an add-in that would break
// in Outlook breaks here too.

export const NOTIFICATION_LIMITS = { count: 5, keyLength: 32, messageLength: 150 } as const;
export const SESSION_DATA_LIMIT = 50_000;

export interface DraftInit {
  readonly kind: "new" | "reply" | "replyAll" | "forward";
  readonly from: { readonly emailAddress: string; readonly displayName: string };
  readonly to?: readonly string[];
  readonly cc?: readonly string[];
  readonly subject?: string;
  readonly body?: string;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export class Draft {
  private recipients: Record<Field, RecipientDetails[]> = { to: [], cc: [], bcc: [] };
  private subject: string;
  private body: string;
  private readonly sessionData = new Map<string, string>();
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
  removeRecipientAt(field: Field, index: number): void {
    this.recipients[field] = this.recipients[field].filter((_, at) => at !== index);
    this.changed({ kind: "recipients", fields: [field] });
  }
  /** The sender dismisses an informational notification. */
  dismissNotification(key: string): void {
    if (this.notifications.delete(key)) this.changed({ kind: "other" });
  }

  /** One Office.js item operation from a frame. */
  run(operation: ItemOperation): HostAnswer {
    switch (operation.op) {
      case "recipients.get":
        return ok(this.recipients[operation.field].map((details) => ({ ...details })));
      case "recipients.set":
      case "recipients.add":
        return this.writeRecipients(operation.field, operation.entries, operation.op === "recipients.add");
      case "from.get":
        return ok({ ...this.init.from });
      case "subject.get":
        return ok(this.subject);
      case "sessionData.get":
        return this.sessionData.has(operation.key)
          ? ok(this.sessionData.get(operation.key))
          : fail(9041, "KeyNotFound", `No session data is stored under ${operation.key}.`);
      case "sessionData.set":
        return this.setSessionData(operation.key, operation.value);
      case "sessionData.remove":
        this.sessionData.delete(operation.key);
        return ok();
      case "sessionData.getAll":
        return ok(JSON.stringify(Object.fromEntries(this.sessionData)));
      case "sessionData.clear":
        this.sessionData.clear();
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
        return this.writeNotification(operation.key, operation.details, operation.op === "notifications.add");
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

  private writeRecipients(field: Field, entries: readonly unknown[], append: boolean): HostAnswer {
    if (!FIELDS.includes(field)) return fail(9000, "InvalidParameter", "Unknown recipient field.");
    const parsed: RecipientDetails[] = [];
    for (const entry of entries) {
      if (typeof entry === "string") parsed.push(this.detailsFor(entry));
      else if (isRecord(entry) && typeof entry.emailAddress === "string")
        parsed.push(
          this.detailsFor(entry.emailAddress, typeof entry.displayName === "string" ? entry.displayName : ""),
        );
      else
        return fail(
          9000,
          "InvalidParameter",
          "Each recipient must be an address or { emailAddress, displayName }.",
        );
    }
    this.recipients[field] = append ? [...this.recipients[field], ...parsed] : parsed;
    this.changed({ kind: "recipients", fields: [field] });
    return ok();
  }

  private setSessionData(key: string, value: unknown): HostAnswer {
    if (typeof value !== "string") return fail(9000, "InvalidParameter", "Session data values are strings.");
    const next = new Map(this.sessionData).set(key, value);
    const size = [...next].reduce((total, [name, text]) => total + name.length + text.length, 0);
    if (size > SESSION_DATA_LIMIT)
      return fail(
        9020,
        "DataExceedsMaximumSize",
        `Session data is limited to ${SESSION_DATA_LIMIT} characters.`,
      );
    this.sessionData.set(key, value);
    return ok();
  }

  private setHeaders(headers: unknown): HostAnswer {
    if (!isRecord(headers)) return fail(9000, "InvalidParameter", "Headers are a name-to-value record.");
    for (const [name, value] of Object.entries(headers)) this.headers.set(name, String(value));
    this.changed({ kind: "other" });
    return ok();
  }

  private writeNotification(key: string, details: unknown, adding: boolean): HostAnswer {
    if (!isRecord(details) || typeof details.message !== "string" || typeof details.type !== "string")
      return fail(9000, "InvalidParameter", "A notification needs a type and a message.");
    if (key.length > NOTIFICATION_LIMITS.keyLength)
      return fail(
        9000,
        "InvalidParameter",
        `Notification keys are at most ${NOTIFICATION_LIMITS.keyLength} characters.`,
      );
    if (details.message.length > NOTIFICATION_LIMITS.messageLength)
      return fail(
        9020,
        "DataExceedsMaximumSize",
        `Notification messages are at most ${NOTIFICATION_LIMITS.messageLength} characters.`,
      );
    const actions = Array.isArray(details.actions) ? details.actions : [];
    if (actions.length > 0 && details.type !== "insightMessage")
      return fail(9000, "InvalidParameter", "Only insight messages may have actions.");
    if (actions.length > 1) return fail(9000, "InvalidParameter", "A notification has at most one action.");
    if (adding && this.notifications.has(key))
      return fail(9000, "DuplicateNotificationKey", `A notification with the key ${key} exists.`);
    if (!this.notifications.has(key) && this.notifications.size >= NOTIFICATION_LIMITS.count)
      return fail(9000, "NumberOfNotificationMessagesExceeded", "At most five notifications per message.");
    this.notifications.set(key, structuredClone(details) as unknown as NotificationDetails);
    this.changed({ kind: "other" });
    return ok();
  }

  private changed(change: DraftChange): void {
    this.snapshotCache = null;
    for (const listener of [...this.listeners]) listener(change);
  }
}
