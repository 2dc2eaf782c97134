import type { OutlookCatalogue } from "./catalogue";
import { englishPlural } from "./plural";

// Every sentence Reach Guard shows a person, in British English. Read by busy clinicians at the
// moment of send: who, how many, what to do, in at most two sentences.

const s = (count: number, one: string, other: string) => (count === 1 ? one : other);
const itThem = (count: number) => s(count, "it", "them");
/** "hour", "2 hours", "30 minutes": the storm window as "in the last …" takes it. */
const lastMinutes = (minutes: number) =>
  minutes === 60 ? "hour" : minutes % 60 === 0 ? `${minutes / 60} hours` : `${minutes} minutes`;

export const enGB: OutlookCatalogue = {
  locale: "en-GB",
  plural: englishPlural,
  join: (items) =>
    items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`,
  more: (count) => `${count} more`,
  people: {
    exact: (count, written) => `${written} ${s(count, "person", "people")}`,
    about: (count, written) => `about ${written} ${s(count, "person", "people")}`,
    atLeast: (count, written) => `at least ${written} ${s(count, "person", "people")}`,
    unknown: "an unknown number of people",
  },
  field: { to: "To", cc: "Cc", bcc: "Bcc" },

  reasons: {
    blockedAddress: (names, count, size) =>
      size === null
        ? `${names} ${s(count, "is", "are")} blocked by your organisation.`
        : `${names} ${s(count, "reaches", "reach")} ${size} and ${s(count, "is", "are")} blocked by your organisation.`,
    reachOverBlock: (reach, limit, names) =>
      names === null
        ? `This message reaches ${reach}, over your organisation's limit of ${limit}.`
        : `This message reaches ${reach} through ${names}, over your organisation's limit of ${limit}.`,
    reachOverWarn: (reach, names) =>
      names === null ? `This message reaches ${reach}.` : `This message reaches ${reach} through ${names}.`,
    listModerated: (names) => `A moderator must approve messages to ${names} before anyone receives them.`,
    externalOverWarn: (people) => `This message reaches ${people} outside your organisation.`,
    unknownList: (names, count) =>
      `Reach Guard could not find out how many people ${names} ${s(count, "reaches", "reach")}.`,
    contactGroup: (names, count) =>
      `Your contact ${s(count, "group", "groups")} ${names} cannot be checked and may reach many people.`,
    notListed: (fields) =>
      `Outlook did not show every recipient in ${fields}, so this may reach more people.`,
    directoryUnavailable: (names) => `Reach Guard cannot check the size of ${names} right now.`,
    directoryNotPermitted: (names) =>
      `Reach Guard is not allowed to check the size of ${names} until IT grants it access.`,
    noToken: (names) => `Reach Guard could not sign in to check the size of ${names}.`,
    invalidAddress: (names, count) =>
      `${names} ${s(count, "is not an email address", "are not email addresses")}.`,
    listRestricted: (names, count) =>
      `You may not send to ${names}, so Exchange will return the message and ${s(count, "it is", "they are")} not counted.`,
    broadcaster: "You may send to large audiences, so you can confirm this yourself.",
    incident: (subject) =>
      subject === null
        ? "Replies to this conversation are stopped during an incident."
        : `Replies to “${subject}” are stopped during an incident.`,
    storm: (names, _count, replies, minutes, atLeast) =>
      `This thread to ${names} has had ${atLeast ? "at least " : ""}${replies} replies in the last ${lastMinutes(minutes)}.`,
  },

  alert: {
    remove: (count) => `Remove ${itThem(count)} to send.`,
    removeLists: (count) => `Remove the ${s(count, "list", "lists")} to send.`,
    sendToFewer: "Remove some recipients to send.",
    correct: (count) => `Correct or remove ${itThem(count)} to send.`,
    removeOrWait: (count) => `Remove ${itThem(count)} to send, or try again in a few minutes.`,
    sendAnyway: "Select Send Anyway if you meant this, or Review recipients to change it.",
    confirmInPane: "To send it, confirm in Review recipients on the ribbon.",
    help: (advice, contact) => `${advice.replace(/\.$/, "")} (help: ${contact}).`,
    replyToSender: "Reply to the sender only to send.",
    reviewButton: "Review recipients",
    checkFailed: {
      block:
        "Reach Guard could not check who this message reaches, and unchecked mail is blocked. Try again in a moment.",
      sendAnyway:
        "Reach Guard could not check who this message reaches. Select Send Anyway if the recipients are right.",
      confirmInPane:
        "Reach Guard could not check who this message reaches. Check them in Review recipients on the ribbon.",
    },
  },

  infoBar: {
    check: "Check before sending.",
    remove: (count) => `Remove ${itThem(count)} before sending.`,
    sendToFewer: "Remove some recipients before sending.",
    correct: (count) => `Correct ${itThem(count)} before sending.`,
    incident: {
      withoutList: "Reply to the sender only, or remove the list.",
      newMessage: "Write a new message instead if it must go.",
    },
    replyToSender: "Reply to the sender only.",
    action: "Review recipients",
  },
};
