import { decide } from "../../src/core/decide";
import { parsePolicy, type PolicyInput } from "../../src/core/policy";
import type { Decision, DirectoryEntry, MessageInput, RecipientInput } from "../../src/core/types";
import { answers, list, person } from "../core/helpers";

// A message for every reason Reach Guard can give, at every verdict it can carry: what the words
// tests render in each language and hold to Outlook's limits.

export const SENDER = "dr.amelia.hart@example.org";
export const HELP = "IT Service Desk, 0300 123 4567";

const BASE: PolicyInput = {
  warnAt: 50,
  blockAt: 5000,
  blockedAddresses: ["everyone@example.org", "allstaff@example.org"],
  supportContact: HELP,
  externalWarnAt: 10,
};

function named(
  field: "to" | "cc",
  address: string,
  displayName: string,
  recipientType?: string,
): RecipientInput {
  return { field, emailAddress: address, displayName, ...(recipientType ? { recipientType } : {}) };
}

function scenario(
  recipients: RecipientInput[],
  entries: Record<string, DirectoryEntry>,
  policy: PolicyInput = {},
  extra: Partial<MessageInput> = {},
): Decision {
  return decide(
    { sender: SENDER, signedIn: SENDER, recipients, ...extra },
    parsePolicy({ ...BASE, ...policy }),
    answers(entries),
  );
}

const people = (count: number, field: "to" | "cc" = "to") =>
  Array.from({ length: count }, (_, n) => named(field, `person${n}@example.org`, `Person ${n}`));
const asPeople = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, n) => [`person${n}@example.org`, person]));

const EVERYONE = named("to", "everyone@example.org", "Everyone (all staff)");

/** A reply-all storm the service desk has stopped, and a reply to it written now. */
const STORM = {
  id: "storm-2026-11-27",
  message: "IT Service Desk: please do not reply to this thread, and call 0300 123 4567 if you must",
  expires: "2099-01-01T00:00:00Z",
  subject: "Test email - please ignore",
  list: "everyone@example.org",
};
const LONG_SUBJECT = "Test email about the rota for the renal and urology wards ".repeat(4).trim();
const replyToStorm = (subject: string | null): Partial<MessageInput> => ({
  conversation: { id: "AAQkADStorm", subject, kind: "reply" },
  checkedAt: Date.parse("2026-11-27T10:00:00Z"),
});
const WARD = named("to", "ward7@example.org", "Ward 7 nurses");
const NEWS = named("to", "all-staff-news@example.org", "All staff news");
const STORM_ANSWERS = { "all-staff-news@example.org": list(3000), "jo.murray@example.org": person };
const stormReply = (replies: number, complete = true): Partial<MessageInput> => ({
  conversation: { id: "AAQkADcarpark", subject: "RE: Car park B closed on Monday", kind: "reply" },
  thread: { replies, senders: replies, windowMinutes: 60, reach: 12_000, complete },
});
const LEEDS = named("cc", "leeds@example.org", "All Leeds staff");

export const SCENARIOS: Readonly<Record<string, () => Decision>> = {
  "blocked list, sized": () => scenario([EVERYONE], { "everyone@example.org": list(840_000) }),
  "blocked list, size unknown": () => scenario([EVERYONE], {}),
  "two blocked lists": () =>
    scenario([EVERYONE, named("cc", "allstaff@example.org", "All staff (Wales)")], {}),
  "over the limit through a list": () => scenario([LEEDS], { "leeds@example.org": list(12_345) }),
  "over the limit through three lists": () =>
    scenario(
      [
        LEEDS,
        named("to", "york@example.org", "All York staff"),
        named("to", "hull@example.org", "Hull staff"),
      ],
      { "leeds@example.org": list(3000), "york@example.org": list(2000), "hull@example.org": list(1500) },
    ),
  "over the limit without a list": () => scenario(people(60), asPeople(60), { blockAt: 55 }),
  "a warning through a list": () => scenario([WARD], { "ward7@example.org": list(300) }),
  "a warning through overlapping lists": () =>
    scenario([WARD, named("cc", "ward8@example.org", "Ward 8")], {
      "ward7@example.org": list(200),
      "ward8@example.org": list(101),
    }),
  "a warning without a list": () => scenario(people(55), asPeople(55)),
  "moderated at the limit": () =>
    scenario([LEEDS], { "leeds@example.org": list(12_000, { moderated: true }) }),
  "many outside the organisation": () =>
    scenario([named("to", "partners@example.org", "Partners")], {
      "partners@example.org": list(30, { externalMembers: 25 }),
    }),
  "a list of unknown size (warn)": () =>
    scenario([WARD], { "ward7@example.org": { kind: "unknown", cause: "count-missing" } }),
  "a list of unknown size (block)": () =>
    scenario(
      [WARD],
      { "ward7@example.org": { kind: "unknown", cause: "not-found" } },
      { unknownList: "block" },
    ),
  "a personal contact group": () =>
    scenario([{ field: "to", emailAddress: "", displayName: "Ward friends" }], {}),
  "recipients Outlook did not list": () => scenario(people(10), asPeople(10), {}, { partialFields: ["cc"] }),
  "recipients Outlook did not list (block)": () =>
    scenario(people(10), asPeople(10), { unknownList: "block" }, { partialFields: ["to", "cc"] }),
  "Graph down (warn)": () =>
    scenario([WARD], { "ward7@example.org": { kind: "unknown", cause: "unavailable" } }),
  "Graph down (block)": () =>
    scenario(
      [WARD],
      { "ward7@example.org": { kind: "unknown", cause: "timeout" } },
      { directoryUnavailable: "block" },
    ),
  "not permitted": () =>
    scenario([WARD], { "ward7@example.org": { kind: "unknown", cause: "not-permitted" } }),
  "no token (block)": () =>
    scenario(
      [WARD, LEEDS],
      {
        "ward7@example.org": { kind: "unknown", cause: "no-token" },
        "leeds@example.org": { kind: "unknown", cause: "no-token" },
      },
      { directoryUnavailable: "block" },
    ),
  "not an address (warn)": () => scenario([named("to", "ward 7 nurses", "ward 7 nurses")], {}),
  "not an address (block)": () =>
    scenario(
      [named("to", "/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=abc", "Old entry")],
      {},
      {
        invalidAddress: "block",
      },
    ),
  "a restricted list beside a large one": () =>
    scenario([named("to", "board@example.org", "Trust board"), WARD], {
      "board@example.org": list(20, { restricted: true }),
      "ward7@example.org": list(300),
    }),
  "a broadcaster to a blocked list": () =>
    scenario([EVERYONE], { "everyone@example.org": list(840_000) }, { broadcasters: [SENDER] }),
  "very long names": () =>
    scenario(
      Array.from({ length: 8 }, (_, n) =>
        named("to", `list${n}@example.org`, `${"Department of Very Long Names and Titles ".repeat(4)}${n}`),
      ),
      Object.fromEntries(Array.from({ length: 8 }, (_, n) => [`list${n}@example.org`, list(1000)])),
    ),
  "a reply to a stopped thread, by subject and list": () =>
    scenario([EVERYONE], {}, { incidents: [STORM] }, replyToStorm("RE: RE: Test email - please ignore")),
  "a reply to a stopped thread, by conversation": () =>
    scenario(
      [named("to", "c.jones@example.org", "Carys Jones")],
      { "c.jones@example.org": person },
      { incidents: [{ ...STORM, conversationId: "AAQkADStorm" }], broadcasters: [SENDER] },
      replyToStorm(null),
    ),
  "a reply to a stopped thread with a very long subject": () =>
    scenario(
      [EVERYONE],
      {},
      { incidents: [{ ...STORM, subject: LONG_SUBJECT }] },
      replyToStorm(`ATB: ${LONG_SUBJECT}`),
    ),
  "a reply-all storm (warn)": () =>
    scenario([named("to", "jo.murray@example.org", "Jo Murray"), NEWS], STORM_ANSWERS, {}, stormReply(12)),
  "a reply-all storm (block), not all read": () =>
    scenario([NEWS], STORM_ANSWERS, { storm: { verdict: "block" } }, stormReply(1000, false)),
  "an ordinary message": () => scenario(people(3), asPeople(3)),
};
