// UTF-8 and base64 without TextEncoder, TextDecoder, atob or btoa, none of which classic Outlook's
// JavaScript-only runtime promises. Written once, for the recipient fingerprint, the `$batch` count
// reader and the stand-ins MSAL is given in the event bundle (scripts/build/msal/web-apis.js).

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const PADDED = /^[A-Za-z0-9+/]+={0,2}$/;
const ASCII_WHITESPACE = /[\t\n\f\r ]/g;

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

/**
 * Text of UTF-8 `bytes` as TextDecoder("utf-8") reads it: a leading byte order mark dropped, each
 * ill-formed sequence (maximal subpart) replaced by one U+FFFD.
 */
export function fromUtf8(bytes: Uint8Array): string {
  let out = "";
  let index = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (index < bytes.length) {
    const first = bytes[index]!;
    if (first < 0x80) {
      out += String.fromCharCode(first);
      index += 1;
      continue;
    }
    let needed = 0;
    let code = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (first >= 0xc2 && first <= 0xdf) {
      needed = 1;
      code = first & 0x1f;
    } else if (first >= 0xe0 && first <= 0xef) {
      needed = 2;
      code = first & 0x0f;
      if (first === 0xe0) lower = 0xa0;
      if (first === 0xed) upper = 0x9f;
    } else if (first >= 0xf0 && first <= 0xf4) {
      needed = 3;
      code = first & 0x07;
      if (first === 0xf0) lower = 0x90;
      if (first === 0xf4) upper = 0x8f;
    } else {
      out += "\ufffd";
      index += 1;
      continue;
    }
    let seen = 1;
    let broken = false;
    for (; seen <= needed; seen++) {
      const next = index + seen < bytes.length ? bytes[index + seen]! : -1;
      if (next < lower || next > upper) {
        broken = true;
        break;
      }
      code = (code << 6) | (next & 0x3f);
      lower = 0x80;
      upper = 0xbf;
    }
    index += seen;
    if (broken) {
      out += "\ufffd";
      continue;
    }
    if (code >= 0x10000) {
      code -= 0x10000;
      out += String.fromCharCode(0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff));
    } else out += String.fromCharCode(code);
  }
  return out;
}

/**
 * Bytes of standard base64, or null when it is not. Strict by default: padded, nothing else, not
 * empty. `forgiving` reads it as atob does: ASCII white space ignored, padding optional.
 */
export function fromBase64(text: string, options: { readonly forgiving?: boolean } = {}): Uint8Array | null {
  let data = text;
  if (options.forgiving) {
    data = data.replace(ASCII_WHITESPACE, "");
    if (data.length % 4 === 0) data = data.replace(/==?$/, "");
  } else {
    if (data.length === 0 || data.length % 4 !== 0 || !PADDED.test(data)) return null;
    data = data.replace(/==?$/, "");
  }
  if (data.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(data)) return null;
  const bytes = new Uint8Array(Math.floor((data.length * 3) / 4));
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let index = 0; index < data.length; index++) {
    buffer = ((buffer << 6) | ALPHABET.indexOf(data.charAt(index))) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[length++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, length);
}

/** Standard base64, padded, of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  let out = "";
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const bits = (bytes[index]! << 16) | (bytes[index + 1]! << 8) | bytes[index + 2]!;
    out +=
      ALPHABET.charAt(bits >> 18) +
      ALPHABET.charAt((bits >> 12) & 63) +
      ALPHABET.charAt((bits >> 6) & 63) +
      ALPHABET.charAt(bits & 63);
  }
  const rest = bytes.length - index;
  if (rest === 1) {
    const bits = bytes[index]! << 16;
    out += ALPHABET.charAt(bits >> 18) + ALPHABET.charAt((bits >> 12) & 63) + "==";
  } else if (rest === 2) {
    const bits = (bytes[index]! << 16) | (bytes[index + 1]! << 8);
    out +=
      ALPHABET.charAt(bits >> 18) +
      ALPHABET.charAt((bits >> 12) & 63) +
      ALPHABET.charAt((bits >> 6) & 63) +
      "=";
  }
  return out;
}
