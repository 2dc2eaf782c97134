// Every sentence Reach Guard shows a person, in British English. Other languages copy this shape.
// Sentences are short and plain: they are read by busy clinicians at the moment of send.

import { formatAbout, formatCount } from "../core/format";

function names(addresses: readonly string[], max = 2): string {
  const shown = addresses.slice(0, max);
  const rest = addresses.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${formatCount(rest)} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

function people(reach: number, accuracy: "exact" | "upper-bound" | "incomplete"): string {
  const figure = accuracy === "exact" ? formatCount(reach) : formatAbout(reach);
  const noun = reach === 1 ? "person" : "people";
  if (accuracy === "incomplete") return `at least ${figure} ${noun}`;
  if (accuracy === "upper-bound") return `up to about ${figure} ${noun}`;
  return reach >= 1000 ? `about ${figure} ${noun}` : `${figure} ${noun}`;
}

/** As `people`, but "at least 0 people" (nothing could be sized) is said as what it means. */
function paneReach(reach: number, accuracy: "exact" | "upper-bound" | "incomplete"): string {
  return reach === 0 && accuracy === "incomplete" ? "an unknown number of people" : people(reach, accuracy);
}

export const enGB = {
  people,
  names,
  reasons: {
    blockedAddress: (addresses: readonly string[]) =>
      addresses.length === 1
        ? `${names(addresses)} is a list your organisation does not allow messages to.`
        : `${names(addresses)} are lists your organisation does not allow messages to.`,
    reachOverBlock: (reach: string, limit: number) =>
      `This message would reach ${reach}; your organisation's limit is ${formatCount(limit)}.`,
    reachOverWarn: (reach: string) => `This message will reach ${reach}.`,
    externalOverWarn: (external: number) =>
      `${formatCount(external)} of the people it reaches are outside your organisation.`,
    unknownList: (addresses: readonly string[]) =>
      `The size of ${names(addresses)} could not be found, so the message may reach many more people.`,
    contactGroup: (groupNames: readonly string[]) =>
      `Personal contact group ${names(groupNames)} cannot be checked, so the message may reach many more people.`,
    directoryUnavailable: (addresses: readonly string[]) =>
      `The directory could not be reached (it is down, busy or too slow), so the size of ${names(addresses)} is not known.`,
    notListed: (fields: readonly ("to" | "cc" | "bcc")[]) =>
      `Outlook did not list every recipient in ${names(fields.map((field) => ({ to: "To", cc: "Cc", bcc: "Bcc" })[field]))}, so the message may reach more people.`,
    directoryNotPermitted: () =>
      "Reach Guard is not allowed to read the directory, so list sizes are not known. Ask IT to grant consent.",
    // Said the same where signing in would help and where this Outlook cannot sign in at all: the
    // task pane tells the two apart (a Sign in button, or one line saying it cannot).
    noToken: (addresses: readonly string[]) =>
      `Reach Guard could not sign in to check list sizes, so the size of ${names(addresses)} is not known.`,
    invalidAddress: (addresses: readonly string[]) =>
      `${names(addresses.map((address) => `"${address}"`))} ${addresses.length === 1 ? "is not an email address" : "are not email addresses"} Reach Guard can check.`,
    listRestricted: (addresses: readonly string[]) =>
      `You may not send to ${names(addresses)}: Exchange will return the message to you, so ${addresses.length === 1 ? "it is" : "they are"} not counted.`,
    listModerated: (addresses: readonly string[]) =>
      `A moderator must approve messages to ${names(addresses)} before anyone receives them, so this is a warning rather than a block.`,
    broadcaster: () =>
      "You are allowed to send to large audiences, so you can confirm this instead of it being blocked.",
  },
  infoBar: {
    blockedAddress: (addresses: readonly string[], size: string | null) =>
      size === null
        ? `${names(addresses, 1)} is blocked by your organisation. Remove it before sending.`
        : `${names(addresses, 1)} reaches ${size} and is blocked by your organisation. Remove it before sending.`,
    reach: (reach: string) => `This message will reach ${reach}. Review before sending.`,
    unknown: () =>
      "The size of a list could not be checked; it may reach many people. Review before sending.",
    directoryUnavailable: () =>
      "Reach Guard cannot check list sizes right now. Review recipients before sending.",
    noToken: () => "Reach Guard could not sign in to check list sizes. Review recipients before sending.",
    invalid: () => "A recipient is not an email address Reach Guard can check. Review before sending.",
    action: "Review recipients",
  },
  alert: {
    blockFix:
      // Not "move it to Bcc": a list in Bcc cannot be replied to all, but it still reaches everyone.
      "Remove the list to send this message. Select Review recipients to fix it.",
    warnSendAnyway: "Select Send anyway if you meant this, or Review recipients to change it.",
    warnAcknowledge: "Select Review recipients to confirm or change the recipients.",
    support: (contact: string) => `Help: ${contact}.`,
    reviewButton: "Review recipients",
    /** When the check itself failed or ran out of time; the policy's directoryUnavailable decides. */
    checkFailed: (verdict: "warn" | "block") =>
      verdict === "block"
        ? "Reach Guard could not check how many people this message reaches, and your organisation does not allow sending unchecked. Try again in a moment, or select Review recipients."
        : "Reach Guard could not check how many people this message reaches. Check the recipients before sending.",
  },
  taskPane: {
    checking: "Checking who this message will reach…",
    updating: "Checking again…",
    reach: (reach: number, accuracy: "exact" | "upper-bound" | "incomplete") =>
      `This message will reach ${paneReach(reach, accuracy)}.`,
    noRecipients: "This message has no recipients yet.",
    verdictTitle: {
      allow: "Fine to send",
      warn: "Check before sending",
      block: "Cannot be sent as it is",
    } as Record<"allow" | "warn" | "block", string>,
    accuracy: {
      exact: "This figure is exact.",
      "upper-bound": "This is an upper bound: lists may share members, who are counted once per list.",
      incomplete:
        "This figure is incomplete: a list could not be sized, so the message may reach more people.",
    },
    directoryTitle: "List sizes could not be checked",
    directoryPolicy: (verdict: "allow" | "warn" | "block") =>
      verdict === "block"
        ? "When list sizes cannot be checked, your organisation's policy is to block the message: remove large lists, or try again later."
        : verdict === "warn"
          ? "When list sizes cannot be checked, your organisation's policy is to warn: check the recipients, then confirm to send."
          : "When list sizes cannot be checked, your organisation's policy is to allow the message without a check.",
    notConfigured:
      "Reach Guard has not been set up to read the directory yet. Ask IT to finish setting it up.",
    settingsProblems:
      "Reach Guard's settings could not all be read, so the last good or built-in policy applies. Details for IT:",
    signInTitle: "Sign in so Reach Guard can check list sizes",
    signIn: "Sign in",
    signedIn: "Signed in.",
    signInFailed: "Sign-in did not finish. Try again, or ask IT if it keeps failing.",
    recipientsHeading: "Recipients",
    field: { to: "To", cc: "Cc", bcc: "Bcc" } as Record<"to" | "cc" | "bcc", string>,
    fieldHeading: (field: string, count: number) => `${field} (${formatCount(count)})`,
    kind: {
      person: "Person",
      list: "List",
      external: "External",
      unknown: "Unknown size",
      invalid: "Not an address",
    } as Record<"person" | "list" | "external" | "unknown" | "invalid", string>,
    members: (count: number) => `${formatCount(count)} member${count === 1 ? "" : "s"}`,
    outside: (count: number) => `${formatCount(count)} outside your organisation`,
    blockedByPolicy: "blocked by policy",
    restricted: "you may not send to it",
    moderated: "moderated",
    contactGroup: "personal contact group: change it in the message itself",
    showMore: (next: number, left: number) => `Show ${formatCount(next)} more (${formatCount(left)} left)`,
    fixesHeading: "Fixes",
    moveAllToBcc: "Move all lists to Bcc",
    removeExternal: "Remove external recipients",
    moveToBcc: "Move to Bcc",
    moveToBccLabel: (address: string) => `Move ${address} to Bcc`,
    remove: "Remove",
    removeLabel: (address: string) => `Remove ${address}`,
    acknowledgeHeading: "Confirm",
    acknowledge: (reach: number, accuracy: "exact" | "upper-bound" | "incomplete") =>
      `I understand this message will reach ${paneReach(reach, accuracy)}`,
    confirm: "Confirm and allow sending",
    confirmed: "Confirmed. You can send this message now.",
    cannotSend:
      "Your organisation does not allow this message to be sent as it is. Remove the recipients named above to send it.",
    failed: "Reach Guard could not read this message's recipients.",
    retry: "Retry",
    fixFailed: "The recipients could not be changed. Try again, or change them in the message.",
    acknowledgeFailed: "Your confirmation could not be saved. Try again.",
    moved: (count: number) => `Moved ${formatCount(count)} recipient${count === 1 ? "" : "s"} to Bcc.`,
    removed: (count: number) => `Removed ${formatCount(count)} recipient${count === 1 ? "" : "s"}.`,
    nothingChanged: "Nothing to change: those recipients are no longer in the message.",
    fieldLeftAlone: (field: string, reason: "contact-group" | "at-cap") =>
      reason === "contact-group"
        ? `${field} was left as it is: Outlook does not let add-ins change a field with a personal contact group, so change it in the message.`
        : `${field} was left as it is: Outlook did not list all of its recipients, so change it in the message.`,
    signInUnsupported:
      "This Outlook cannot sign in to check list sizes, so lists are judged by your organisation's policy.",
    outsideOutlook: "Open Reach Guard from a message you are writing in Outlook.",
  },
} as const;

export type Strings = typeof enGB;
