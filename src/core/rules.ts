import { enGB } from "../present/en-GB";
import type { Policy } from "./policy";
import type { ReachFigures } from "./reach";
import type { Field, Reason, ReasonCode, ResolvedRecipient, UnknownCause, Verdict } from "./types";

// Each rule looks at the resolved message and returns the reasons it has, if any. A rule never
// decides the final verdict: the decision takes the most severe of all reasons.

export interface RuleContext {
  readonly policy: Policy;
  readonly recipients: readonly ResolvedRecipient[];
  readonly figures: ReachFigures;
  /** Fields Outlook listed only in part (its getAsync cap). */
  readonly partialFields: readonly Field[];
}

export type Rule = (context: RuleContext) => Reason[];

function reason(
  code: ReasonCode,
  verdict: Verdict,
  message: string,
  addresses: readonly string[] = [],
): Reason {
  return { code, verdict, message, addresses: [...new Set(addresses)] };
}

function addressesWhere(context: RuleContext, test: (recipient: ResolvedRecipient) => boolean): string[] {
  return [...new Set(context.recipients.filter(test).map((recipient) => recipient.address))];
}

function withCause(...causes: UnknownCause[]) {
  return (recipient: ResolvedRecipient) =>
    recipient.kind === "unknown" && causes.includes(recipient.cause as UnknownCause);
}

const blockedAddresses: Rule = (context) => {
  const blocked = addressesWhere(context, (recipient) => recipient.blockedBy !== null);
  return blocked.length
    ? [reason("blocked-address", "block", enGB.reasons.blockedAddress(blocked), blocked)]
    : [];
};

const reachThresholds: Rule = ({ policy, figures, recipients }) => {
  const reachText = enGB.people(figures.reach, figures.accuracy);
  const lists = recipients.filter((recipient) => recipient.kind === "list" && !recipient.restricted);
  const listAddresses = lists.map((recipient) => recipient.address);
  if (figures.reach >= policy.blockAt) {
    if (figures.unmoderatedReach >= policy.blockAt) {
      return [
        reason(
          "reach-over-block",
          "block",
          enGB.reasons.reachOverBlock(reachText, policy.blockAt),
          listAddresses,
        ),
      ];
    }
    const moderated = lists.filter((recipient) => recipient.moderated).map((recipient) => recipient.address);
    return [
      reason("reach-over-warn", "warn", enGB.reasons.reachOverWarn(reachText), listAddresses),
      reason("list-moderated", "warn", enGB.reasons.listModerated(moderated), moderated),
    ];
  }
  if (figures.reach >= policy.warnAt) {
    return [reason("reach-over-warn", "warn", enGB.reasons.reachOverWarn(reachText), listAddresses)];
  }
  return [];
};

const externalReach: Rule = ({ policy, figures }) =>
  policy.externalWarnAt !== null && figures.externalReach >= policy.externalWarnAt
    ? [reason("external-over-warn", "warn", enGB.reasons.externalOverWarn(figures.externalReach))]
    : [];

const unknownSizes: Rule = (context) => {
  const reasons: Reason[] = [];
  const verdict = context.policy.unknownList;
  const unknown = addressesWhere(context, withCause("count-missing", "not-found"));
  if (unknown.length)
    reasons.push(reason("unknown-list", verdict, enGB.reasons.unknownList(unknown), unknown));
  if (context.partialFields.length) {
    reasons.push(reason("recipients-not-listed", verdict, enGB.reasons.notListed(context.partialFields)));
  }
  const groups = context.recipients.filter(withCause("contact-group"));
  if (groups.length) {
    const labels = groups.map((group) => `"${group.displayName}"`);
    reasons.push(reason("unknown-list", verdict, enGB.reasons.contactGroup(labels), []));
  }
  return reasons;
};

const directoryFailures: Rule = (context) => {
  const verdict = context.policy.directoryUnavailable;
  const reasons: Reason[] = [];
  const noToken = addressesWhere(context, withCause("no-token"));
  if (noToken.length) reasons.push(reason("no-token", verdict, enGB.reasons.noToken(noToken), noToken));
  const forbidden = addressesWhere(context, withCause("not-permitted"));
  if (forbidden.length) {
    reasons.push(reason("directory-not-permitted", verdict, enGB.reasons.directoryNotPermitted(), forbidden));
  }
  const down = addressesWhere(context, withCause("unavailable", "timeout"));
  if (down.length) {
    reasons.push(reason("directory-unavailable", verdict, enGB.reasons.directoryUnavailable(down), down));
  }
  return reasons;
};

const invalidAddresses: Rule = (context) => {
  const invalid = addressesWhere(context, (recipient) => recipient.kind === "invalid");
  return invalid.length
    ? [
        reason(
          "invalid-address",
          context.policy.invalidAddress,
          enGB.reasons.invalidAddress(invalid),
          invalid,
        ),
      ]
    : [];
};

const restrictedLists: Rule = (context) => {
  const restricted = addressesWhere(
    context,
    (recipient) => recipient.kind === "list" && recipient.restricted,
  );
  return restricted.length
    ? [reason("list-restricted", "allow", enGB.reasons.listRestricted(restricted), restricted)]
    : [];
};

export const RULES: readonly Rule[] = [
  blockedAddresses,
  reachThresholds,
  externalReach,
  unknownSizes,
  directoryFailures,
  invalidAddresses,
  restrictedLists,
];
