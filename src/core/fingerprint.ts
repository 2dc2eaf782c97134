import type { ParsedAddress, Field } from "./types";

// Binds an acknowledgement to one recipient set. Not a security boundary (the sender could always
// forge their own header); it only has to change whenever the recipients do, and be equal for the
// same set whatever the order or case. 64 bits from two FNV-1a variants is plenty for that.

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function fingerprintKey(field: Field, parsed: ParsedAddress): string {
  return parsed.valid ? `${field}:${parsed.address}` : `${field}!${parsed.raw.toLowerCase()}`;
}

/**
 * Each distinct key is hashed on its own and the hashes are added up: addition does not care about
 * order, so no sort is needed (10,000 recipients in a few milliseconds). The count is mixed in so
 * that sets of different sizes differ even if their sums collide.
 */
export function fingerprint(keys: readonly string[]): string {
  const distinct = new Set(keys);
  let high = distinct.size >>> 0;
  let low = Math.imul(distinct.size, 0x9e3779b1) >>> 0;
  for (const key of distinct) {
    high = (high + fnv1a(key, 0x811c9dc5)) >>> 0;
    low = (low + fnv1a(key, 0x050c5d1f)) >>> 0;
  }
  return `${high.toString(16).padStart(8, "0")}${low.toString(16).padStart(8, "0")}`;
}

/** The fingerprint of a message's recipients without resolving anything (cheap, for freshness checks). */
export function recipientFingerprint(recipients: readonly { field: Field; parsed: ParsedAddress }[]): string {
  return fingerprint(recipients.map((recipient) => fingerprintKey(recipient.field, recipient.parsed)));
}
