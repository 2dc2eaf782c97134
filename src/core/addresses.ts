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

function asciiDomain(domain: string): string | null {
  let ascii: string;
  // Nearly every domain is ASCII already: Unicode normalisation and punycode only for the rest.
  if (ASCII_ONLY.test(domain)) ascii = domain.toLowerCase();
  else {
    try {
      ascii = toASCII(domain.normalize("NFC")).toLowerCase();
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
export function parseAddress(input: string, displayName = ""): ParsedAddress {
  const raw = input.trim();
  if (PLAIN.test(raw)) return { valid: true, address: raw.toLowerCase(), displayName: unquote(displayName) };
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
  const local = candidate.slice(0, at);
  const domain = asciiDomain(candidate.slice(at + 1));
  if (local === "" || !LOCAL_PART.test(local) || local.startsWith(".") || local.endsWith(".") || !domain) {
    return invalid("malformed");
  }
  // Exchange treats the local part case-insensitively, so one person is one key however it is typed.
  const normalisedLocal = ASCII_ONLY.test(local) ? local.toLowerCase() : local.normalize("NFC").toLowerCase();
  return { valid: true, address: `${normalisedLocal}@${domain}`, displayName: name };
}

/** Outlook's view of a recipient: an empty address with a name is a personal contact group. */
export function parseRecipient(recipient: RecipientInput): ParsedAddress {
  const parsed = parseAddress(recipient.emailAddress, recipient.displayName ?? "");
  if (!parsed.valid && parsed.problem === "empty" && parsed.displayName !== "") {
    return { ...parsed, problem: "contact-group" };
  }
  return parsed;
}

/** Splits an admin's comma/semicolon separated list, respecting quoted display names. */
export function splitAddressList(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  let angled = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === "<" && !quoted) angled = true;
    else if (char === ">" && !quoted) angled = false;
    if ((char === "," || char === ";") && !quoted && !angled) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}
