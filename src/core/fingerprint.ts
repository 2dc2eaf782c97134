import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { Field, ParsedAddress } from "./types";

// Binds an acknowledgement to one recipient set, so it must differ whenever the set does and be
// equal for the same set whatever the order or case. A sum of small hashes made collisions cheap
// (two different sets with one fingerprint were found in seconds), so this is SHA-256 over the
// sorted, distinct canonical keys. @noble/hashes rather than crypto.subtle: classic Outlook's
// JavaScript-only runtime does not promise Web Crypto, nor TextEncoder (hence utf8 below).

/** One recipient's place in the set: its field and canonical address, or what identifies it. */
export function fingerprintKey(field: Field, parsed: ParsedAddress): string {
  if (parsed.valid) return `${field}:${parsed.address}`;
  // A personal contact group has no address: its name tells a "Ward team" from an "Entire hospital".
  if (parsed.problem === "contact-group") return `${field}#group:${parsed.displayName}`;
  return `${field}!${parsed.problem}:${parsed.raw.toLowerCase()}`;
}

// Every code unit below 128 (the range starts at NUL on purpose: any ASCII text takes the fast path).
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** UTF-8 bytes of `text`; a lone surrogate becomes U+FFFD, as TextEncoder would write it. */
export function utf8(text: string): Uint8Array {
  // Addresses are nearly always ASCII: one byte per character, no room to spare.
  if (ASCII.test(text)) {
    const ascii = new Uint8Array(text.length);
    for (let index = 0; index < text.length; index++) ascii[index] = text.charCodeAt(index);
    return ascii;
  }
  // At most 3 bytes per UTF-16 unit (a surrogate pair is 2 units for 4 bytes).
  const bytes = new Uint8Array(text.length * 3);
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code < 0x80) {
      bytes[length++] = code;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        index++;
      } else code = 0xfffd;
    } else if (code >= 0xdc00 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x800) {
      bytes[length++] = 0xc0 | (code >> 6);
    } else if (code < 0x10000) {
      bytes[length++] = 0xe0 | (code >> 12);
      bytes[length++] = 0x80 | ((code >> 6) & 0x3f);
    } else {
      bytes[length++] = 0xf0 | (code >> 18);
      bytes[length++] = 0x80 | ((code >> 12) & 0x3f);
      bytes[length++] = 0x80 | ((code >> 6) & 0x3f);
    }
    // Every multi-byte sequence ends with the low six bits.
    bytes[length++] = 0x80 | (code & 0x3f);
  }
  return bytes.subarray(0, length);
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
