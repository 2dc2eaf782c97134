import type { PaneCatalogue } from "./catalogue";

// The task pane's and the command line's sentences in British English; what Outlook shows (the info
// bar and the Smart Alert) is in en-GB.ts, the only part the event bundle carries.

const s = (count: number, one: string, other: string) => (count === 1 ? one : other);

export const enGBPane: PaneCatalogue = {
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
      block:
        "While list sizes cannot be checked, your organisation blocks messages to lists: remove them, or try again later.",
      warn: "While list sizes cannot be checked, your organisation asks you to check the recipients and confirm.",
      allow: "While list sizes cannot be checked, your organisation lets messages go without this check.",
    },
    notConfigured: "Reach Guard has not been set up to check list sizes yet. Ask IT to finish setting it up.",
    settingsProblems: "Some settings could not be read, so the last good policy applies. Details for IT:",
    signInTitle: "Sign in so Reach Guard can check list sizes",
    signIn: "Sign in",
    signedIn: "Signed in.",
    signInFailed: "Sign-in did not finish. Try again, or ask IT if it keeps failing.",
    signInUnsupported:
      "This Outlook cannot sign in to check list sizes, so lists are judged by your organisation's policy.",
    recipientsHeading: "Recipients",
    fieldHeading: (field, count) => `${field} (${count})`,
    kind: {
      person: "Person",
      list: "List",
      external: "External",
      unknown: "Unknown size",
      invalid: "Not an address",
    },
    members: (count, written) => `${written} ${s(count, "member", "members")}`,
    outside: (_count, written) => `${written} outside your organisation`,
    blockedByPolicy: "blocked by your organisation",
    restricted: "you may not send to it",
    moderated: "moderated",
    contactGroup: "personal contact group: change it in the message itself",
    sizeFrom: {
      graph: "checked just now",
      cache: "remembered from a recent check",
      catalogue: (day, month, year) =>
        `from the catalogue of ${day} ${"January February March April May June July August September October November December".split(" ")[month - 1] ?? ""} ${year}`,
    },
    showMore: (next, left) => `Show ${next} more (${left} left)`,
    fixesHeading: "Fixes",
    removeBlocking: (count) =>
      count === 1 ? "Remove the recipient that blocks it" : `Remove the ${count} recipients that block it`,
    moveAllToBcc: "Move all lists to Bcc",
    bccNote: "Bcc stops replies to everyone, but the message still reaches them all.",
    removeExternal: "Remove external recipients",
    replyToSenderOnly: (name) => `Reply to ${name} only`,
    moveToBcc: "Move to Bcc",
    moveToBccLabel: (address) => `Move ${address} to Bcc`,
    remove: "Remove",
    removeLabel: (address) => `Remove ${address}`,
    acknowledgeHeading: "Confirm",
    acknowledge: (people) => `I understand this message reaches ${people}`,
    confirm: "Confirm and allow sending",
    confirmed: "Confirmed. You can send this message now.",
    cannotSend: "Remove the recipients named above to send this message.",
    failed: "Reach Guard could not read this message's recipients.",
    retry: "Retry",
    fixFailed: "The recipients could not be changed. Try again, or change them in the message.",
    acknowledgeFailed: "Your confirmation could not be saved. Try again.",
    moved: (count, written) => `Moved ${written} ${s(count, "recipient", "recipients")} to Bcc.`,
    removed: (count, written) => `Removed ${written} ${s(count, "recipient", "recipients")}.`,
    nothingChanged: "Nothing to change: those recipients are no longer in the message.",
    fieldLeftAlone: (field, reason) =>
      reason === "contact-group"
        ? `${field} was left as it is: it holds a personal contact group, so change it in the message.`
        : `${field} was left as it is: Outlook did not list all of its recipients, so change it in the message.`,
    outsideOutlook: "Open Reach Guard from a message you are writing in Outlook.",
    monitorNote: {
      warn: "Monitor mode: Reach Guard would warn before sending this message; it will be sent and recorded.",
      block: "Monitor mode: Reach Guard would block this message; it will be sent and recorded.",
    },
  },
};
