import { enGB } from "./en-GB";
import { clip } from "../core/format";
import { ALERT_LIMIT, INFO_BAR_LIMIT } from "../core/limits";
import type { Decision, Reason } from "../core/types";

// What the compose window and the Smart Alert say, within Outlook's limits.

function primary(decision: Decision): Reason | undefined {
  return decision.reasons.find((reason) => reason.verdict === decision.verdict);
}

/** "about 840,000 people" for the first blocked list when the directory sized it, else null. */
function blockedListSize(decision: Decision, address: string | undefined): string | null {
  const list = decision.recipients.find((recipient) => recipient.address === address);
  if (!list || list.kind !== "list" || list.members === null) return null;
  return enGB.people(list.members, list.members >= 1000 ? "upper-bound" : "exact").replace(/^up to /, "");
}

/** The early warning while composing, or null when the message is ordinary and the bar stays away. */
export function infoBarText(decision: Decision): string | null {
  if (decision.verdict === "allow") return null;
  const reason = primary(decision);
  const text = (() => {
    switch (reason?.code) {
      case "blocked-address":
        return enGB.infoBar.blockedAddress(reason.addresses, blockedListSize(decision, reason.addresses[0]));
      case "unknown-list":
        return enGB.infoBar.unknown();
      case "no-token":
        return enGB.infoBar.noToken();
      case "directory-unavailable":
      case "directory-not-permitted":
        return enGB.infoBar.directoryUnavailable();
      case "invalid-address":
        return enGB.infoBar.invalid();
      default:
        return enGB.infoBar.reach(enGB.people(decision.reach, decision.accuracy));
    }
  })();
  return clip(text, INFO_BAR_LIMIT);
}

export interface AlertOptions {
  /** Outlook offers "Send anyway" (Mailbox 1.14 PromptUser); otherwise the user confirms in the pane. */
  readonly sendAnywayOffered: boolean;
  readonly supportContact: string;
}

/** The Smart Alert's words: the reasons, then what to do. Whole sentences are dropped, not cut, to fit. */
export function alertText(decision: Decision, options: AlertOptions): string {
  const advice =
    decision.verdict === "block"
      ? enGB.alert.blockFix
      : options.sendAnywayOffered
        ? enGB.alert.warnSendAnyway
        : enGB.alert.warnAcknowledge;
  const tail = [advice, options.supportContact ? enGB.alert.support(options.supportContact) : ""]
    .filter(Boolean)
    .join(" ");
  const sentences = decision.reasons
    .filter((reason) => reason.verdict !== "allow")
    .map((reason) => reason.message);
  let body = "";
  for (const sentence of sentences) {
    const next = body ? `${body} ${sentence}` : sentence;
    if (next.length + 1 + tail.length > ALERT_LIMIT) break;
    body = next;
  }
  if (!body && sentences[0]) body = clip(sentences[0], ALERT_LIMIT - tail.length - 1);
  return clip(body ? `${body} ${tail}` : tail, ALERT_LIMIT);
}
