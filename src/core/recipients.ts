import { domainOf, parseRecipient, untagged } from "./addresses";
import { matchEntries } from "./patterns";
import type { Policy } from "./policy";
import {
  DIRECTORY_FAILURES,
  type DirectoryAnswer,
  type MessageInput,
  type ParsedAddress,
  type RecipientInput,
  type ResolvedRecipient,
  type UnknownCause,
} from "./types";

/** A recipient after parsing and the policy's own check, before the directory is asked. */
export interface PlannedRecipient {
  readonly input: RecipientInput;
  readonly parsed: ParsedAddress;
  /** The address without its plus-addressing tag (`name+tag@x` -> `name@x`), when it has one. */
  readonly untagged: string | null;
  /** The blockedAddresses pattern it matches, as written or without its tag, if any. */
  readonly blockedBy: string | null;
}

export interface Plan {
  readonly recipients: readonly PlannedRecipient[];
  /** Distinct valid addresses, in first-seen order: what the directory must resolve. */
  readonly lookups: readonly string[];
  /** Distinct addresses the policy blocks on its own. */
  readonly policyBlocked: readonly string[];
}

export function planMessage(message: MessageInput, policy: Policy): Plan {
  const parsed = message.recipients.map((input) => {
    const address = parseRecipient(input);
    return { input, parsed: address, bare: address.valid ? untagged(address.address) : null };
  });
  const lookups = new Set<string>();
  const tagless = new Set<string>();
  for (const { parsed: address, bare } of parsed) {
    if (!address.valid) continue;
    lookups.add(address.address);
    if (bare) tagless.add(bare);
  }
  // Exchange delivers everyone+x@ to everyone@: the tag must not hide a blocked list.
  const blocked = matchEntries(policy.blockedAddresses, [...lookups, ...tagless]);
  const policyBlocked = new Set<string>();
  const recipients = parsed.map(({ input, parsed: address, bare }): PlannedRecipient => {
    if (!address.valid) return { input, parsed: address, untagged: null, blockedBy: null };
    const match = blocked.get(address.address) ?? (bare ? blocked.get(bare) : undefined) ?? null;
    if (match) policyBlocked.add(address.address);
    return { input, parsed: address, untagged: bare, blockedBy: match };
  });
  // The untagged forms are asked too, after the addresses as written: a tagged address the directory
  // does not know takes the size of the mailbox or list it is delivered to.
  for (const bare of tagless) lookups.add(bare);
  return { recipients, lookups: [...lookups], policyBlocked: [...policyBlocked] };
}

/**
 * Every resolved recipient is built here with the same fields in the same order: one object shape
 * keeps the 10,000-recipient decision fast (spreads made objects of many shapes).
 */
function recipient(
  field: ResolvedRecipient["field"],
  address: string,
  displayName: string,
  kind: ResolvedRecipient["kind"],
  source: ResolvedRecipient["source"],
  cause: ResolvedRecipient["cause"],
  blockedBy: string | null,
  list: Extract<DirectoryAnswer["entry"], { kind: "list" }> | null = null,
): ResolvedRecipient {
  return {
    field,
    address,
    displayName,
    kind,
    members: list ? list.members : null,
    externalMembers: list ? list.externalMembers : null,
    source,
    cause,
    blockedBy,
    restricted: list ? list.restricted : false,
    moderated: list ? list.moderated : false,
  };
}

export interface ResolveContext {
  /**
   * The sender is the mailbox the directory answered for. MailTips judge delivery restrictions for
   * the signed-in mailbox; a shared or delegated From address may post where it may not, so a
   * restricted list only bounces (and is not counted) when the two are the same.
   */
  readonly trustRestrictions: boolean;
  /**
   * The domains of the sender and the signed-in mailbox. Outlook calls an address `externalUser`
   * when Exchange does not know it; on the organisation's own domain that contradicts itself (a
   * list typed by hand and not yet resolved, say), so there it is not taken as a person.
   */
  readonly ownDomains: readonly string[];
}

/**
 * When the directory cannot answer, Outlook's own reading of a recipient is what is left: its
 * address book resolved `user` and `externalUser` entries as individual people (lists come back as
 * `distributionList` or `other`, never as `user`). Such a recipient counts as one person, so that
 * ordinary mail stays quiet while Graph is down, throttled or out of reach; anything else may be a
 * list and keeps the directory failure, with the policy's directoryUnavailable verdict.
 */
function vouchedKind(
  planned: PlannedRecipient,
  cause: UnknownCause,
  context: ResolveContext,
): "person" | "external" | null {
  if (!DIRECTORY_FAILURES.includes(cause) || !planned.parsed.valid) return null;
  const type = planned.input.recipientType;
  if (type === "user") return "person";
  if (type !== "externalUser") return null;
  return context.ownDomains.includes(domainOf(planned.parsed.address)) ? null : "external";
}

/** What the directory said of the address, or of its untagged form when it did not know the tagged one. */
function answerFor(
  planned: PlannedRecipient,
  answers: ReadonlyMap<string, DirectoryAnswer>,
): DirectoryAnswer | undefined {
  if (!planned.parsed.valid) return undefined;
  const answer = answers.get(planned.parsed.address);
  if (!planned.untagged || !answer || answer.entry.kind !== "unknown" || answer.entry.cause !== "not-found") {
    return answer;
  }
  const bare = answers.get(planned.untagged);
  return bare && bare.entry.kind !== "unknown" ? bare : answer;
}

/** Combines a planned recipient with what the directory said of it. */
export function resolveRecipient(
  planned: PlannedRecipient,
  answers: ReadonlyMap<string, DirectoryAnswer>,
  context: ResolveContext,
): ResolvedRecipient {
  const { input, parsed, blockedBy } = planned;
  const field = input.field;
  if (!parsed.valid) {
    const kind = parsed.problem === "contact-group" ? "unknown" : "invalid";
    return recipient(field, parsed.raw, parsed.displayName, kind, "none", parsed.problem, null);
  }
  const { address, displayName } = parsed;
  const answer = answerFor(planned, answers);
  if (!answer) {
    // Not looked up: only the policy spoke (a blocked address decided without the directory).
    const vouched = blockedBy ? null : vouchedKind(planned, "timeout", context);
    if (vouched) return recipient(field, address, displayName, vouched, "outlook", null, null);
    return recipient(
      field,
      address,
      displayName,
      "unknown",
      blockedBy ? "policy" : "none",
      blockedBy ? null : "timeout",
      blockedBy,
    );
  }
  const { entry, source } = answer;
  switch (entry.kind) {
    case "person":
    case "external":
      return recipient(field, address, displayName, entry.kind, source, null, blockedBy);
    case "list": {
      const list = entry.restricted && !context.trustRestrictions ? { ...entry, restricted: false } : entry;
      const resolved = recipient(field, address, displayName, "list", source, null, blockedBy, list);
      // Only the catalogue's sizes carry a date (when the scan sized them): rare, so a shape apart.
      return answer.sizedAt === undefined ? resolved : { ...resolved, sizedAt: answer.sizedAt };
    }
    case "unknown": {
      const vouched = vouchedKind(planned, entry.cause, context);
      if (vouched) return recipient(field, address, displayName, vouched, "outlook", null, blockedBy);
      return recipient(field, address, displayName, "unknown", source, entry.cause, blockedBy);
    }
  }
}
