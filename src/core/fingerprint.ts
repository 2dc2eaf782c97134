import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { utf8 } from "./bytes";
import type { Field, ParsedAddress } from "./types";

// Binds an acknowledgement to one recipient set, so it must differ whenever the set does and be
// equal for the same set whatever the order or case. A sum of small hashes made collisions cheap
// (two different sets with one fingerprint were found in seconds), so this is SHA-256 over the
// sorted, distinct canonical keys. @noble/hashes rather than crypto.subtle: classic Outlook's
// JavaScript-only runtime does not promise Web Crypto, nor TextEncoder (hence ./bytes).

/** One recipient's place in the set: its field and canonical address, or what identifies it. */
export function fingerprintKey(field: Field, parsed: ParsedAddress): string {
  if (parsed.valid) return `${field}:${parsed.address}`;
  // A personal contact group has no address: its name tells a "Ward team" from an "Entire hospital".
  if (parsed.problem === "contact-group") return `${field}#group:${parsed.displayName}`;
  return `${field}!${parsed.problem}:${parsed.raw.toLowerCase()}`;
}

/** SHA-256 of `text` (UTF-8), as 64 lower-case hex digits. */
export function digest(text: string): string {
  return bytesToHex(sha256(utf8(text)));
}

/**
 * 64 hex digits. The keys are sorted (code-unit order, no locale) and written as a JSON array, so
 * no key can run into the next: `["to:a", "b"]` and `["to:a\", \"b"]` hash differently.
 */
export function fingerprint(keys: readonly string[]): string {
  // Sorted first, then repeats dropped as neighbours: cheaper than a Set of 10,000 keys.
  const sorted = [...keys].sort();
  const distinct = sorted.filter((key, index) => index === 0 || key !== sorted[index - 1]);
  return digest(JSON.stringify(distinct));
}

/** The fingerprint of a message's recipients without resolving anything (cheap, for freshness checks). */
export function recipientFingerprint(recipients: readonly { field: Field; parsed: ParsedAddress }[]): string {
  return fingerprint(recipients.map((recipient) => fingerprintKey(recipient.field, recipient.parsed)));
}
