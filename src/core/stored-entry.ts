import { DIRECTORY_FAILURES, type DirectoryEntry, type UnknownCause } from "./types";

// Directory entries read back from storage (the list-size cache, an item's sessionData, the
// remembered outage). Storage is shared with other code and other versions, and may be damaged, so
// what comes back is checked as strictly as anything from outside: a value that is not exactly an
// entry is refused, never repaired, since a repaired size could turn a large list into a small one.

export const UNKNOWN_CAUSES: readonly UnknownCause[] = [
  "count-missing",
  "not-found",
  "contact-group",
  ...DIRECTORY_FAILURES,
];

/**
 * The largest member count believed: 12 digits, far above any real directory (Exchange lists hold
 * at most a few million), so that a damaged value cannot pass as a count.
 */
export const MAX_STORED_COUNT = 999_999_999_999;

/** A stored member count: a whole number from 0 to MAX_STORED_COUNT, or null. */
function readCount(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_STORED_COUNT
    ? value
    : null;
}

/** One of the causes an unknown entry may give, or null. */
export function readCause(value: unknown): UnknownCause | null {
  return typeof value === "string" && (UNKNOWN_CAUSES as readonly string[]).includes(value)
    ? (value as UnknownCause)
    : null;
}

/** The entry `value` holds, rebuilt from its known fields only, or null when it is not one. */
export function readStoredEntry(value: unknown): DirectoryEntry | null {
  if (typeof value !== "object" || value === null) return null;
  const stored = value as Record<string, unknown>;
  switch (stored.kind) {
    case "person":
      return { kind: "person" };
    case "external":
      return { kind: "external" };
    case "unknown": {
      const cause = readCause(stored.cause);
      return cause === null ? null : { kind: "unknown", cause };
    }
    case "list": {
      const members = readCount(stored.members);
      const externalMembers = stored.externalMembers === null ? null : readCount(stored.externalMembers);
      const { restricted, moderated } = stored;
      if (members === null || (stored.externalMembers !== null && externalMembers === null)) return null;
      if (typeof restricted !== "boolean" || typeof moderated !== "boolean") return null;
      return { kind: "list", members, externalMembers, restricted, moderated };
    }
    default:
      return null;
  }
}
