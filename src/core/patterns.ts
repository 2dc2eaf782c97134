import { parseAddress } from "./addresses";

// Admins write `all-*@example.org` or plain addresses. `*` matches any run of characters, `?` one;
// matching is on the normalised address so case and IDN spelling do not matter.

export interface AddressPattern {
  readonly source: string;
  matches(address: string): boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}

function normalisePattern(pattern: string): string {
  const trimmed = pattern.trim().toLowerCase();
  if (/[*?]/.test(trimmed)) return trimmed;
  const parsed = parseAddress(trimmed);
  return parsed.valid ? parsed.address : trimmed;
}

export function compilePattern(pattern: string): AddressPattern {
  const normalised = normalisePattern(pattern);
  const regex = new RegExp(`^${escapeRegExp(normalised).replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  return { source: pattern, matches: (address) => regex.test(address) };
}

export function firstMatch(patterns: readonly AddressPattern[], address: string): AddressPattern | null {
  return patterns.find((pattern) => pattern.matches(address)) ?? null;
}
