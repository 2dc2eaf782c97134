import { parseAddress } from "./addresses";

// The reach catalogue: every mail-enabled list of the tenant with its size, as `reach-guard scan`
// wrote it on a given day. The scan writes it, the admin hosts it beside policy.json, and the add-in
// reads it so that the lists that matter are known without asking Graph. It is machine-written and
// can hold 100,000 lists, so it is checked by hand in one pass (no schema library walking every
// field of every entry) and read with JSON.parse alone.
//
// One rule above all: a list absent from the catalogue, or present without a size, is not small.
// The catalogue can only add knowledge; it never makes a list smaller than the directory says.

/** What `scan` calls each list: from Graph's groupTypes and the address file of dynamic lists. */
export type CatalogueKind = "distribution" | "security" | "m365" | "dynamic";
export const CATALOGUE_KINDS: readonly CatalogueKind[] = ["distribution", "security", "m365", "dynamic"];

export interface CatalogueList {
  /** Normalised (lower case, ASCII domain), as the core compares addresses. */
  readonly address: string;
  readonly displayName: string;
  readonly kind: CatalogueKind;
  /** Distinct people it reaches, nested lists expanded; null: the scan could not size it. */
  readonly members: number | null;
  /** Members outside the organisation (guests, outside contacts); null: not known. */
  readonly externalMembers: number | null;
  /** ISO 8601 time this list was sized (or tried), UTC. */
  readonly sizedAt: string;
}

export interface Catalogue {
  /** The format's version: readers refuse one they do not know rather than misread it. */
  readonly format: typeof CATALOGUE_FORMAT;
  /** ISO 8601 time the scan finished, UTC. */
  readonly scannedAt: string;
  readonly lists: readonly CatalogueList[];
}

export const CATALOGUE_FORMAT = "reach-guard-catalogue/1";
/** A tenant's lists, with room: larger files are refused as not a catalogue. */
export const MAX_CATALOGUE_LISTS = 500_000;
export const MAX_DISPLAY_NAME = 256;

export class CatalogueError extends Error {
  override readonly name = "CatalogueError";
}

// YYYY-MM-DDTHH:MM:SS(.fff)Z only: the one form the scan writes, comparable as text.
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function isIsoUtc(value: unknown): value is string {
  return typeof value === "string" && ISO_UTC.test(value) && !Number.isNaN(Date.parse(value));
}

/** A number of people: a whole number, zero or more. */
export function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** A count, or null where the scan could not say. */
function isCountOrNull(value: unknown): value is number | null {
  return value === null || isCount(value);
}

/** The problem with one entry, or the entry read; `index` names it in the message. */
function readList(value: unknown, index: number): CatalogueList | string {
  const where = `lists[${index}]`;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return `${where} must be an object`;
  const entry = value as Record<string, unknown>;
  const parsed = typeof entry.address === "string" ? parseAddress(entry.address) : null;
  if (!parsed || !parsed.valid) return `${where}.address must be an email address`;
  const displayName = entry.displayName ?? "";
  if (typeof displayName !== "string" || displayName.length > MAX_DISPLAY_NAME)
    return `${where}.displayName must be text of at most ${MAX_DISPLAY_NAME} characters`;
  if (!CATALOGUE_KINDS.includes(entry.kind as CatalogueKind))
    return `${where}.kind must be one of ${CATALOGUE_KINDS.join(", ")}`;
  const members = entry.members === undefined ? null : entry.members;
  const externalMembers = entry.externalMembers === undefined ? null : entry.externalMembers;
  if (!isCountOrNull(members)) return `${where}.members must be a whole number >= 0, or null when not known`;
  if (!isCountOrNull(externalMembers))
    return `${where}.externalMembers must be a whole number >= 0, or null when not known`;
  if (!isIsoUtc(entry.sizedAt)) return `${where}.sizedAt must be a UTC time such as 2026-11-27T03:00:00Z`;
  return {
    address: parsed.address,
    displayName,
    kind: entry.kind as CatalogueKind,
    members,
    externalMembers,
    sizedAt: entry.sizedAt,
  };
}

/**
 * Reads a parsed catalogue; throws a CatalogueError naming the first problem. An address listed twice
 * keeps its larger size (two scans merged by hand must not shrink a list).
 */
export function parseCatalogue(value: unknown): Catalogue {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new CatalogueError("the catalogue must be a JSON object");
  const document = value as Record<string, unknown>;
  if (document.format !== CATALOGUE_FORMAT)
    throw new CatalogueError(`format must be "${CATALOGUE_FORMAT}" (written by reach-guard scan)`);
  if (!isIsoUtc(document.scannedAt))
    throw new CatalogueError("scannedAt must be a UTC time such as 2026-11-27T03:00:00Z");
  if (!Array.isArray(document.lists)) throw new CatalogueError("lists must be a list of lists");
  if (document.lists.length > MAX_CATALOGUE_LISTS)
    throw new CatalogueError(`lists must hold at most ${MAX_CATALOGUE_LISTS} entries`);
  const byAddress = new Map<string, CatalogueList>();
  for (let index = 0; index < document.lists.length; index++) {
    const list = readList(document.lists[index], index);
    if (typeof list === "string") throw new CatalogueError(list);
    const before = byAddress.get(list.address);
    if (!before || (list.members ?? -1) > (before.members ?? -1)) byAddress.set(list.address, list);
  }
  return { format: CATALOGUE_FORMAT, scannedAt: document.scannedAt, lists: [...byAddress.values()] };
}

/** Parses the text of catalogue.json (a byte order mark allowed). */
export function parseCatalogueText(text: string): Catalogue {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new CatalogueError(`the catalogue is not valid JSON (${(error as Error).message})`);
  }
  return parseCatalogue(value);
}

/**
 * The text of catalogue.json: one list per line, largest first, so that two days' files compare
 * line by line and the lists that matter are at the top.
 */
export function serialiseCatalogue(catalogue: Catalogue): string {
  const lists = [...catalogue.lists].sort(
    (a, b) => (b.members ?? -1) - (a.members ?? -1) || (a.address < b.address ? -1 : 1),
  );
  const lines = lists.map((list) => `    ${JSON.stringify(list)}`);
  return `{\n  "format": ${JSON.stringify(catalogue.format)},\n  "scannedAt": ${JSON.stringify(
    catalogue.scannedAt,
  )},\n  "lists": [\n${lines.join(",\n")}${lines.length ? "\n" : ""}  ]\n}\n`;
}

/** The catalogue by address, for lookups at check time. */
export function catalogueIndex(catalogue: Catalogue): ReadonlyMap<string, CatalogueList> {
  return new Map(catalogue.lists.map((list) => [list.address, list]));
}
