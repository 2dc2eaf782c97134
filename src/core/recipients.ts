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

/** Combines a planned recipient with what the directory said of it. */
export function resolveRecipient(
  planned: PlannedRecipient,
  answer: DirectoryAnswer | undefined,
): ResolvedRecipient {
  const { input, parsed, blockedBy } = planned;
  const field = input.field;
  if (!parsed.valid) {
    const kind = parsed.problem === "contact-group" ? "unknown" : "invalid";
    return recipient(field, parsed.raw, parsed.displayName, kind, "none", parsed.problem, null);
  }
  const { address, displayName } = parsed;
  if (!answer) {
    // Not looked up: only the policy spoke (a blocked address decided without the directory).
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
    case "list":
      return recipient(field, address, displayName, "list", source, null, blockedBy, entry);
    case "unknown":
      return recipient(field, address, displayName, "unknown", source, entry.cause, blockedBy);
  }
}
