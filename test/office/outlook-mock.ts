import { OfficeMockObject } from "office-addin-mock";
import type { Field } from "../../src/core/types";

// A compose item built with office-addin-mock: the mock keeps the object model and what the code
// writes into it (recipients, session data, headers, info bars), read back through the mock itself.

type Details = Partial<Office.EmailAddressDetails>;
type Done<T> = (result: { status: "succeeded"; value: T }) => void;

const ok = <T>(value: T) => ({ status: "succeeded" as const, value });

function recipientsField(entries: Details[]) {
  return {
    entries,
    getAsync(callback: Done<Details[]>) {
      callback(ok(this.entries));
    },
    setAsync(next: Details[], callback: Done<undefined>) {
      this.entries = next;
      callback(ok(undefined));
    },
  };
}

export interface MockInit {
  readonly userEmail?: string;
  /** What from.getAsync answers. */
  readonly from?: Details;
  readonly recipients?: Partial<Record<Field, Details[]>>;
}

export function outlookMock(init: MockInit = {}) {
  // A closure, not a property: the mock would turn a nested object into a mock object of its own.
  const from = { ...init.from };
  const data = {
    host: "outlook",
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    MailboxEnums: {
      ItemNotificationMessageType: {
        InformationalMessage: "informationalMessage",
        InsightMessage: "insightMessage",
      },
      ActionType: { ShowTaskPane: "showTaskPane" },
    },
    context: {
      mailbox: {
        userProfile: { emailAddress: init.userEmail ?? "dr.amelia.hart@example.org" },
        item: {
          from: {
            getAsync(callback: Done<Details>) {
              callback(ok(from));
            },
          },
          to: recipientsField(init.recipients?.to ?? []),
          cc: recipientsField(init.recipients?.cc ?? []),
          bcc: recipientsField(init.recipients?.bcc ?? []),
          sessionData: {
            values: [] as [string, string][],
            getAsync(key: string, callback: Done<string | undefined>) {
              callback(ok(this.values.find(([name]) => name === key)?.[1]));
            },
            setAsync(key: string, value: string, callback: Done<undefined>) {
              this.values = [...this.values.filter(([name]) => name !== key), [key, value]];
              callback(ok(undefined));
            },
          },
          internetHeaders: {
            headers: [] as [string, string][],
            setAsync(headers: Record<string, string>, callback: Done<undefined>) {
              const names = Object.keys(headers);
              this.headers = [
                ...this.headers.filter(([name]) => !names.includes(name)),
                ...Object.entries(headers),
              ];
              callback(ok(undefined));
            },
            removeAsync(names: string[], callback: Done<undefined>) {
              this.headers = this.headers.filter(([name]) => !names.includes(name));
              callback(ok(undefined));
            },
          },
          notificationMessages: {
            shown: [] as [string, Office.NotificationMessageDetails][],
            replaceAsync(key: string, details: Office.NotificationMessageDetails, callback: Done<undefined>) {
              this.shown = [...this.shown.filter(([name]) => name !== key), [key, details]];
              callback(ok(undefined));
            },
            removeAsync(key: string, callback: Done<undefined>) {
              this.shown = this.shown.filter(([name]) => name !== key);
              callback(ok(undefined));
            },
          },
        },
      },
    },
  };
  const mock = new OfficeMockObject(data);
  return {
    mock,
    office: mock as unknown as typeof Office,
    item: mock.context.mailbox.item as typeof data.context.mailbox.item,
  };
}
