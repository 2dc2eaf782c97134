// Stand-ins for web APIs that classic Outlook's JavaScript-only runtime does not promise (atob, btoa,
// TextEncoder, TextDecoder, URL), bound into the MSAL modules that use them (see
// ../msal-event-bundle.js) and never made global. Nested app authentication needs them on every
// token: MSAL decodes the ID token the host returns (base64, UTF-8), and from the second token in a
// runtime it matches cached accounts by authority host (URL). Without them every token would fail.
// They behave as the web platform's do for what MSAL passes them. Nothing here is secret or random:
// it only changes how bytes and addresses are written. CommonJS, so that tests can load it as it is.
"use strict";

const { fromBase64, fromUtf8, toBase64, utf8 } = require("../../../src/core/bytes");

function invalidBase64() {
  // What atob throws, so MSAL's own handling of it (a token parsing error) is unchanged.
  const error = new Error("The string to be decoded is not correctly encoded.");
  error.name = "InvalidCharacterError";
  return error;
}

/** atob: base64 to a binary string (one character per byte). */
function atob(data) {
  const bytes = fromBase64(String(data), { forgiving: true });
  if (bytes === null) throw invalidBase64();
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
  return toBase64(bytes);
}

/** UTF-8 only, as the web platform's TextEncoder. */
class TextEncoder {
  get encoding() {
    return "utf-8";
  }
  encode(input = "") {
    return utf8(String(input));
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
    return fromUtf8(bytes);
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

module.exports = { atob, btoa, TextEncoder, TextDecoder, URL };
