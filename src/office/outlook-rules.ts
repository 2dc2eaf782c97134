import { INFO_BAR_LIMIT } from "../core/limits";
import { RECIPIENTS_PER_CALL } from "./compose-item";

// What Outlook refuses on a draft being composed, stated once for the two drafts held in memory:
// ./memory-draft.ts (the ComposeItem port in memory, for tests and the bench) and the playground's
// stand-in Outlook (src/playground/host/draft.ts, which answers the Office.js calls of the add-in's
// frames). Sources: office.recipients.yml and office-js issues 4661 and 5439 (recipients),
// office.sessiondata.yml, office.notificationmessages.yml, office.internetheaders.yml.
//
// Each rule answers with the failure Outlook reports, or null when Outlook accepts. The error names
// are Office's; the numbers other than 5010 are the stand-ins' own (add-in code records them, never
// branches on them).

/** A failure as Office.js reports it in AsyncResult.error. */
export interface OutlookRefusal {
  readonly code: number;
  readonly name: string;
  readonly message: string;
}

/** `item.getComposeTypeAsync` is offered from this Mailbox requirement set (office.messagecompose.yml). */
export const COMPOSE_TYPE_SET = "1.10";

/** Office.MailboxEnums.ComposeType ("newMail", "reply", "forward") as a conversation's kind. */
export function conversationKind(composeType: unknown): "new" | "reply" | "forward" | "unknown" {
  if (composeType === "newMail") return "new";
  return composeType === "reply" || composeType === "forward" ? composeType : "unknown";
}

/**
 * `item.conversationId` of a draft in compose: null for a new message, the thread's for a reply or
 * forward (office.messagecompose.yml). When classic Outlook first sets it on a reply is unverified:
 * the subject and list of an incident match either way.
 */
export function conversationIdInCompose(composeType: string, threadId: string | null): string | null {
  return composeType === "newMail" ? null : threadId;
}

/** Error 5010: setAsync on a field that holds a personal contact group (office-js issues 4661, 5439). */
export const CONTACT_GROUP_ERROR = 5010;

/** Notification messages (info bars): per item, per key, per message. */
export const NOTIFICATION_LIMITS = { count: 5, keyLength: 32, messageLength: INFO_BAR_LIMIT } as const;

/** sessionData: characters per add-in per item, keys and values together, up to Mailbox 1.15. */
export const SESSION_DATA_LIMIT = 50_000;

/** sessionData's limit by Mailbox requirement set: 2,621,440 characters from 1.16. */
export function sessionDataLimitFor(mailbox116: boolean): number {
  return mailbox116 ? 2_621_440 : SESSION_DATA_LIMIT;
}

/** Custom internet headers: Exchange Online caps the headers of a message at 256 KB. */
export const INTERNET_HEADERS_LIMIT = 256 * 1024;

const refusal = (code: number, name: string, message: string): OutlookRefusal => ({ code, name, message });

/** A personal contact group as getAsync lists it: a name and no address. */
export function isContactGroup(recipient: { readonly emailAddress: string }): boolean {
  return recipient.emailAddress.trim() === "";
}

/** What getAsync returns of a field: the first `cap` entries, with nothing saying there were more. */
export function listedByGetAsync<T>(field: readonly T[], cap: number): T[] {
  return field.slice(0, cap);
}

/**
 * One setAsync (`set`) or addAsync (`add`) call on a field now holding `held`: at most 100 recipients
 * a call; no personal contact group among them (one cannot be written back); and setAsync fails with
 * 5010 on a field that holds one, whatever it is given. Adding to such a field works.
 */
export function recipientWriteRefusal(
  held: readonly { readonly emailAddress: string }[],
  given: readonly { readonly emailAddress: string }[],
  mode: "set" | "add",
): OutlookRefusal | null {
  if (given.length > RECIPIENTS_PER_CALL) {
    return refusal(
      9000,
      "NumberOfRecipientsExceeded",
      `The number of recipients exceeded ${RECIPIENTS_PER_CALL} entries.`,
    );
  }
  if (given.some(isContactGroup) || (mode === "set" && held.some(isContactGroup))) {
    return refusal(
      CONTACT_GROUP_ERROR,
      "GenericResponseError",
      "The recipients could not be set: the field holds a personal contact group.",
    );
  }
  return null;
}

/** Characters in a store of named strings: every name and value together. */
function characters(store: Iterable<readonly [string, string]>): number {
  let size = 0;
  for (const [key, value] of store) size += key.length + value.length;
  return size;
}

/** sessionData.setAsync(key, value) on `store`: refused when the whole would pass `limit`. */
export function sessionDataRefusal(
  store: ReadonlyMap<string, string>,
  key: string,
  value: string,
  limit: number,
): OutlookRefusal | null {
  const next = new Map(store).set(key, value);
  return characters(next) > limit
    ? refusal(9020, "DataExceedsMaximumSize", `Session data is limited to ${limit} characters.`)
    : null;
}

/**
 * notificationMessages.addAsync (`adding`) or replaceAsync of `message` under `key`, with `shown`
 * the keys already shown: keys of at most 32 characters, messages of at most 150, at most five
 * messages an item, and addAsync refuses a key in use.
 */
export function notificationRefusal(
  shown: { has(key: string): boolean; readonly size: number },
  key: string,
  message: string,
  adding: boolean,
): OutlookRefusal | null {
  if (key.length > NOTIFICATION_LIMITS.keyLength) {
    return refusal(
      9000,
      "InvalidParameter",
      `Notification keys are at most ${NOTIFICATION_LIMITS.keyLength} characters.`,
    );
  }
  if (message.length > NOTIFICATION_LIMITS.messageLength) {
    return refusal(
      9020,
      "DataExceedsMaximumSize",
      `Notification messages are at most ${NOTIFICATION_LIMITS.messageLength} characters.`,
    );
  }
  if (adding && shown.has(key)) {
    return refusal(9000, "DuplicateNotificationKey", `A notification with the key ${key} exists.`);
  }
  if (!shown.has(key) && shown.size >= NOTIFICATION_LIMITS.count) {
    return refusal(
      9000,
      "NumberOfNotificationMessagesExceeded",
      `At most ${NOTIFICATION_LIMITS.count} notifications per message.`,
    );
  }
  return null;
}

/** A header field name (RFC 5322): printable ASCII but the colon, at least one character. */
const HEADER_NAME = /^[!-9;-~]+$/;

/**
 * internetHeaders.setAsync(headers) on a message holding `current`: names a header may have, values
 * on one line (a line break would start a header of its own), and all of them within 256 KB.
 */
export function internetHeadersRefusal(
  current: ReadonlyMap<string, string>,
  headers: Readonly<Record<string, string>>,
): OutlookRefusal | null {
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name) || /[\r\n]/.test(value)) {
      return refusal(9000, "InvalidParameter", `Not a header Outlook can set: ${JSON.stringify(name)}.`);
    }
  }
  const next = new Map(current);
  for (const [name, value] of Object.entries(headers)) next.set(name, value);
  return characters(next) > INTERNET_HEADERS_LIMIT
    ? refusal(
        9020,
        "DataExceedsMaximumSize",
        `Internet headers are limited to ${INTERNET_HEADERS_LIMIT} characters.`,
      )
    : null;
}
