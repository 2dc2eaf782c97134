import { headerFor, HEADER_NAME, uncheckedHeader } from "../core/header";
import { TASK_PANE_COMMAND_ID } from "../office/compose-item";
import type { Policy } from "../core/policy";
import { policyForSender } from "../core/sender-policy";
import type { Decision, Verdict } from "../core/types";
import type { Words } from "../present/words";

// What the handlers tell Outlook: the info bar while composing, and the Smart Alert options at send.
// In monitor mode the decision's verdict is already what is enforced (incidents only), so the info
// bar and the alert follow it unchanged; what changes is that every message carries the header.

export const INFO_BAR_KEY = "reachGuard";
/** Office.MailboxEnums.SendModeOverride.PromptUser (Mailbox 1.14). */
export const PROMPT_USER = "promptUser";

/** The options `event.completed` takes at send (Office.SmartAlertsEventCompletedOptions). */
export interface SendCompletion {
  readonly allowEvent: boolean;
  readonly errorMessage?: string;
  readonly cancelLabel?: string;
  readonly commandId?: string;
  readonly sendModeOverride?: string;
}

export interface InfoBarChange {
  readonly show: { readonly message: string; readonly actionText: string | null } | null;
}

/** The info bar for a decision: null (remove it) for ordinary mail and once the sender has confirmed. */
export function infoBarFor(decision: Decision, acknowledged: boolean, words: Words): InfoBarChange {
  if (acknowledged) return { show: null };
  const message = words.infoBar(decision);
  return { show: message === null ? null : { message, actionText: words.text.infoBar.action } };
}

/** Mailbox 1.14 lets the alert open the task pane (commandId) and offer "Send Anyway" (PromptUser). */
function alertButtons(newerAlerts: boolean, offerSendAnyway: boolean, words: Words): Partial<SendCompletion> {
  if (!newerAlerts) return {};
  return {
    cancelLabel: words.text.alert.reviewButton,
    commandId: TASK_PANE_COMMAND_ID,
    ...(offerSendAnyway ? { sendModeOverride: PROMPT_USER } : {}),
  };
}

export interface SendPlan {
  readonly completion: SendCompletion;
  /** The X-Reach-Guard header to stamp, or null to remove any earlier one. */
  readonly header: string | null;
}

export function sendPlanFor(
  decision: Decision,
  acknowledged: boolean,
  policy: Policy,
  newerAlerts: boolean,
  words: Words,
): SendPlan {
  if (decision.verdict === "allow") {
    // A pilot records every message, allowed ones too, with what enforcement would have done; and
    // every message that reaches warnAt carries its reach, so that a reply's storm check learns the
    // thread's audience from the header without asking Graph.
    const stamped =
      decision.mode === "monitor" || decision.reach >= policyForSender(policy, decision.sender).warnAt;
    return { completion: { allowEvent: true }, header: stamped ? headerFor(decision, false) : null };
  }
  if (acknowledged && decision.acknowledgeable) {
    return { completion: { allowEvent: true }, header: headerFor(decision, true) };
  }
  const offerSendAnyway = decision.verdict === "warn" && newerAlerts;
  return {
    completion: {
      allowEvent: false,
      errorMessage: words.alert(decision, {
        sendAnywayOffered: offerSendAnyway,
        supportContact: policy.supportContact,
      }),
      ...alertButtons(newerAlerts, offerSendAnyway, words),
    },
    // Stamped before the alert: with "Send Anyway" the message leaves without this handler running again.
    header: headerFor(decision, false),
  };
}

/**
 * The verdict for a message the check could not decide: the policy's directoryUnavailable, which
 * monitor mode only records. The sender is not known by then: the top-level values apply.
 */
export function uncheckedVerdict(policy: Pick<Policy, "mode" | "directoryUnavailable">): Verdict {
  return policy.mode === "monitor" ? "allow" : policy.directoryUnavailable;
}

/** The header for a message the check could not decide, as uncheckedVerdict judges it. */
export function uncheckedHeaderFor(policy: Pick<Policy, "mode" | "directoryUnavailable">): string {
  return uncheckedHeader(policy.directoryUnavailable, policy.mode);
}

/** When the check itself failed or ran out of time: the verdict uncheckedVerdict gives. */
export function failedCheckCompletion(verdict: Verdict, newerAlerts: boolean, words: Words): SendCompletion {
  if (verdict === "allow") return { allowEvent: true };
  const offerSendAnyway = verdict === "warn" && newerAlerts;
  return {
    allowEvent: false,
    errorMessage: words.checkFailed(verdict, { sendAnywayOffered: offerSendAnyway }),
    ...alertButtons(newerAlerts, offerSendAnyway, words),
  };
}

/** For an older Outlook that rejects the newer options: the same verdict with the message only. */
export function withoutNewerOptions(options: SendCompletion | undefined): SendCompletion | undefined {
  if (!options) return undefined;
  return options.allowEvent
    ? { allowEvent: true }
    : { allowEvent: false, ...(options.errorMessage ? { errorMessage: options.errorMessage } : {}) };
}

export { HEADER_NAME };
