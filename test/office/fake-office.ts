import type { Field } from "../../src/core/types";

// A hand-written stand-in for the part of Office.js that src/office uses, for what office-addin-mock
// cannot say on its own: failed AsyncResults, methods that throw, a client without `from`, an info
// bar that refuses insight messages. Callbacks run later, as Outlook's do, never inside the call.
// Error codes are arbitrary numbers: only that they reach the caller matters.

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

export class FakeOutlook {
  userEmail = "dr.amelia.hart@example.org";
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

  private recipientsField(field: Field) {
    return {
      getAsync: (callback: Callback<Entry[]>) =>
        this.run(`${field}.getAsync`, [], callback, () =>
          this.recipients[field].map((entry) => ({ ...entry })),
        ),
      setAsync: (entries: Entry[], callback: Callback<void>) =>
        this.run(`${field}.setAsync`, [entries], callback, () => {
          this.recipients[field] = entries.map((entry) => ({ ...entry }));
        }),
    };
  }

  private item() {
    const from = this.from;
    return {
      ...(from
        ? {
            from: {
              getAsync: (callback: Callback<Entry>) =>
                this.run("from.getAsync", [], callback, () => ({ ...from })),
            },
          }
        : {}),
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
    return {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      ...(this.withEnums ? { MailboxEnums: enums } : {}),
      context: {
        mailbox: {
          userProfile: { emailAddress: this.userEmail },
          get item() {
            return current();
          },
        },
      },
    } as unknown as typeof Office;
  }
}
