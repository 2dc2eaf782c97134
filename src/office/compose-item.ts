import { INFO_BAR_LIMIT } from "../core/limits";
import type { Conversation, Field, RecipientInput } from "../core/types";
import { officeCall } from "./office-call";
import { COMPOSE_TYPE_SET, conversationKind } from "./outlook-rules";
import { isMac, isMobile, officePlatform, outlookHostName, supportsMailbox } from "./requirements";

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
const ICON = "Icon.16x16";

/** Recipients one setAsync or addAsync call takes: more fail with NumberOfRecipientsExceeded. */
export const RECIPIENTS_PER_CALL = 100;

/** What Office says about the client, from which its getAsync cap is worked out. */
export interface ClientSignals {
  /** Office.context.platform (or diagnostics.platform): `PC`, `Mac`, `OfficeOnline`, `iOS`, `Android`. */
  readonly platform: string | null;
  /** Office.context.mailbox.diagnostics.hostName: `Outlook`, `newOutlookWindows`, `OutlookWebApp`, … */
  readonly hostName: string | null;
  readonly mailbox116: boolean;
}

/** The smallest cap Microsoft lists for any client: used when the client cannot be told. */
export const SMALLEST_RECIPIENT_CAP = 100;

/**
 * Most recipients `getAsync` returns for one field (office.recipients.yml): 500 in classic Outlook on
 * Windows up to Mailbox 1.15 and in classic Outlook on Mac, 1,000 on the web, in new Outlook on
 * Windows and in classic Outlook with 1.16, 100 on iOS and Android (the new Mac UI has no limit).
 * A field holding this many may hold more, so where the signals disagree or are missing, the
 * smaller cap is taken: a figure wrongly called incomplete is safe, one wrongly called exact is not.
 */
export function recipientCapFor({ platform, hostName, mailbox116 }: ClientSignals): number {
  const caps: number[] = [];
  if (platform === "iOS" || platform === "Android") caps.push(100);
  else if (platform === "OfficeOnline") caps.push(1_000);
  else if (platform === "PC") caps.push(mailbox116 ? 1_000 : 500);
  // Classic Mac: 500; the new Mac UI has no limit, and the two cannot be told apart.
  else if (platform === "Mac") caps.push(500);
  if (hostName === "OutlookIOS" || hostName === "OutlookAndroid") caps.push(100);
  else if (hostName === "OutlookWebApp" || hostName === "newOutlookWindows") caps.push(1_000);
  // Classic Outlook on Windows or on Mac: 1,000 only for Windows with Mailbox 1.16.
  else if (hostName === "Outlook") caps.push(mailbox116 && platform === "PC" ? 1_000 : 500);
  return caps.length > 0 ? Math.min(...caps) : SMALLEST_RECIPIENT_CAP;
}

export interface ComposeItem {
  getSender(): Promise<string>;
  getSignedIn(): Promise<string>;
  getRecipients(fields?: readonly Field[]): Promise<RecipientInput[]>;
  /** The thread the draft belongs to, for incidents. Never rejects: what Outlook will not say is null or `unknown`. */
  getConversation(): Promise<Conversation>;
  /**
   * Most recipients getRecipients can return for one field in this Outlook: a field with this many
   * may hold more that Outlook did not list (see recipientCapFor).
   */
  recipientCap(): number;
  /**
   * Replaces a field: the first 100 with setAsync, the rest added 100 at a time. Never give it a
   * field that holds a personal contact group (Outlook refuses it, error 5010) or one at the cap
   * (the recipients Outlook did not list would be lost).
   */
  setRecipients(field: Field, recipients: readonly RecipientEntry[]): Promise<void>;
  /** Adds to a field without rewriting it, 100 at a time (addAsync). */
  addRecipients(field: Field, recipients: readonly RecipientEntry[]): Promise<void>;
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

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** The part of `window.localStorage` that state shared between runtimes needs. */
export interface SharedStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage where this runtime has it and lets it be read; null otherwise (never throws). */
function pageLocalStorage(): SharedStorage | null {
  try {
    const storage = (globalThis as { localStorage?: SharedStorage }).localStorage;
    if (!storage || typeof storage.getItem !== "function") return null;
    storage.getItem("reachGuard.probe");
    return storage;
  } catch {
    return null;
  }
}

/**
 * Where the event runtime and the task pane can share state when sessionData is not shared between
 * them: localStorage on Mac (docs/testing/runtimes.md); null elsewhere, and where it is unusable.
 */
export function storageSharedWithPane(
  office: OfficeLike = (globalThis as { Office?: OfficeLike }).Office as OfficeLike,
): SharedStorage | null {
  return isMac(office) ? pageLocalStorage() : null;
}

export function createComposeItem(
  office: OfficeLike = (globalThis as { Office?: OfficeLike }).Office as OfficeLike,
): ComposeItem {
  const enums = office.MailboxEnums;

  const add = async (field: Field, entries: readonly RecipientEntry[]): Promise<void> => {
    for (const chunk of chunks(entries, RECIPIENTS_PER_CALL)) {
      await officeCall<void>(`${field}.addAsync`, (done) =>
        recipientsOf(office, field).addAsync(chunk, done),
      );
    }
  };

  const session = {
    async getSessionData(key: string): Promise<string | null> {
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
    async setSessionData(key: string, value: string): Promise<void> {
      await officeCall<void>("sessionData.setAsync", (done) =>
        item(office).sessionData.setAsync(key, value, done),
      );
    },
  };

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

    async getConversation() {
      let draft: Office.MessageCompose;
      try {
        draft = item(office);
      } catch {
        return { id: null, subject: null, kind: "unknown" };
      }
      let id: string | null = null;
      try {
        // Null for a new message (office.messagecompose.yml), the thread's for a reply or forward.
        const value: unknown = draft.conversationId;
        if (typeof value === "string" && value !== "") id = value;
      } catch {
        // Not offered here: the subject and the list can still match an incident.
      }
      const subject = officeCall<unknown>("subject.getAsync", (done) => draft.subject.getAsync(done)).then(
        (value) => (typeof value === "string" ? value : null),
        () => null,
      );
      // Phones report Mailbox 1.5 but have getComposeTypeAsync from 4.2352, the first version that
      // runs launch events at all (outlook-mobile-apis.md).
      const kind =
        (supportsMailbox(COMPOSE_TYPE_SET, office) || isMobile(office)) &&
        typeof draft.getComposeTypeAsync === "function"
          ? officeCall<{ composeType?: unknown } | null>("getComposeTypeAsync", (done) =>
              draft.getComposeTypeAsync(done),
            ).then(
              (value) => conversationKind(value?.composeType),
              () => "unknown" as const,
            )
          : Promise.resolve("unknown" as const);
      return { id, subject: await subject, kind: await kind };
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

    recipientCap() {
      return recipientCapFor({
        platform: officePlatform(office),
        hostName: outlookHostName(office),
        mailbox116: supportsMailbox("1.16", office),
      });
    },

    async setRecipients(field, recipients) {
      const entries = recipients.map((recipient) => ({
        emailAddress: recipient.emailAddress,
        displayName: recipient.displayName,
      }));
      const first = entries.slice(0, RECIPIENTS_PER_CALL);
      const rest = entries.slice(RECIPIENTS_PER_CALL);
      await officeCall<void>(`${field}.setAsync`, (done) =>
        recipientsOf(office, field).setAsync(first, done),
      );
      if (rest.length === 0) return;
      try {
        await add(field, rest);
      } catch {
        // The field now holds only part of what it should: one more try before giving up, since a
        // refusal here would leave recipients out of the draft.
        const present = new Set(
          (
            await officeCall<Office.EmailAddressDetails[]>(`${field}.getAsync`, (done) =>
              recipientsOf(office, field).getAsync(done),
            ).catch(() => [] as Office.EmailAddressDetails[])
          ).map((detail) => (detail.emailAddress ?? "").toLowerCase()),
        );
        await add(
          field,
          rest.filter((entry) => !present.has(entry.emailAddress.toLowerCase())),
        );
      }
    },

    async addRecipients(field, recipients) {
      await add(
        field,
        recipients.map((recipient) => ({
          emailAddress: recipient.emailAddress,
          displayName: recipient.displayName,
        })),
      );
    },

    getSessionData: (key) => session.getSessionData(key),
    setSessionData: (key, value) => session.setSessionData(key, value),

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
      const typed = (name: "InformationalMessage" | "InsightMessage") => ({
        type:
          enums?.ItemNotificationMessageType?.[name] ??
          ((name === "InsightMessage"
            ? "insightMessage"
            : "informationalMessage") as Office.MailboxEnums.ItemNotificationMessageType),
        message,
        icon: ICON,
      });
      const informational: Office.NotificationMessageDetails = {
        ...typed("InformationalMessage"),
        persistent: false,
      };
      // Phones show only informational, progress and error notifications, and have no task pane
      // button for an action to open (office.notificationmessages.yml): the words alone.
      if (bar.actionText === null || isMobile(office)) {
        await officeCall<void>("notificationMessages.replaceAsync", (done) =>
          messages.replaceAsync(key, informational, done),
        );
        return;
      }
      const insight: Office.NotificationMessageDetails = {
        ...typed("InsightMessage"),
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
