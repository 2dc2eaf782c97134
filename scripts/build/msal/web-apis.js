// Stand-ins for web APIs that classic Outlook's JavaScript-only runtime does not promise (atob, btoa,
// TextEncoder, TextDecoder, URL), bound into the MSAL modules that use them (see
// ../msal-event-bundle.js) and never made global. Nested app authentication needs them on every
// token: MSAL decodes the ID token the host returns (base64, UTF-8), and from the second token in a
// runtime it matches cached accounts by authority host (URL). Without them every token would fail.
// They behave as the web platform's do for what MSAL passes them. Nothing here is secret or random:
// it only changes how bytes and addresses are written. CommonJS, so that tests can load it as it is.
"use strict";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const ASCII_WHITESPACE = /[\t\n\f\r ]/g;

function invalidBase64() {
  // What atob throws, so MSAL's own handling of it (a token parsing error) is unchanged.
  const error = new Error("The string to be decoded is not correctly encoded.");
  error.name = "InvalidCharacterError";
  return error;
}

/** Bytes of standard base64 (atob's forgiving rules: whitespace ignored, padding optional). */
function decodeBytes(text) {
  let data = String(text).replace(ASCII_WHITESPACE, "");
  if (data.length % 4 === 0) data = data.replace(/==?$/, "");
  if (data.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(data)) throw invalidBase64();
  const bytes = new Uint8Array(Math.floor((data.length * 3) / 4));
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let index = 0; index < data.length; index++) {
    buffer = (buffer << 6) | ALPHABET.indexOf(data.charAt(index));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[length++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, length);
}

function encodeBytes(bytes) {
  let out = "";
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const bits = (bytes[index] << 16) | (bytes[index + 1] << 8) | bytes[index + 2];
    out +=
      ALPHABET.charAt(bits >> 18) +
      ALPHABET.charAt((bits >> 12) & 63) +
      ALPHABET.charAt((bits >> 6) & 63) +
      ALPHABET.charAt(bits & 63);
  }
  const rest = bytes.length - index;
  if (rest === 1) {
    const bits = bytes[index] << 16;
    out += ALPHABET.charAt(bits >> 18) + ALPHABET.charAt((bits >> 12) & 63) + "==";
  } else if (rest === 2) {
    const bits = (bytes[index] << 16) | (bytes[index + 1] << 8);
    out +=
      ALPHABET.charAt(bits >> 18) +
      ALPHABET.charAt((bits >> 12) & 63) +
      ALPHABET.charAt((bits >> 6) & 63) +
      "=";
  }
  return out;
}

/** UTF-8 bytes of `text`; a lone surrogate becomes U+FFFD, as TextEncoder writes it. */
function utf8Encode(text) {
  const bytes = [];
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        index++;
      } else code = 0xfffd;
    } else if (code >= 0xdc00 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000)
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
  }
  return Uint8Array.from(bytes);
}

/**
 * Text of UTF-8 `bytes` as TextDecoder("utf-8") reads it: a leading byte order mark dropped, each
 * ill-formed sequence (maximal subpart) replaced by one U+FFFD.
 */
function utf8Decode(bytes) {
  let out = "";
  let index = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (index < bytes.length) {
    const first = bytes[index];
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
      const next = index + seen < bytes.length ? bytes[index + seen] : -1;
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

/** atob: base64 to a binary string (one character per byte). */
function atob(data) {
  const bytes = decodeBytes(data);
  let out = "";
  for (let index = 0; index < bytes.length; index++) out += String.fromCharCode(bytes[index]);
  return out;
}

/** btoa: a binary string to base64; a character above U+00FF is refused, as btoa refuses it. */
function btoa(data) {
  const text = String(data);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 0xff) throw invalidBase64();
    bytes[index] = code;
  }
  return encodeBytes(bytes);
}

/** UTF-8 only, as the web platform's TextEncoder. */
class TextEncoder {
  get encoding() {
    return "utf-8";
  }
  encode(input = "") {
    return utf8Encode(String(input));
  }
}

/** UTF-8 only (the one encoding MSAL asks for), not streaming, never fatal. */
class TextDecoder {
  constructor(label = "utf-8") {
    if (!/^\s*(utf-?8|unicode-1-1-utf-8)\s*$/i.test(String(label))) {
      throw new RangeError(`TextDecoder: ${label} is not supported here`);
    }
  }
  get encoding() {
    return "utf-8";
  }
  decode(input) {
    if (input === undefined) return "";
    const bytes = ArrayBuffer.isView(input)
      ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
      : new Uint8Array(input);
    return utf8Decode(bytes);
  }
}

const DEFAULT_PORT = { "http:": 80, "https:": 443 };
// Absolute http(s) addresses in their plain form only: a host of ASCII letters, digits, dots and
// hyphens, an optional port, then path, query and fragment of characters the WHATWG parser keeps as
// they are (no spaces, quotes, angle brackets, braces, backticks, backslashes or non-ASCII).
const PLAIN_URL = new RegExp(
  "^(https?:)//([a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.?)(?::(\\d{1,5}))?" +
    "(/[\\w\\-.~!$&'()*+,;=:@%/]*)?(\\?[\\w\\-.~!$&()*+,;=:@%/?]*)?(#[\\w\\-.~!$&'()*+,;=:@%/?]*)?$",
  "i",
);
const NUMERIC_LABEL = /^(0x[0-9a-f]*|\d+)$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;

function notAUrl(input) {
  return new TypeError(`Invalid URL: ${input}`);
}

/**
 * URL for the addresses MSAL reads (authority hosts): a strict subset of the WHATWG parser. What it
 * accepts it reads exactly as that parser would; anything else (credentials, IP literals other than
 * plain dotted quads, numeric or hex hosts, dot segments, backslashes, spaces, non-ASCII, a base URL,
 * other schemes) is refused as the parser refuses a bad address, so MSAL reports url_parse_error and
 * no token comes, rather than two parsers reading one address two ways. Read-only.
 */
class URL {
  constructor(input, base) {
    const text = String(input);
    if (base !== undefined) throw notAUrl(text);
    const match = PLAIN_URL.exec(text);
    if (!match) throw notAUrl(text);
    const protocol = match[1].toLowerCase();
    const hostname = match[2].toLowerCase();
    const labels = hostname.replace(/\.$/, "").split(".");
    // The WHATWG parser reads a host whose last label is a number as an IPv4 address ("127.1").
    if (NUMERIC_LABEL.test(labels[labels.length - 1]) && !IPV4.test(hostname)) throw notAUrl(text);
    let port = "";
    if (match[3] !== undefined) {
      const number = Number(match[3]);
      if (number > 65535) throw notAUrl(text);
      port = number === DEFAULT_PORT[protocol] ? "" : String(number);
    }
    const pathname = match[4] || "/";
    if (DOT_SEGMENT.test(pathname)) throw notAUrl(text);
    const query = match[5] || "";
    const fragment = match[6] || "";
    const host = port ? `${hostname}:${port}` : hostname;
    const parts = {
      protocol,
      hostname,
      port,
      host,
      origin: `${protocol}//${host}`,
      pathname,
      search: query.length > 1 ? query : "",
      hash: fragment.length > 1 ? fragment : "",
      href: `${protocol}//${host}${pathname}${query}${fragment}`,
      username: "",
      password: "",
    };
    for (const name of Object.keys(parts)) {
      Object.defineProperty(this, name, { value: parts[name], enumerable: true });
    }
  }

  toString() {
    return this.href;
  }

  toJSON() {
    return this.href;
  }
}

module.exports = { atob, btoa, TextEncoder, TextDecoder, URL, utf8Encode, utf8Decode };
