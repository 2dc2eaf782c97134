import type { Field, RecipientInput } from "../core/types";
import { officeCall } from "./office-call";

// The draft being composed, as the rest of Reach Guard sees it. Reads `Office.context.mailbox.item`
// on every call, because Outlook may hand the runtime a different item between events.

export interface RecipientEntry {
  readonly emailAddress: string;
  readonly displayName: string;
}

export interface InfoBar {
  readonly message: string;
  /** Label of the action that opens the task pane; null for none. */
  readonly actionText: string | null;
}

export const TASK_PANE_COMMAND_ID = "msgComposeOpenPaneButton";
const INFO_BAR_LIMIT = 150;
const ICON = "Icon.16x16";

export interface ComposeItem {
  getSender(): Promise<string>;
  getSignedIn(): Promise<string>;
  getRecipients(fields?: readonly Field[]): Promise<RecipientInput[]>;
  setRecipients(field: Field, recipients: readonly RecipientEntry[]): Promise<void>;
  getSessionData(key: string): Promise<string | null>;
  setSessionData(key: string, value: string): Promise<void>;
  setInternetHeaders(headers: Readonly<Record<string, string>>): Promise<void>;
  removeInternetHeaders(names: readonly string[]): Promise<void>;
  showInfoBar(key: string, bar: InfoBar): Promise<void>;
  removeInfoBar(key: string): Promise<void>;
}

type OfficeLike = typeof Office;

function mailbox(office: OfficeLike): Office.Mailbox {
  return office.context.mailbox;
}

function item(office: OfficeLike): Office.MessageCompose {
  const current = mailbox(office).item as Office.MessageCompose | null | undefined;
  if (!current) throw new Error("No item is open");
  return current;
}

function recipientsOf(office: OfficeLike, field: Field): Office.Recipients {
  return item(office)[field];
}

export function createComposeItem(
  office: OfficeLike = (globalThis as { Office?: OfficeLike }).Office as OfficeLike,
): ComposeItem {
  const enums = office.MailboxEnums;
  return {
    async getSender() {
      const from = item(office).from as Office.From | undefined;
      if (from && typeof from.getAsync === "function") {
        try {
          const details = await officeCall<Office.EmailAddressDetails>("from.getAsync", (done) =>
            from.getAsync(done),
          );
          if (details?.emailAddress) return details.emailAddress;
        } catch {
          // Older clients: the signed-in user sends.
        }
      }
      return mailbox(office).userProfile.emailAddress;
    },

    async getSignedIn() {
      return mailbox(office).userProfile.emailAddress;
    },

    async getRecipients(fields = ["to", "cc", "bcc"]) {
      const lists = await Promise.all(
        fields.map((field) =>
          officeCall<Office.EmailAddressDetails[]>(`${field}.getAsync`, (done) =>
            recipientsOf(office, field).getAsync(done),
          ).then((details) =>
            (details ?? []).map((detail): RecipientInput => ({
              field,
              emailAddress: detail.emailAddress ?? "",
              displayName: detail.displayName ?? "",
              recipientType: String(detail.recipientType ?? ""),
            })),
          ),
        ),
      );
      return lists.flat();
    },

    async setRecipients(field, recipients) {
      const entries = recipients.map((recipient) => ({
        emailAddress: recipient.emailAddress,
        displayName: recipient.displayName,
      }));
      await officeCall<void>(`${field}.setAsync`, (done) =>
        recipientsOf(office, field).setAsync(entries, done),
      );
    },

    async getSessionData(key) {
      try {
        const value = await officeCall<string>("sessionData.getAsync", (done) =>
          item(office).sessionData.getAsync(key, done),
        );
        return typeof value === "string" ? value : null;
      } catch {
        // Outlook reports a key it does not hold as a failure.
        return null;
      }
    },

    async setSessionData(key, value) {
      await officeCall<void>("sessionData.setAsync", (done) =>
        item(office).sessionData.setAsync(key, value, done),
      );
    },

    async setInternetHeaders(headers) {
      await officeCall<void>("internetHeaders.setAsync", (done) =>
        item(office).internetHeaders.setAsync({ ...headers }, done),
      );
    },

    async removeInternetHeaders(names) {
      await officeCall<void>("internetHeaders.removeAsync", (done) =>
        item(office).internetHeaders.removeAsync([...names], done),
      );
    },

    async showInfoBar(key, bar) {
      const message = bar.message.slice(0, INFO_BAR_LIMIT);
      const messages = item(office).notificationMessages;
      const informational: Office.NotificationMessageDetails = {
        type:
          enums?.ItemNotificationMessageType?.InformationalMessage ??
          ("informationalMessage" as Office.MailboxEnums.ItemNotificationMessageType),
        message,
        icon: ICON,
        persistent: false,
      };
      if (bar.actionText === null) {
        await officeCall<void>("notificationMessages.replaceAsync", (done) =>
          messages.replaceAsync(key, informational, done),
        );
        return;
      }
      const insight: Office.NotificationMessageDetails = {
        type:
          enums?.ItemNotificationMessageType?.InsightMessage ??
          ("insightMessage" as Office.MailboxEnums.ItemNotificationMessageType),
        message,
        icon: ICON,
        actions: [
          {
            actionType: enums?.ActionType?.ShowTaskPane ?? ("showTaskPane" as Office.MailboxEnums.ActionType),
            actionText: bar.actionText,
            commandId: TASK_PANE_COMMAND_ID,
            contextData: "{}",
          },
        ],
      };
      try {
        await officeCall<void>("notificationMessages.replaceAsync", (done) =>
          messages.replaceAsync(key, insight, done),
        );
      } catch {
        // Clients without actions on info bars still show the words.
        await officeCall<void>("notificationMessages.replaceAsync", (done) =>
          messages.replaceAsync(key, informational, done),
        );
      }
    },

    async removeInfoBar(key) {
      try {
        await officeCall<void>("notificationMessages.removeAsync", (done) =>
          item(office).notificationMessages.removeAsync(key, done),
        );
      } catch {
        // Not shown: nothing to remove.
      }
    },
  };
}
