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

export function fingerprint(keys: readonly string[]): string {
  const canonical = Array.from(new Set(keys)).sort().join("\n");
  const high = fnv1a(canonical, 0x811c9dc5).toString(16).padStart(8, "0");
  const low = fnv1a(canonical, 0x050c5d1f).toString(16).padStart(8, "0");
  return `${high}${low}`;
}

/** The fingerprint of a message's recipients without resolving anything (cheap, for freshness checks). */
export function recipientFingerprint(recipients: readonly { field: Field; parsed: ParsedAddress }[]): string {
  return fingerprint(recipients.map((recipient) => fingerprintKey(recipient.field, recipient.parsed)));
}
