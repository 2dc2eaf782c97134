import { toASCII } from "punycode/";
import { parseAddress } from "./addresses";

// Admins write `all-*@example.org` or plain addresses: `*` matches any run of characters, `?` one,
// on the normalised address, so case and IDN spelling do not matter. This runs on the send path
// before the directory is asked, so it must never be slow: exact entries cost one lookup each, and a
// wildcard pattern is matched by placing its literal segments leftmost, once each, never going
// back (a backtracking regex took a minute on one crafted pattern). With the caps the policy
// schema sets on entries, the work is bounded whatever the policy holds (npm run bench).

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
    const last = piece.text.length - 1;
    // Most misses show at a piece's ends: two characters read before a slice is made.
    if (
      text.charCodeAt(start) !== piece.text.charCodeAt(0) ||
      text.charCodeAt(start + last) !== piece.text.charCodeAt(last)
    ) {
      return false;
    }
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

// Nearly every entry is plain ASCII with nothing the parser would rewrite but case (no quotes,
// brackets, "mailto:", trailing dot or non-ASCII): its normal form is its lower case, whether the
// parser would call it valid or not. The full parse is kept for the rest.
const PLAIN_ENTRY = /^[A-Za-z0-9!#$%&'+/=^_`{|}~.-]+@[A-Za-z0-9.-]*[A-Za-z0-9]$/;

export function normaliseEntry(entry: string): string {
  return PLAIN_ENTRY.test(entry) ? entry.toLowerCase() : normalisePattern(entry);
}

interface Pattern {
  readonly index: number;
  readonly source: string;
  readonly local: Glob;
  /** Null when the domain is written out: then it must equal the address's domain. */
  readonly domain: Glob | null;
  readonly literalDomain: string;
}

function pattern(source: string, index: number): Pattern {
  const normalised = normalisePattern(source);
  const at = normalised.lastIndexOf("@");
  const domain = normalised.slice(at + 1);
  const wild = WILDCARDS.test(domain);
  return {
    index,
    source,
    local: glob(normalised.slice(0, at)),
    domain: wild ? glob(domain) : null,
    literalDomain: wild ? "" : domain,
  };
}

/**
 * Which entry of a policy list matches each of `addresses` (normalised), earliest entry first.
 *
 * This runs at every send, before the directory is asked, with a freshly read policy, so it is one
 * pass over the entries: each exact entry is normalised and looked up among the addresses (a set of
 * thousands at most, where a compiled index of the entries would hash all 10,000 of them), and each
 * pattern, of which the schema allows few, is tried against the addresses of its domain. A pattern
 * is split at its `@` (an address has one, so the pattern's `@` can only meet that one), and the
 * local part of an address is at most 64 characters, so each try is short.
 */
export function matchEntries(entries: readonly string[], addresses: readonly string[]): Map<string, string> {
  if (entries.length === 0) return new Map();
  const wanted = new Set(addresses);
  // A plain entry keeps its length when normalised (lower case): one whose length no address has
  // cannot match, and is passed over before any string is made or hashed.
  const lengths = new Set<number>();
  for (const address of wanted) lengths.add(address.length);
  const found = new Map<string, { index: number; source: string }>();
  const patterns: Pattern[] = [];
  for (let index = 0; index < entries.length; index++) {
    const source = entries[index] as string;
    if (source.indexOf("*") >= 0 || source.indexOf("?") >= 0) {
      patterns.push(pattern(source, index));
      continue;
    }
    const plain = PLAIN_ENTRY.test(source);
    if (plain && !lengths.has(source.length)) continue;
    const normalised = plain ? source.toLowerCase() : normalisePattern(source);
    if (wanted.has(normalised) && !found.has(normalised)) found.set(normalised, { index, source });
  }
  if (patterns.length > 0) {
    // Patterns filed by the domain they name; those with a wildcard domain are matched against
    // each distinct domain once.
    const byDomain = new Map<string, Pattern[]>();
    const wildDomain: Pattern[] = [];
    for (const candidate of patterns) {
      if (candidate.domain !== null) wildDomain.push(candidate);
      else {
        const filed = byDomain.get(candidate.literalDomain);
        if (filed) filed.push(candidate);
        else byDomain.set(candidate.literalDomain, [candidate]);
      }
    }
    const domainFits = new Map<string, Pattern[]>();
    for (const address of wanted) {
      const at = address.lastIndexOf("@");
      const local = address.slice(0, at);
      const domain = address.slice(at + 1);
      let wild = domainFits.get(domain);
      if (!wild) {
        wild = wildDomain.filter((candidate) => globMatches(candidate.domain as Glob, domain));
        domainFits.set(domain, wild);
      }
      const best = found.get(address);
      let first = best ? best.index : Number.POSITIVE_INFINITY;
      let match: Pattern | null = null;
      // Each list is in policy order: stop at the first match or at an entry after the best so far.
      for (const candidates of [byDomain.get(domain), wild]) {
        if (!candidates) continue;
        for (const candidate of candidates) {
          if (candidate.index > first) break;
          if (globMatches(candidate.local, local)) {
            match = candidate;
            first = candidate.index;
            break;
          }
        }
      }
      if (match) found.set(address, match);
    }
  }
  const sources = new Map<string, string>();
  for (const [address, match] of found) sources.set(address, match.source);
  return sources;
}
