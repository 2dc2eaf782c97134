import { parseRecipient } from "./addresses";
import { compilePattern, firstMatch } from "./patterns";
import type { Policy } from "./policy";
import type {
  DirectoryAnswer,
  MessageInput,
  ParsedAddress,
  RecipientInput,
  ResolvedRecipient,
} from "./types";

/** A recipient after parsing and the policy's own check, before the directory is asked. */
export interface PlannedRecipient {
  readonly input: RecipientInput;
  readonly parsed: ParsedAddress;
  /** The blockedAddresses pattern it matches, if any. */
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
  const blocked = policy.blockedAddresses.map(compilePattern);
  const lookups = new Set<string>();
  const policyBlocked = new Set<string>();
  const recipients = message.recipients.map((input): PlannedRecipient => {
    const parsed = parseRecipient(input);
    if (!parsed.valid) return { input, parsed, blockedBy: null };
    lookups.add(parsed.address);
    const match = firstMatch(blocked, parsed.address);
    if (match) policyBlocked.add(parsed.address);
    return { input, parsed, blockedBy: match ? match.source : null };
  });
  return { recipients, lookups: [...lookups], policyBlocked: [...policyBlocked] };
}

const NOTHING = {
  members: null,
  externalMembers: null,
  restricted: false,
  moderated: false,
} as const;

/** Combines a planned recipient with what the directory said of it. */
export function resolveRecipient(
  planned: PlannedRecipient,
  answer: DirectoryAnswer | undefined,
): ResolvedRecipient {
  const { input, parsed, blockedBy } = planned;
  const field = input.field;
  if (!parsed.valid) {
    const contactGroup = parsed.problem === "contact-group";
    return {
      ...NOTHING,
      field,
      address: parsed.raw,
      displayName: parsed.displayName,
      kind: contactGroup ? "unknown" : "invalid",
      source: "none",
      cause: parsed.problem,
      blockedBy: null,
    };
  }
  const base = { ...NOTHING, field, address: parsed.address, displayName: parsed.displayName, blockedBy };
  if (!answer) {
    // Not looked up: only the policy spoke (a blocked address decided without the directory).
    return {
      ...base,
      kind: "unknown",
      source: blockedBy ? "policy" : "none",
      cause: blockedBy ? null : "timeout",
    };
  }
  const { entry, source } = answer;
  switch (entry.kind) {
    case "person":
    case "external":
      return { ...base, kind: entry.kind, source, cause: null };
    case "list":
      return {
        ...base,
        kind: "list",
        source,
        cause: null,
        members: entry.members,
        externalMembers: entry.externalMembers,
        restricted: entry.restricted,
        moderated: entry.moderated,
      };
    case "unknown":
      return { ...base, kind: "unknown", source, cause: entry.cause };
  }
}
