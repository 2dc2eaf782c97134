import type { ReachAccuracy, ResolvedRecipient } from "./types";

export interface ReachFigures {
  /** Distinct people plus the size of every distinct list the message is delivered to. */
  readonly reach: number;
  /** The same without lists a moderator must approve: what can spread at once. */
  readonly unmoderatedReach: number;
  /** External addresses plus external list members. */
  readonly externalReach: number;
  readonly accuracy: ReachAccuracy;
}

/**
 * Counts each distinct address once, whichever fields it sits in. Lists are added whole: a person
 * in two lists is counted twice, so with more than one source the figure is an upper bound.
 * Restricted lists bounce rather than deliver, so they add nothing.
 */
export function measureReach(
  recipients: readonly ResolvedRecipient[],
  /** Outlook did not list every recipient: whatever was counted, there may be more. */
  partial = false,
): ReachFigures {
  const seen = new Set<string>();
  let reach = 0;
  let moderated = 0;
  let externalReach = 0;
  let sources = 0;
  let lists = 0;
  let incomplete = partial;
  for (const recipient of recipients) {
    if (recipient.kind === "invalid" || recipient.kind === "unknown") {
      incomplete = true;
      continue;
    }
    if (seen.has(recipient.address)) continue;
    seen.add(recipient.address);
    if (recipient.kind === "list") {
      if (recipient.restricted) continue;
      const members = recipient.members ?? 0;
      reach += members;
      if (recipient.moderated) moderated += members;
      externalReach += recipient.externalMembers ?? 0;
      lists += 1;
    } else {
      reach += 1;
      if (recipient.kind === "external") externalReach += 1;
    }
    sources += 1;
  }
  const accuracy: ReachAccuracy = incomplete
    ? "incomplete"
    : lists > 0 && sources > 1
      ? "upper-bound"
      : "exact";
  return { reach, unmoderatedReach: reach - moderated, externalReach, accuracy };
}
