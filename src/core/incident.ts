import { z } from "zod/mini";
import { parseAddress, untagged } from "./addresses";
import type { Conversation } from "./types";

// The incident switch: when a reply-all storm starts, the service desk names the thread in the
// hosted policy and every client stops replies to it at its next check. An incident names the
// thread by Outlook's conversation id, or by its subject and the list it went to (what the service
// desk can read off any copy of the message), and always ends by itself at `expires`.
//
// Which drafts are part of the storm (decided here, and said in README):
// - any draft carrying the incident's conversation id, whatever Outlook says its compose type is: a
//   new message has no conversation id (office.messagecompose.yml), so this reaches replies and
//   forwards, and a reopened draft of one whose compose type reads "new" or "unknown" is still in it;
// - any draft, new messages included, whose subject without reply and forward prefixes is the
//   incident's and which is addressed to the incident's list: a new message with the storm's
//   subject to the storm's list is the storm too ("please stop replying" sent to everyone).
// Removing the list escapes a subject match; only a new message escapes a conversation match.

/** At most this many incidents at once: each costs a comparison at every send. */
export const MAX_INCIDENTS = 20;
export const MAX_INCIDENT_MESSAGE = 200;
/** Outlook's subjects are at most 255 characters. */
const MAX_SUBJECT = 255;
const MAX_CONVERSATION_ID = 512;

const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** ISO 8601 in UTC, to the minute at least: "2026-11-28T09:00:00Z". */
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;

/**
 * Reply and forward prefixes Outlook and other clients put before a subject, by language: English
 * RE, FW, FWD; German AW, WG; Dutch ANTW, DOORST; Scandinavian SV, VS, VB, VL; French TR; Spanish
 * RV; Portuguese RES, ENC; Polish ODP, PD; Welsh ATB and YML (with AT, YM, ATEB and YMLAEN, seen
 * written by hand). Generous on purpose: taking off one prefix too many can only make a message
 * match when it also goes to the incident's list. A count ("RE[2]:") and a full-width colon are
 * taken too.
 */
const PREFIX =
  /^(?:re|fwd?|aw|wg|antw|doorst|sv|vs|vb|vl|tr|rv|res|enc|odp|pd|atb|yml|at|ym|ateb|ymlaen)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*/i;

/** A subject as its writer wrote it: reply and forward prefixes off, spaces collapsed. */
export function withoutPrefixes(subject: string): string {
  let text = subject.replace(/\s+/g, " ").trim();
  for (let previous = ""; previous !== text;) {
    previous = text;
    text = text.replace(PREFIX, "");
  }
  return text;
}

/** A subject as the storm's messages share it: prefixes off, spaces collapsed, in any case. */
export function threadSubject(subject: string): string {
  const text = withoutPrefixes(subject);
  // eslint-disable-next-line no-control-regex -- only text beyond ASCII needs composing
  return (/[^\u0000-\u007f]/.test(text) ? text.normalize("NFC") : text).toLowerCase();
}

const text = (max: number, what: string) =>
  z.string({ error: () => `must be ${what}` }).check(
    z.refine((value: string) => value.trim() !== "", { error: () => `must be ${what}` }),
    z.maxLength(max, { error: () => `must be at most ${max} characters` }),
  );

const incidentSchema = z
  .strictObject(
    {
      /** A short name the service desk knows it by, e.g. "storm-2026-11-27". */
      id: z.string({ error: () => "must be a short name" }).check(
        z.regex(ID_SHAPE, {
          error: () => "must be a short name of letters, digits, '.', '_' or '-' (at most 64)",
        }),
      ),
      /** The service desk's words, shown to the sender of a blocked draft. */
      message: text(MAX_INCIDENT_MESSAGE, "the service desk's words to the sender"),
      /** When the incident ends by itself (ISO 8601, UTC). */
      expires: z.string({ error: () => "must be a time such as 2026-11-28T09:00:00Z" }).check(
        z.refine((value: string) => UTC_TIME.test(value) && !isNaN(Date.parse(value)), {
          error: () => "must be a time in UTC such as 2026-11-28T09:00:00Z",
        }),
      ),
      /** Outlook's conversation id of the thread. */
      conversationId: z.optional(text(MAX_CONVERSATION_ID, "Outlook's conversation id")),
      /** The thread's subject, with or without "RE:". */
      subject: z.optional(
        text(MAX_SUBJECT, "the thread's subject").check(
          z.refine((value: string) => threadSubject(value) !== "", {
            error: () => "must have words besides RE: or FW:",
          }),
        ),
      ),
      /** The list the thread went to. */
      list: z.optional(
        z.string({ error: () => "must be the list's address" }).check(
          z.refine((value: string) => parseAddress(value).valid, {
            error: () => "must be the list's address",
          }),
        ),
      ),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? undefined : "must be a JSON object") },
  )
  .check(
    z.superRefine((incident, context) => {
      const missing = (field: string, other: string) =>
        context.addIssue({ code: "custom", path: [field], message: `must be given with ${other}` });
      if (incident.subject !== undefined && incident.list === undefined) missing("list", "subject");
      if (incident.list !== undefined && incident.subject === undefined) missing("subject", "list");
      if (
        incident.conversationId === undefined &&
        incident.subject === undefined &&
        incident.list === undefined
      ) {
        context.addIssue({
          code: "custom",
          message: "must name a conversationId, or a subject and a list",
        });
      }
    }),
  );

export const incidentsSchema = z.array(incidentSchema, { error: () => "must be a list of incidents" }).check(
  z.maxLength(MAX_INCIDENTS, { error: () => `must have at most ${MAX_INCIDENTS} incidents` }),
  z.superRefine((incidents, context) => {
    const seen = new Set<string>();
    incidents.forEach((incident, index) => {
      if (seen.has(incident.id)) {
        context.addIssue({ code: "custom", path: [index, "id"], message: "must differ from the others" });
      }
      seen.add(incident.id);
    });
  }),
);

export type Incident = z.output<typeof incidentSchema>;

/** Whether an incident still holds at `now` (epoch ms). */
export function isLive(incident: Incident, now: number): boolean {
  return Date.parse(incident.expires) > now;
}

export interface IncidentMatch {
  readonly incident: Incident;
  /** The recipient (as the draft has it) that made a subject match; null for a conversation match. */
  readonly list: string | null;
}

/** A recipient's address, and the mailbox Exchange delivers it to when it carries a +tag. */
function deliveredTo(address: string): string[] {
  const base = untagged(address);
  return base === null ? [address] : [address, base];
}

/**
 * The first live incident this draft is part of, or null. `recipients` are normalised addresses;
 * `now` is the time of the check (epoch ms).
 */
export function matchIncident(
  incidents: readonly Incident[],
  conversation: Conversation | undefined,
  recipients: readonly string[],
  now: number,
): IncidentMatch | null {
  if (incidents.length === 0 || !conversation) return null;
  const subject = conversation.subject === null ? null : threadSubject(conversation.subject);
  for (const incident of incidents) {
    if (!isLive(incident, now)) continue;
    if (conversation.id !== null && incident.conversationId === conversation.id) {
      return { incident, list: null };
    }
    if (subject === null || incident.subject === undefined || incident.list === undefined) continue;
    if (threadSubject(incident.subject) !== subject) continue;
    const list = parseAddress(incident.list);
    if (!list.valid) continue;
    const reached = recipients.find((address) => deliveredTo(address).includes(list.address));
    if (reached !== undefined) return { incident, list: reached };
  }
  return null;
}
