import { matchIncident, withoutPrefixes } from "./incident";
import { feedsStorm } from "./storm";
import type { Policy } from "./policy";
import type { ReachFigures } from "./reach";
import type {
  Conversation,
  Field,
  Named,
  Reason,
  ReasonCode,
  ReasonData,
  ResolvedRecipient,
  ThreadActivity,
  UnknownCause,
} from "./types";

// Each rule looks at the resolved message and returns the reasons it has, if any, as data: what is
// said about them, and in which language, is src/present's business. A rule never decides the final
// verdict: the decision takes the most severe of all reasons.

export interface RuleContext {
  readonly policy: Policy;
  readonly recipients: readonly ResolvedRecipient[];
  readonly figures: ReachFigures;
  /** Fields Outlook listed only in part (its getAsync cap). */
  readonly partialFields: readonly Field[];
  /** The thread the draft belongs to, and when the check is made (epoch ms): for incidents. */
  readonly conversation?: Conversation | undefined;
  readonly checkedAt?: number | undefined;
  /** The thread's recent activity, when it was read (for storms). */
  readonly thread?: ThreadActivity | undefined;
}

export type Rule = (context: RuleContext) => Reason[];

function reason<Code extends ReasonCode>(
  code: Code,
  verdict: Reason["verdict"],
  data: ReasonData<Code>,
  addresses: readonly string[] = [],
): Reason {
  return { code, verdict, data, addresses: [...new Set(addresses)] } as Reason;
}

/** Each address once, named as Outlook shows it (its first display name), in message order. */
function named(recipients: readonly ResolvedRecipient[]): Named[] {
  const byAddress = new Map<string, Named>();
  for (const recipient of recipients) {
    if (byAddress.has(recipient.address)) continue;
    const name = recipient.displayName.trim() || recipient.address;
    byAddress.set(recipient.address, { address: recipient.address, name, members: recipient.members });
  }
  return [...byAddress.values()];
}

function addressesOf(lists: readonly Named[]): string[] {
  return lists.map((list) => list.address);
}

function withCause(...causes: UnknownCause[]) {
  return (recipient: ResolvedRecipient) =>
    recipient.kind === "unknown" && causes.includes(recipient.cause as UnknownCause);
}

/** A reason about the recipients that pass `test`, or none when there are none. */
function about(
  context: RuleContext,
  code:
    | "blocked-address"
    | "unknown-list"
    | "no-token"
    | "directory-not-permitted"
    | "directory-unavailable"
    | "list-restricted",
  verdict: Reason["verdict"],
  test: (recipient: ResolvedRecipient) => boolean,
): Reason[] {
  const lists = named(context.recipients.filter(test));
  return lists.length ? [reason(code, verdict, { lists }, addressesOf(lists))] : [];
}

const blockedAddresses: Rule = (context) =>
  about(context, "blocked-address", "block", (recipient) => recipient.blockedBy !== null);

const reachThresholds: Rule = ({ policy, figures, recipients }) => {
  const reach = { value: figures.reach, accuracy: figures.accuracy };
  const lists = named(recipients.filter((recipient) => recipient.kind === "list" && !recipient.restricted));
  const listAddresses = addressesOf(lists);
  if (figures.reach >= policy.blockAt) {
    if (figures.unmoderatedReach >= policy.blockAt) {
      return [reason("reach-over-block", "block", { reach, limit: policy.blockAt, lists }, listAddresses)];
    }
    const moderated = named(
      recipients.filter((recipient) => recipient.kind === "list" && recipient.moderated),
    );
    return [
      reason("reach-over-warn", "warn", { reach, lists }, listAddresses),
      reason("list-moderated", "warn", { lists: moderated }, addressesOf(moderated)),
    ];
  }
  if (figures.reach >= policy.warnAt)
    return [reason("reach-over-warn", "warn", { reach, lists }, listAddresses)];
  return [];
};

const externalReach: Rule = ({ policy, figures }) =>
  policy.externalWarnAt !== null && figures.externalReach >= policy.externalWarnAt
    ? [reason("external-over-warn", "warn", { external: figures.externalReach })]
    : [];

const unknownSizes: Rule = (context) => {
  const verdict = context.policy.unknownList;
  const reasons = about(context, "unknown-list", verdict, withCause("count-missing", "not-found"));
  if (context.partialFields.length) {
    reasons.push(reason("recipients-not-listed", verdict, { fields: context.partialFields }));
  }
  const groups = context.recipients.filter(withCause("contact-group"));
  if (groups.length) {
    const names = [...new Set(groups.map((group) => group.displayName.trim()))];
    reasons.push(reason("contact-group", verdict, { groups: names }));
  }
  return reasons;
};

const directoryFailures: Rule = (context) => {
  const verdict = context.policy.directoryUnavailable;
  return [
    ...about(context, "no-token", verdict, withCause("no-token")),
    ...about(context, "directory-not-permitted", verdict, withCause("not-permitted")),
    ...about(context, "directory-unavailable", verdict, withCause("unavailable", "timeout")),
  ];
};

const invalidAddresses: Rule = (context) => {
  const entries = named(context.recipients.filter((recipient) => recipient.kind === "invalid"));
  return entries.length
    ? [reason("invalid-address", context.policy.invalidAddress, { entries }, addressesOf(entries))]
    : [];
};

const restrictedLists: Rule = (context) =>
  about(
    context,
    "list-restricted",
    "allow",
    (recipient) => recipient.kind === "list" && recipient.restricted,
  );

/** A thread the service desk has stopped: a block, for broadcasters too, and in monitor mode. */
const incidents: Rule = ({ policy, conversation, checkedAt, recipients }) => {
  if (checkedAt === undefined) return [];
  const addresses = recipients.map((recipient) => recipient.address);
  const match = matchIncident(policy.incidents, conversation, addresses, checkedAt);
  if (!match) return [];
  const subject = conversation?.subject ?? null;
  const data = {
    id: match.incident.id,
    message: match.incident.message.trim(),
    subject: subject === null ? null : withoutPrefixes(subject) || null,
    list: match.list,
  };
  return [reason("incident", "block", data, match.list === null ? [] : [match.list])];
};

/**
 * A reply-all storm: this message reaches a list (or what may be one), into a thread to at least
 * warnAt people, by this message's reach or the thread's headers, that has had more replies within
 * the window than the policy allows. Only what was read counts: no thread, no storm.
 */
const storms: Rule = ({ policy, thread, figures, recipients }) => {
  const storm = policy.storm;
  if (!storm || !thread || thread.replies <= storm.replies) return [];
  const lists = named(recipients.filter(feedsStorm));
  const reach = Math.max(figures.reach, thread.reach || 0);
  if (lists.length === 0 || reach < policy.warnAt) return [];
  const { replies, senders, windowMinutes, complete } = thread;
  const data = { lists, replies, senders, windowMinutes, reach, complete };
  return [reason("storm", storm.verdict, data, addressesOf(lists))];
};

export const RULES: readonly Rule[] = [
  incidents,
  storms,
  blockedAddresses,
  reachThresholds,
  externalReach,
  unknownSizes,
  directoryFailures,
  invalidAddresses,
  restrictedLists,
];
