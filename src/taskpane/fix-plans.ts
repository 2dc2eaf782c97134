import { parseRecipient } from "../core/addresses";
import { FIELDS, type Field, type RecipientInput } from "../core/types";
import type { RecipientEntry } from "../office/compose-item";
import { isContactGroup } from "../office/outlook-rules";

// The one-click fixes as plain data: given the draft's recipients, which fields to change and how.
// Additions come before removals, and are made with addAsync, which leaves what a field holds alone,
// so that if Outlook refuses half-way a list is in two fields rather than in none: the draft never
// loses a recipient. A field is rewritten (setAsync) only to take recipients out of it, and never
// when Outlook cannot give it back whole: when it holds a personal contact group (no address, so
// setAsync refuses it with error 5010) or when it reached getAsync's cap (recipients Outlook did
// not list would be dropped). A recipient in such a field is left where it is, and the plan says so.

export interface FieldEdit {
  readonly field: Field;
  /** `set` replaces the field with `recipients`; `add` appends them. */
  readonly mode: "set" | "add";
  readonly recipients: readonly RecipientEntry[];
}

/** Why a field cannot be rewritten. */
export type LockReason = "contact-group" | "at-cap";

export interface LockedField {
  readonly field: Field;
  readonly reason: LockReason;
}

export interface EditPlan {
  readonly edits: readonly FieldEdit[];
  /** Distinct recipients moved or removed. */
  readonly changed: number;
  /** Fields the fix would have changed but left as they were, and why. */
  readonly locked: readonly LockedField[];
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

/**
 * Fields that must not be rewritten. `cap`: most recipients Outlook lists per field (ComposeItem.
 * recipientCap); a field holding that many may hold more.
 */
export function lockedFields(recipients: readonly RecipientInput[], cap: number): Map<Field, LockReason> {
  const locked = new Map<Field, LockReason>();
  for (const field of FIELDS) {
    const current = inField(recipients, field);
    if (current.some(isContactGroup)) locked.set(field, "contact-group");
    else if (cap > 0 && current.length >= cap) locked.set(field, "at-cap");
  }
  return locked;
}

/**
 * The targets that can be taken out of every field in `fields` that holds them; a target also in a
 * locked field is left everywhere (taking it out of one field would not take it out of the message).
 */
function removable(
  recipients: readonly RecipientInput[],
  fields: readonly Field[],
  targets: ReadonlySet<string>,
  locks: ReadonlyMap<Field, LockReason>,
): { keys: Set<string>; locked: LockedField[] } {
  const keys = new Set<string>();
  const held = new Set<string>();
  const lockedFields = new Map<Field, LockReason>();
  for (const recipient of recipients) {
    if (!fields.includes(recipient.field)) continue;
    const key = recipientKey(recipient);
    if (!targets.has(key)) continue;
    const lock = locks.get(recipient.field);
    if (lock) {
      held.add(key);
      lockedFields.set(recipient.field, lock);
    } else keys.add(key);
  }
  for (const key of held) keys.delete(key);
  return { keys, locked: [...lockedFields].map(([field, reason]) => ({ field, reason })) };
}

function removals(
  recipients: readonly RecipientInput[],
  fields: readonly Field[],
  keys: ReadonlySet<string>,
): FieldEdit[] {
  const edits: FieldEdit[] = [];
  for (const field of fields) {
    const current = inField(recipients, field);
    const kept = current.filter((recipient) => !keys.has(recipientKey(recipient)));
    if (kept.length !== current.length) edits.push({ field, mode: "set", recipients: kept.map(entry) });
  }
  return edits;
}

export function planRemove(
  recipients: readonly RecipientInput[],
  addresses: readonly string[],
  cap = 0,
): EditPlan {
  const { keys, locked } = removable(recipients, FIELDS, targetSet(addresses), lockedFields(recipients, cap));
  return { edits: removals(recipients, FIELDS, keys), changed: keys.size, locked };
}

export function planMoveToBcc(
  recipients: readonly RecipientInput[],
  addresses: readonly string[],
  cap = 0,
): EditPlan {
  const visible: readonly Field[] = ["to", "cc"];
  const { keys, locked } = removable(
    recipients,
    visible,
    targetSet(addresses),
    lockedFields(recipients, cap),
  );
  const inBcc = new Set(inField(recipients, "bcc").map(recipientKey));
  const added: RecipientInput[] = [];
  for (const recipient of recipients) {
    if (!visible.includes(recipient.field)) continue;
    const key = recipientKey(recipient);
    if (!keys.has(key) || inBcc.has(key)) continue;
    inBcc.add(key);
    added.push(recipient);
  }
  // Appended, never rewritten: Bcc keeps whatever it holds, contact groups and unlisted entries too.
  const addition: FieldEdit[] =
    added.length > 0 ? [{ field: "bcc", mode: "add", recipients: added.map(entry) }] : [];
  return { edits: [...addition, ...removals(recipients, visible, keys)], changed: keys.size, locked };
}
