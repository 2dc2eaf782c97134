import { recipientFingerprint } from "./fingerprint";
import { matchEntries } from "./patterns";
import { domainOf, parseAddress, parseRecipient } from "./addresses";
import { SEVERITY, mostSevere, type Policy } from "./policy";
import { measureReach } from "./reach";
import { planMessage, resolveRecipient, type Plan, type ResolveContext } from "./recipients";
import { RULES } from "./rules";
import { isAlwaysEnforced, monitored } from "./monitor";
import { policyForSender } from "./sender-policy";
import type { Decision, DirectoryAnswer, MessageInput, Reason, RecipientInput } from "./types";

export function planFingerprint(plan: Plan): string {
  return recipientFingerprint(
    plan.recipients.map((planned) => ({ field: planned.input.field, parsed: planned.parsed })),
  );
}

/** The same fingerprint straight from Outlook's recipients, without planning against the policy. */
export function recipientsFingerprint(recipients: readonly RecipientInput[]): string {
  return recipientFingerprint(
    recipients.map((recipient) => ({ field: recipient.field, parsed: parseRecipient(recipient) })),
  );
}

/**
 * Matched on the address as written only: unlike a blocked list, a tag must not widen who may
 * broadcast (`comms+x@` is not let off because `comms@` is).
 */
export function isBroadcaster(sender: string, policy: Policy): boolean {
  const parsed = parseAddress(sender);
  return parsed.valid && matchEntries(policy.broadcasters, [parsed.address]).size > 0;
}

/**
 * What the sender and the signed-in mailbox say about the answers, each parsed once: delivery
 * restrictions are the signed-in mailbox's, trusted only when it is also the sender; and their
 * domains are the organisation's own, as far as this message shows.
 */
function resolveContext(message: MessageInput): ResolveContext {
  const sender = parseAddress(message.sender);
  const signedIn = message.signedIn === undefined ? null : parseAddress(message.signedIn);
  const ownDomains: string[] = [];
  for (const parsed of [sender, signedIn]) if (parsed?.valid) ownDomains.push(domainOf(parsed.address));
  const trustRestrictions =
    sender.valid && signedIn !== null && signedIn.valid && sender.address === signedIn.address;
  return { trustRestrictions, ownDomains };
}

/** Delivery restrictions are the signed-in mailbox's: trusted only when it is also the sender. */
export function sendsAsSignedIn(message: MessageInput): boolean {
  return resolveContext(message).trustRestrictions;
}

/**
 * A broadcaster's blocks become warnings they can acknowledge; everyone else's stay blocks. What is
 * always enforced (an incident: the service desk stopped the thread for everyone) stays a block.
 */
function applyBroadcaster(reasons: readonly Reason[]): Reason[] {
  const softens = (reason: Reason) => reason.verdict === "block" && !isAlwaysEnforced(reason);
  const softened = reasons.map((reason) =>
    softens(reason) ? { ...reason, verdict: "warn" as const } : reason,
  );
  const changed = reasons.some(softens);
  return changed
    ? [...softened, { code: "broadcaster", verdict: "warn", data: {}, addresses: [] }]
    : softened;
}

/**
 * The decision for one message, given what the directory said of its addresses. Pure and
 * synchronous: the same inputs always give the same decision, in well under a millisecond per
 * hundred recipients. The rules apply the sender's policy (its override, if one matches).
 */
export function decide(
  message: MessageInput,
  organisationPolicy: Policy,
  answers: ReadonlyMap<string, DirectoryAnswer>,
  plan: Plan = planMessage(message, organisationPolicy),
): Decision {
  const policy = policyForSender(organisationPolicy, message.sender);
  const context = resolveContext(message);
  const recipients = plan.recipients.map((planned) => resolveRecipient(planned, answers, context));
  const partialFields = [...new Set(message.partialFields ?? [])];
  const figures = measureReach(recipients, partialFields.length > 0);
  const broadcaster = isBroadcaster(message.sender, policy);
  const { conversation, checkedAt, thread } = message;
  let reasons = RULES.flatMap((rule) =>
    rule({ policy, recipients, figures, partialFields, conversation, checkedAt, thread }),
  );
  if (broadcaster) reasons = applyBroadcaster(reasons);
  // What enforcement would say is kept for the header; monitor mode then enforces only the few.
  const wouldBe = mostSevere(reasons.map((reason) => reason.verdict));
  if (policy.mode === "monitor") reasons = monitored(reasons);
  // Most severe first; rules keep their own order within a severity.
  reasons = reasons
    .map((reason, index) => ({ reason, index }))
    .sort((a, b) => SEVERITY[b.reason.verdict] - SEVERITY[a.reason.verdict] || a.index - b.index)
    .map(({ reason }) => reason);
  const verdict = mostSevere(reasons.map((reason) => reason.verdict));
  return {
    verdict,
    reach: figures.reach,
    accuracy: figures.accuracy,
    complete: figures.accuracy !== "incomplete",
    recipients,
    reasons,
    fingerprint: planFingerprint(plan),
    sender: message.sender,
    senderIsBroadcaster: broadcaster,
    acknowledgeable: verdict === "warn",
    mode: policy.mode,
    wouldBe,
  };
}
