import { toASCII } from "punycode/";
import { parseAddress } from "./addresses";

// Admins write `all-*@example.org` or plain addresses: `*` matches any run of characters, `?` one,
// on the normalised address, so case and IDN spelling do not matter. This runs on the send path
// before the directory is asked, so it must never be slow: exact entries are one Set lookup, and a
// wildcard pattern is matched by placing its literal segments leftmost, once each, never going
// back (a backtracking regex took a minute on one crafted pattern). With the caps the policy
// schema sets on entries, the work per address is bounded whatever the policy holds.

export const WILDCARDS = /[*?]/;

/** A run of the pattern between two `*`: literal pieces at fixed offsets, `?` in the gaps. */
interface Segment {
  readonly length: number;
  readonly pieces: readonly { readonly offset: number; readonly text: string }[];
}

/** A pattern split at each `*`: the first segment must start the text, the last end it. */
type Glob = readonly Segment[];

function segment(text: string): Segment {
  const pieces: { offset: number; text: string }[] = [];
  let offset = 0;
  for (const piece of text.split("?")) {
    if (piece !== "") pieces.push({ offset, text: piece });
    offset += piece.length + 1;
  }
  // Longest piece first: it is the likeliest to differ, and the one worth searching for.
  pieces.sort((a, b) => b.text.length - a.text.length);
  return { length: text.length, pieces };
}

function glob(pattern: string): Glob {
  return pattern.split("*").map(segment);
}

/** Whether `part` matches `text` at `at`: each literal piece compared whole, `?` skipped. */
function matchesAt(text: string, part: Segment, at: number): boolean {
  if (at < 0 || at + part.length > text.length) return false;
  for (const piece of part.pieces) {
    const start = at + piece.offset;
    // A slice compared whole is several times faster in V8 than startsWith at an offset.
    if (text.slice(start, start + piece.text.length) !== piece.text) return false;
  }
  return true;
}

/** The first place in [from, end) where `part` fits and matches, or -1. */
function find(text: string, part: Segment, from: number, end: number): number {
  const anchor = part.pieces[0];
  if (!anchor) return from + part.length <= end ? from : -1;
  // Jump from one place of the longest piece to the next, never re-reading the text behind.
  for (let at = text.indexOf(anchor.text, from + anchor.offset); at >= 0;) {
    const start = at - anchor.offset;
    if (start + part.length > end) return -1;
    if (matchesAt(text, part, start)) return start;
    at = text.indexOf(anchor.text, at + 1);
  }
  return -1;
}

/**
 * Glob matching without backtracking: with no `*` the pattern must match whole; otherwise the first
 * segment is a prefix, the last a suffix, and each middle one is taken at its leftmost place after
 * the previous. Leftmost is always safe for `*`-separated segments, so one pass decides.
 */
export function globMatches(parts: Glob, text: string): boolean {
  const first = parts[0];
  if (!first) return text === "";
  if (parts.length === 1) return first.length === text.length && matchesAt(text, first, 0);
  const last = parts[parts.length - 1] as Segment;
  if (first.length + last.length > text.length) return false;
  if (!matchesAt(text, last, text.length - last.length) || !matchesAt(text, first, 0)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (let index = 1; index < parts.length - 1; index++) {
    const part = parts[index] as Segment;
    const found = find(text, part, at, end);
    if (found < 0) return false;
    at = found + part.length;
  }
  return true;
}

/** The pattern as addresses are written: lower case, NFC, and an internationalised domain in punycode. */
export function normalisePattern(pattern: string): string {
  const trimmed = pattern.trim();
  if (!WILDCARDS.test(trimmed)) {
    const parsed = parseAddress(trimmed);
    return parsed.valid ? parsed.address : trimmed.toLowerCase();
  }
  const at = trimmed.lastIndexOf("@");
  const local = trimmed.slice(0, at).normalize("NFC").toLowerCase();
  const domain = trimmed.slice(at + 1).normalize("NFC");
  // punycode converts only the labels that need it; a `*` label stays as it is.
  let ascii = domain.toLowerCase();
  if (!/^[ -~]*$/.test(domain)) {
    try {
      ascii = toASCII(domain.toLowerCase());
    } catch {
      // left as written: it will match nothing an address can be
    }
  }
  return `${local}@${ascii.replace(/\.$/, "")}`;
}

export interface AddressMatcher {
  /** The entry (as the admin wrote it) that matches `address`, earliest in the list first, or null. */
  match(address: string): string | null;
}

interface Compiled {
  readonly index: number;
  readonly source: string;
  readonly local: Glob;
  /** Null when the domain is written out (the pattern is filed under it). */
  readonly domain: Glob | null;
}

// Domains whose matching patterns are remembered per matcher; beyond this they are worked out again.
const DOMAIN_MEMO = 1000;

/**
 * One matcher for a list of entries. Exact entries go in a Map. A pattern is split at its `@` (an
 * address has one, so the pattern's `@` can only meet that one): patterns whose domain is written
 * out are filed under it, so an address is tried only against its own domain's patterns, and the
 * few with a wildcard domain have that half matched once per distinct domain. The local part is at
 * most 64 characters, so each try is short.
 */
export function compileMatcher(entries: readonly string[]): AddressMatcher {
  const exact = new Map<string, { index: number; source: string }>();
  const byDomain = new Map<string, Compiled[]>();
  const anyDomain: Compiled[] = [];
  entries.forEach((source, index) => {
    const normalised = normalisePattern(source);
    if (!WILDCARDS.test(normalised)) {
      if (!exact.has(normalised)) exact.set(normalised, { index, source });
      return;
    }
    const at = normalised.lastIndexOf("@");
    const domain = normalised.slice(at + 1);
    const local = glob(normalised.slice(0, at));
    if (WILDCARDS.test(domain)) anyDomain.push({ index, source, local, domain: glob(domain) });
    else {
      const filed = byDomain.get(domain) ?? [];
      filed.push({ index, source, local, domain: null });
      byDomain.set(domain, filed);
    }
  });
  const domainMemo = new Map<string, readonly Compiled[]>();
  const wildDomainsFor = (domain: string): readonly Compiled[] => {
    const known = domainMemo.get(domain);
    if (known) return known;
    const found = anyDomain.filter(
      (pattern) => pattern.domain !== null && globMatches(pattern.domain, domain),
    );
    if (domainMemo.size < DOMAIN_MEMO) domainMemo.set(domain, found);
    return found;
  };

  return {
    match(address) {
      let best = exact.get(address) ?? null;
      const at = address.lastIndexOf("@");
      const local = address.slice(0, at);
      const domain = address.slice(at + 1);
      // Each list is in policy order: stop at the first that matches or comes after the best so far.
      for (const candidates of [
        byDomain.get(domain),
        anyDomain.length ? wildDomainsFor(domain) : undefined,
      ]) {
        if (!candidates) continue;
        for (const pattern of candidates) {
          if (best && pattern.index > best.index) break;
          if (globMatches(pattern.local, local)) {
            best = pattern;
            break;
          }
        }
      }
      return best ? best.source : null;
    },
  };
}

// Policies are read once per event but decided on many times (compose, each recipient change, the
// task pane): compile each list of entries once.
const compiled = new WeakMap<readonly string[], AddressMatcher>();

export function matcherFor(entries: readonly string[]): AddressMatcher {
  let matcher = compiled.get(entries);
  if (!matcher) {
    matcher = compileMatcher(entries);
    compiled.set(entries, matcher);
  }
  return matcher;
}
