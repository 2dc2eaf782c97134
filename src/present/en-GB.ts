import type { Catalogue } from "./catalogue";
import { englishPlural } from "./plural";

// Every sentence Reach Guard shows a person, in British English. Read by busy clinicians at the
// moment of send: who, how many, what to do, in at most two sentences.

const s = (count: number, one: string, other: string) => (count === 1 ? one : other);
const itThem = (count: number) => s(count, "it", "them");

export const enGB: Catalogue = {
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
    notListed: (fields) => `Outlook did not show every recipient in ${fields}, so this may reach more people.`,
    directoryUnavailable: (names) => `Reach Guard cannot check the size of ${names} right now.`,
    directoryNotPermitted: (names) =>
      `Reach Guard is not allowed to check the size of ${names} until IT grants it access.`,
    noToken: (names) => `Reach Guard could not sign in to check the size of ${names}.`,
    invalidAddress: (names, count) =>
      `${names} ${s(count, "is not an email address", "are not email addresses")}.`,
    listRestricted: (names, count) =>
      `You may not send to ${names}, so Exchange will return the message and ${s(count, "it is", "they are")} not counted.`,
    broadcaster: "You may send to large audiences, so you can confirm this yourself.",
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
    reviewButton: "Review recipients",
    checkFailed: {
      block: "Reach Guard could not check who this message reaches, and unchecked mail is blocked. Try again in a moment.",
      sendAnyway: "Reach Guard could not check who this message reaches. Select Send Anyway if the recipients are right.",
      confirmInPane: "Reach Guard could not check who this message reaches. Check them in Review recipients on the ribbon.",
    },
  },

  infoBar: {
    check: "Check before sending.",
    remove: (count) => `Remove ${itThem(count)} before sending.`,
    sendToFewer: "Remove some recipients before sending.",
    correct: (count) => `Correct ${itThem(count)} before sending.`,
    action: "Review recipients",
  },

  taskPane: {
    checking: "Checking who this message will reach…",
    updating: "Checking again…",
    headline: (people) => `This message reaches ${people}.`,
    noRecipients: "This message has no recipients yet.",
    verdictTitle: { allow: "Fine to send", warn: "Check before sending", block: "Cannot be sent as it is" },
    accuracy: {
      about: "Lists may share members, so the true number may be lower.",
      atLeast: "Some sizes are not known, so it may reach more people.",
    },
    directoryPolicy: {
      block: "While list sizes cannot be checked, your organisation blocks messages to lists: remove them, or try again later.",
      warn: "While list sizes cannot be checked, your organisation asks you to check the recipients and confirm.",
      allow: "While list sizes cannot be checked, your organisation lets messages go without this check.",
    },
    notConfigured: "Reach Guard has not been set up to check list sizes yet. Ask IT to finish setting it up.",
    settingsProblems:
      "Reach Guard's settings could not all be read, so the last good or built-in policy applies. Details for IT:",
    signInTitle: "Sign in so Reach Guard can check list sizes",
    signIn: "Sign in",
    signedIn: "Signed in.",
    signInFailed: "Sign-in did not finish. Try again, or ask IT if it keeps failing.",
    signInUnsupported:
      "This Outlook cannot sign in to check list sizes, so lists are judged by your organisation's policy.",
    recipientsHeading: "Recipients",
    fieldHeading: (field, count) => `${field} (${count})`,
    kind: { person: "Person", list: "List", external: "External", unknown: "Unknown size", invalid: "Not an address" },
    members: (count, written) => `${written} ${s(count, "member", "members")}`,
    outside: (_count, written) => `${written} outside your organisation`,
    blockedByPolicy: "blocked by your organisation",
    restricted: "you may not send to it",
    moderated: "moderated",
    contactGroup: "personal contact group: change it in the message itself",
    showMore: (next, left) => `Show ${next} more (${left} left)`,
    fixesHeading: "Fixes",
    removeBlocking: (count) =>
      count === 1 ? "Remove the recipient that blocks it" : `Remove the ${count} recipients that block it`,
    moveAllToBcc: "Move all lists to Bcc",
    bccNote: "Bcc stops replies to everyone, but the message still reaches them all.",
    removeExternal: "Remove external recipients",
    moveToBcc: "Move to Bcc",
    moveToBccLabel: (address) => `Move ${address} to Bcc`,
    remove: "Remove",
    removeLabel: (address) => `Remove ${address}`,
    acknowledgeHeading: "Confirm",
    acknowledge: (people) => `I understand this message reaches ${people}`,
    confirm: "Confirm and allow sending",
    confirmed: "Confirmed. You can send this message now.",
    cannotSend: "Your organisation does not allow this message as it is. Remove the recipients named above to send it.",
    failed: "Reach Guard could not read this message's recipients.",
    retry: "Retry",
    fixFailed: "The recipients could not be changed. Try again, or change them in the message.",
    acknowledgeFailed: "Your confirmation could not be saved. Try again.",
    moved: (count, written) => `Moved ${written} ${s(count, "recipient", "recipients")} to Bcc.`,
    removed: (count, written) => `Removed ${written} ${s(count, "recipient", "recipients")}.`,
    nothingChanged: "Nothing to change: those recipients are no longer in the message.",
    fieldLeftAlone: (field, reason) =>
      reason === "contact-group"
        ? `${field} was left as it is: Outlook does not let add-ins change a field with a personal contact group, so change it in the message.`
        : `${field} was left as it is: Outlook did not list all of its recipients, so change it in the message.`,
    outsideOutlook: "Open Reach Guard from a message you are writing in Outlook.",
  },

  cli: {
    verdict: { allow: "Allowed", warn: "Warning", block: "Blocked" },
    reach: (people) => `Reaches ${people}.`,
    columns: ["FIELD", "ADDRESS", "KIND", "SOURCE", "DETAIL"],
  },
};
