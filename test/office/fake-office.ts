import type { Field } from "../../src/core/types";

// A hand-written stand-in for the part of Office.js that src/office uses, for what office-addin-mock
// cannot say on its own: failed AsyncResults, methods that throw, a client without `from`, an info
// bar that refuses insight messages. Callbacks run later, as Outlook's do, never inside the call.
// Error codes are arbitrary numbers (5010 apart): only that they reach the caller matters.
//
// As strict as Outlook where Outlook is stricter than a kind fake (office.recipients.yml, office-js
// issues 4661 and 5439): getAsync lists at most `cap` recipients per field; setAsync and addAsync
// take at most 100 a call (NumberOfRecipientsExceeded); setAsync fails with 5010 when a personal
// contact group (no address) is in the field or among what it is given; a field holds at most
// `fieldLimit` recipients where the client has a limit.

export interface OfficeErrorLike {
  readonly code: number;
  readonly name: string;
  readonly message: string;
}

/** How an operation misbehaves: a failed AsyncResult, or a synchronous throw. */
export type Misbehaviour = OfficeErrorLike | "throw";

type Result<T> =
  | { readonly status: "succeeded"; readonly value: T }
  | { readonly status: "failed"; readonly value: undefined; readonly error: OfficeErrorLike };
type Callback<T> = (result: Result<T>) => void;

export const LOCALISED = "Le message localisé d'Office";

/** A recipient as Outlook's getAsync gives it (appointment fields left out). */
export interface Entry {
  readonly emailAddress: string;
  readonly displayName: string;
  readonly recipientType?: string;
}

export function officeError(code: number, name = "GenericError"): OfficeErrorLike {
  return { code, name, message: LOCALISED };
}

/** Recipients one setAsync or addAsync call takes. */
export const PER_CALL = 100;

export class FakeOutlook {
  userEmail = "dr.amelia.hart@example.org";
  /** Office.context.platform; null leaves it out (and diagnostics.platform with it). */
  platform: string | null = "OfficeOnline";
  /** Office.context.mailbox.diagnostics.hostName; null leaves it out. */
  hostName: string | null = "OutlookWebApp";
  /** The highest Mailbox requirement set supported. */
  mailbox = "1.15";
  /** Outlook on iOS and Android: the later APIs enabled beyond Mailbox 1.5 (outlook-mobile-apis.md). */
  mobileApis = false;
  /** Most recipients getAsync lists per field (1,000 on the web). */
  cap = 1_000;
  /** Most recipients a field may hold; null: no limit (the web). */
  fieldLimit: number | null = null;
  /** Every recipients call that reached Outlook, as `to.setAsync:100`. */
  recipientCalls: string[] = [];
  /** Handlers added to the item, by event type. */
  itemHandlers = new Map<string, (args?: unknown) => void>();
  /** null: the item has no `from` (older clients). */
  from: Entry | null = null;
  recipients: Record<Field, Entry[]> = { to: [], cc: [], bcc: [] };
  sessionData = new Map<string, string>();
  headers = new Map<string, string>();
  infoBars = new Map<string, Office.NotificationMessageDetails>();
  /** Every notificationMessages.replaceAsync attempt, failed ones too. */
  replaceAttempts: Office.NotificationMessageDetails[] = [];
  itemOpen = true;
  withEnums = true;
  /** How the draft was started (Office.MailboxEnums.ComposeType). */
  composeType: "newMail" | "reply" | "forward" = "newMail";
  /** The thread a reply or forward answers: item.conversationId, null for a new message. */
  thread: string | null = null;
  subject = "";
  /** Operation name ("to.getAsync") to its misbehaviour, or a rule deciding from the arguments. */
  failing = new Map<string, Misbehaviour | ((...args: unknown[]) => Misbehaviour | null)>();

  /** `missing`: how Outlook answers when the thing asked for is not there. */
  private run<T>(
    operation: string,
    args: unknown[],
    callback: Callback<T>,
    effect: () => T,
    missing: OfficeErrorLike | null = null,
  ): void {
    const rule = this.failing.get(operation);
    const failure = (typeof rule === "function" ? rule(...args) : rule) ?? missing;
    if (failure === "throw") throw new TypeError(`${operation} is not supported here`);
    void Promise.resolve().then(() => {
      if (failure) callback({ status: "failed", value: undefined, error: failure });
      else callback({ status: "succeeded", value: effect() });
    });
  }

  /** What Outlook refuses in a setAsync or addAsync call, before any rule a test sets. */
  private refusal(field: Field, entries: readonly Entry[], replacing: boolean): OfficeErrorLike | null {
    if (entries.length > PER_CALL) return officeError(9035, "NumberOfRecipientsExceeded");
    const group = (list: readonly Entry[]) => list.some((entry) => entry.emailAddress.trim() === "");
    if (replacing && (group(entries) || group(this.recipients[field]))) return officeError(5010);
    const total = (replacing ? 0 : this.recipients[field].length) + entries.length;
    if (this.fieldLimit !== null && total > this.fieldLimit) {
      return officeError(9035, "NumberOfRecipientsExceeded");
    }
    return null;
  }

  private recipientsField(field: Field) {
    return {
      getAsync: (callback: Callback<Entry[]>) =>
        this.run(`${field}.getAsync`, [], callback, () =>
          this.recipients[field].slice(0, this.cap).map((entry) => ({ ...entry })),
        ),
      setAsync: (entries: Entry[], callback: Callback<void>) => {
        this.recipientCalls.push(`${field}.setAsync:${entries.length}`);
        this.run(
          `${field}.setAsync`,
          [entries],
          callback,
          () => {
            this.recipients[field] = entries.map((entry) => ({ ...entry }));
          },
          this.refusal(field, entries, true),
        );
      },
      addAsync: (entries: Entry[], callback: Callback<void>) => {
        this.recipientCalls.push(`${field}.addAsync:${entries.length}`);
        this.run(
          `${field}.addAsync`,
          [entries],
          callback,
          () => {
            this.recipients[field] = [...this.recipients[field], ...entries.map((entry) => ({ ...entry }))];
          },
          this.refusal(field, entries, false),
        );
      },
    };
  }

  private item() {
    const from = this.from;
    const [major = 0, minor = 0] = this.mailbox.split(".").map(Number);
    return {
      // Outlook gives a new message no conversation id (office.messagecompose.yml).
      conversationId: this.composeType === "newMail" ? null : this.thread,
      subject: {
        getAsync: (callback: Callback<string>) =>
          this.run("subject.getAsync", [], callback, () => this.subject),
      },
      // Mailbox 1.10: older clients have no such method; phones have it beyond their 1.5.
      ...(major > 1 || minor >= 10 || this.mobileApis
        ? {
            getComposeTypeAsync: (callback: Callback<{ composeType: string; coercionType: string }>) =>
              this.run("getComposeTypeAsync", [], callback, () => ({
                composeType: this.composeType,
                coercionType: "html",
              })),
          }
        : {}),
      ...(from
        ? {
            from: {
              getAsync: (callback: Callback<Entry>) =>
                this.run("from.getAsync", [], callback, () => ({ ...from })),
            },
          }
        : {}),
      addHandlerAsync: (type: string, handler: (args?: unknown) => void, callback: Callback<void>) =>
        this.run("addHandlerAsync", [type], callback, () => {
          this.itemHandlers.set(type, handler);
        }),
      removeHandlerAsync: (type: string, callback: Callback<void>) =>
        this.run("removeHandlerAsync", [type], callback, () => {
          this.itemHandlers.delete(type);
        }),
      to: this.recipientsField("to"),
      cc: this.recipientsField("cc"),
      bcc: this.recipientsField("bcc"),
      sessionData: {
        getAsync: (key: string, callback: Callback<string>) =>
          this.run(
            "sessionData.getAsync",
            [key],
            callback,
            () => this.sessionData.get(key) ?? "",
            // A key never set comes back as a failed call.
            this.sessionData.has(key) ? null : officeError(9057, "KeyNotFound"),
          ),
        setAsync: (key: string, value: string, callback: Callback<void>) =>
          this.run("sessionData.setAsync", [key, value], callback, () => {
            this.sessionData.set(key, value);
          }),
      },
      internetHeaders: {
        setAsync: (headers: Record<string, string>, callback: Callback<void>) =>
          this.run("internetHeaders.setAsync", [headers], callback, () => {
            for (const [name, value] of Object.entries(headers)) this.headers.set(name, value);
          }),
        removeAsync: (names: string[], callback: Callback<void>) =>
          this.run("internetHeaders.removeAsync", [names], callback, () => {
            for (const name of names) this.headers.delete(name);
          }),
      },
      notificationMessages: {
        replaceAsync: (key: string, details: Office.NotificationMessageDetails, callback: Callback<void>) => {
          this.replaceAttempts.push(details);
          this.run("notificationMessages.replaceAsync", [key, details], callback, () => {
            this.infoBars.set(key, details);
          });
        },
        removeAsync: (key: string, callback: Callback<void>) =>
          this.run(
            "notificationMessages.removeAsync",
            [key],
            callback,
            () => {
              this.infoBars.delete(key);
            },
            // Removing a message that is not shown fails.
            this.infoBars.has(key) ? null : officeError(9041, "KeyNotFound"),
          ),
      },
    };
  }

  /** The Office global as src/office sees it; the item is read afresh on every access. */
  office(): typeof Office {
    const current = () => (this.itemOpen ? this.item() : null);
    const enums = {
      ItemNotificationMessageType: {
        InformationalMessage: "informationalMessage",
        InsightMessage: "insightMessage",
      },
      ActionType: { ShowTaskPane: "showTaskPane" },
    };
    const highest = this.mailbox;
    const newer = (version: string, than: string) => {
      const [a = 0, b = 0] = version.split(".").map(Number);
      const [c = 0, d = 0] = than.split(".").map(Number);
      return a > c || (a === c && b > d);
    };
    return {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      ...(this.withEnums ? { MailboxEnums: enums } : {}),
      context: {
        ...(this.platform !== null
          ? { platform: this.platform, diagnostics: { host: "Outlook", platform: this.platform } }
          : {}),
        requirements: {
          isSetSupported: (name: string, version = "1.1") => name === "Mailbox" && !newer(version, highest),
        },
        mailbox: {
          userProfile: { emailAddress: this.userEmail },
          ...(this.hostName !== null ? { diagnostics: { hostName: this.hostName } } : {}),
          get item() {
            return current();
          },
        },
      },
    } as unknown as typeof Office;
  }
}
