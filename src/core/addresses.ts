import { toASCII } from "punycode/";
import type { ParsedAddress, RecipientInput } from "./types";

// Outlook and admins hand over addresses in many shapes. Each is kept and classified: a recipient
// that cannot be read is never dropped, because dropping it would under-count the reach.

const ANGLE = /<([^<>]*)>\s*$/;
const X500 = /^(\/o=|ex:\/o=)/i;
// No look-behind: the event bundle must run on ES2016 engines.
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// RFC 5322 dot-atom for the local part, widened to any non-ASCII letter (RFC 6531, internationalised mail).
const LOCAL_PART = /^[^\s"(),:;<>@[\\\]]+$/;

function unquote(name: string): string {
  const trimmed = name.trim();
  return trimmed.startsWith('"') && trimmed.endsWith('"') && trimmed.length >= 2
    ? trimmed.slice(1, -1).trim()
    : trimmed;
}

const ASCII_ONLY = /^[ -~]*$/;

/** RFC 5321: a path holds at most 256 octets with its brackets, so an address at most 254. */
export const MAX_ADDRESS_LENGTH = 254;
/** RFC 5321 again: a local part holds at most 64 octets (Exchange's aliases too). */
export const MAX_LOCAL_LENGTH = 64;
// What Outlook hands over may carry a display name too; anything longer is refused before any
// pattern runs over it, so a hostile recipient cannot make the parser slow.
const MAX_INPUT_LENGTH = 1024;

/**
 * A quoted local part names the same mailbox as its unquoted form (`"everyone"@x` is `everyone@x`),
 * so it is written unquoted when its content is a plain dot-atom; otherwise it stays quoted, with
 * escapes resolved. Null when the quotes are not well formed.
 */
function unquoteLocal(local: string): string | null {
  let inner = "";
  for (let index = 1; index < local.length - 1; index++) {
    const char = local.charAt(index);
    if (char === '"') return null;
    if (char === "\\") {
      index++;
      if (index >= local.length - 1) return null;
      inner += local.charAt(index);
    } else inner += char;
  }
  if (inner === "") return null;
  if (LOCAL_PART.test(inner) && !inner.startsWith(".") && !inner.endsWith(".")) return inner;
  return /^[ -~]*$/.test(inner) ? `"${inner.replace(/(["\\])/g, "\\$1")}"` : null;
}

/**
 * Exchange Online delivers `name+tag@domain` to `name@domain` (plus addressing): the address without
 * its tag, or null when it has none.
 */
export function untagged(address: string): string | null {
  const at = address.lastIndexOf("@");
  const plus = address.indexOf("+");
  if (address.startsWith('"') || plus <= 0 || plus > at) return null;
  return `${address.slice(0, plus)}${address.slice(at)}`;
}

function asciiDomain(domain: string): string | null {
  let ascii: string;
  // Nearly every domain is ASCII already: Unicode normalisation and punycode only for the rest.
  if (ASCII_ONLY.test(domain)) ascii = domain.toLowerCase();
  else {
    try {
      ascii = toASCII(domain.normalize("NFC").toLowerCase());
    } catch {
      return null;
    }
  }
  if (ascii.endsWith(".")) ascii = ascii.slice(0, -1);
  const labels = ascii.split(".");
  return labels.length > 0 && labels.every((label) => DOMAIN_LABEL.test(label)) ? ascii : null;
}

// The shape of nearly every address Outlook hands over: ASCII, no display name, no brackets. Such an
// address needs no further work beyond lower case, which keeps 10,000 recipients fast.
const PLAIN =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Parses one address as typed by a person or returned by Outlook. */
/** The domain of a normalised address (after its last `@`). */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1);
}

export function parseAddress(input: string, displayName = ""): ParsedAddress {
  const raw = input.trim();
  if (raw.length > MAX_INPUT_LENGTH) {
    return { valid: false, problem: "too-long", raw, displayName: unquote(displayName) };
  }
  if (raw.length <= MAX_ADDRESS_LENGTH && raw.indexOf("@") <= MAX_LOCAL_LENGTH && PLAIN.test(raw)) {
    return { valid: true, address: raw.toLowerCase(), displayName: unquote(displayName) };
  }
  let name = unquote(displayName);
  let candidate = raw;
  const angle = ANGLE.exec(raw);
  if (angle) {
    candidate = (angle[1] ?? "").trim();
    name = name || unquote(raw.slice(0, angle.index));
  }
  candidate = candidate.replace(/^mailto:/i, "").trim();
  const invalid = (problem: Extract<ParsedAddress, { valid: false }>["problem"]): ParsedAddress => ({
    valid: false,
    problem,
    raw,
    displayName: name,
  });

  if (candidate === "") return invalid("empty");
  if (X500.test(candidate)) return invalid("x500");
  const at = candidate.lastIndexOf("@");
  if (at < 0) return invalid("missing-at");
  if (candidate.length > MAX_ADDRESS_LENGTH) return invalid("too-long");
  const quoted = candidate.startsWith('"') && at > 1 && candidate.charAt(at - 1) === '"';
  const local = quoted ? unquoteLocal(candidate.slice(0, at)) : candidate.slice(0, at);
  const domain = asciiDomain(candidate.slice(at + 1));
  if (local === null || !domain) return invalid("malformed");
  const dotAtom = LOCAL_PART.test(local) && !local.startsWith(".") && !local.endsWith(".");
  if (local === "" || !(dotAtom || quoted)) return invalid("malformed");
  if (local.length > MAX_LOCAL_LENGTH) return invalid("too-long");
  // Exchange treats the local part case-insensitively, so one person is one key however it is typed.
  const normalisedLocal = ASCII_ONLY.test(local) ? local.toLowerCase() : local.normalize("NFC").toLowerCase();
  const address = `${normalisedLocal}@${domain}`;
  // Punycode lengthens a domain: the address as it is sent must still fit.
  if (address.length > MAX_ADDRESS_LENGTH) return invalid("too-long");
  return { valid: true, address, displayName: name };
}

/**
 * Outlook's view of a recipient: an empty address with a name, or one Outlook calls a list or
 * `other`, is a personal contact group (it has no address of its own, and may hold anyone).
 */
export function parseRecipient(recipient: RecipientInput): ParsedAddress {
  const parsed = parseAddress(recipient.emailAddress, recipient.displayName ?? "");
  const listLike = recipient.recipientType === "other" || recipient.recipientType === "distributionList";
  if (!parsed.valid && parsed.problem === "empty" && (parsed.displayName !== "" || listLike)) {
    return { ...parsed, problem: "contact-group" };
  }
  return parsed;
}
