import { parseRecipient } from "../core/addresses";
import type { Field, RecipientInput } from "../core/types";
import type { RecipientEntry } from "../office/compose-item";

// The one-click fixes as plain data: given the draft's recipients, which fields to set and to what.
// Additions come before removals, so that if Outlook refuses half-way a list is in two fields rather
// than in none: the draft never loses a recipient.

export interface FieldEdit {
  readonly field: Field;
  readonly recipients: readonly RecipientEntry[];
}

export interface EditPlan {
  readonly edits: readonly FieldEdit[];
  /** Distinct recipients moved or removed. */
  readonly changed: number;
}

/** The key a decision gives a recipient: its normalised address, or the raw text when it is not one. */
export function recipientKey(input: RecipientInput): string {
  const parsed = parseRecipient(input);
  return parsed.valid ? parsed.address : parsed.raw;
}

function entry(input: RecipientInput): RecipientEntry {
  return { emailAddress: input.emailAddress, displayName: input.displayName ?? "" };
}

function inField(recipients: readonly RecipientInput[], field: Field): RecipientInput[] {
  return recipients.filter((recipient) => recipient.field === field);
}

// A personal contact group has no address (key ""): it cannot be told apart from another, so no fix
// touches it by key.
function targetSet(addresses: readonly string[]): Set<string> {
  return new Set(addresses.filter((address) => address !== ""));
}

export function planRemove(recipients: readonly RecipientInput[], addresses: readonly string[]): EditPlan {
  const targets = targetSet(addresses);
  const removed = new Set<string>();
  const edits: FieldEdit[] = [];
  for (const field of ["to", "cc", "bcc"] as const) {
    const current = inField(recipients, field);
    const kept = current.filter((recipient) => {
      const key = recipientKey(recipient);
      if (!targets.has(key)) return true;
      removed.add(key);
      return false;
    });
    if (kept.length !== current.length) edits.push({ field, recipients: kept.map(entry) });
  }
  return { edits, changed: removed.size };
}

export function planMoveToBcc(recipients: readonly RecipientInput[], addresses: readonly string[]): EditPlan {
  const targets = targetSet(addresses);
  const bcc = inField(recipients, "bcc");
  const inBcc = new Set(bcc.map(recipientKey));
  const added: RecipientInput[] = [];
  const moved = new Set<string>();
  const removals: FieldEdit[] = [];
  for (const field of ["to", "cc"] as const) {
    const current = inField(recipients, field);
    const kept = current.filter((recipient) => {
      const key = recipientKey(recipient);
      if (!targets.has(key)) return true;
      moved.add(key);
      if (!inBcc.has(key)) {
        inBcc.add(key);
        added.push(recipient);
      }
      return false;
    });
    if (kept.length !== current.length) removals.push({ field, recipients: kept.map(entry) });
  }
  const addition: FieldEdit[] =
    added.length > 0 ? [{ field: "bcc", recipients: [...bcc, ...added].map(entry) }] : [];
  return { edits: [...addition, ...removals], changed: moved.size };
}
