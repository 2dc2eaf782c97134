import { parseAddress } from "../core/addresses";
import { CATALOGUE_FORMAT, isCount } from "../core/catalogue";
import type { Policy } from "../core/policy";
import type { CatalogueSize } from "../check/evaluate";
import type { KeyValueStore } from "../storage/port";

// The admin's reach catalogue (catalogue.json, written by `reach-guard scan`), read from the
// add-in's host beside policy.json. The policy is read at every compose check, since an incident's
// blocked address must reach drafts at once; the catalogue changes once a day and may be 20 MB, so it
// is fetched at most every CATALOGUE_REFRESH_MINUTES at compose, in the background (it never holds a
// check), and the send uses the copy kept in the store only.
//
// The kept copy holds only what can change a decision. A list absent from the catalogue is treated as
// not known (the directory's answer, or the policy's verdict for an unknown size), never as small, so
// dropping a list from the copy can only make the add-in ask Graph or apply that verdict: it can never
// let a large list through. So the copy keeps the lists at or above the lowest threshold the policy
// warns at, and those with members outside the organisation, largest first, within a budget of
// characters: classic Outlook's OfficeRuntime.storage holds 10 MB for everything, the web's
// localStorage 5 MB, and every send (a cold start in classic Outlook) reads and parses the copy.

/** The kept copy, and when the last refresh was tried (with what it found wrong). */
export const CATALOGUE_KEY = "catalogue:v1";
export const CATALOGUE_CHECKED_KEY = "catalogue:checked:v1";

/**
 * The largest catalogue.json read, in characters. The scan writes about 200 characters per list, so
 * 100,000 lists are about 20 MB; 30 MB leaves room for long names and growth. A larger file is
 * refused rather than downloaded and parsed by every Outlook at compose: the admin hears of it.
 */
export const MAX_CATALOGUE_CHARS = 30_000_000;
/** The kept copy's budget: a tenth of OfficeRuntime.storage, a fifth of localStorage; ~15,000 lists. */
export const KEPT_CATALOGUE_CHARS = 1_000_000;
/** Refreshed at compose at most this often: the scan runs daily. */
export const CATALOGUE_REFRESH_MINUTES = 360;
/** Downloading and parsing may take this long at compose; it holds no check. */
export const CATALOGUE_TIMEOUT_MS = 8000;
/** When the policy now warns below what the copy kept, it is fetched again, but not more often than this. */
const FLOOR_RETRY_MINUTES = 5;

/** The catalogue as the checks use it: sizes by normalised address. */
export interface KeptCatalogue {
  /** When the scan finished (ISO 8601, UTC). */
  readonly scannedAt: string;
  readonly lists: ReadonlyMap<string, CatalogueSize>;
  /** The policy's lowest threshold when the copy was made: smaller lists were left out (see above). */
  readonly floor: number;
}

export interface CheckedRecord {
  readonly at: number;
  readonly problem: string | null;
}

/**
 * The lowest reach at which the policy may speak, for any sender (an override may warn lower than
 * the organisation does): lists below it alone cannot make it warn.
 */
export function keepFloor(policy: Policy): number {
  let floor = Math.min(policy.warnAt, policy.blockAt);
  policy.senders.forEach((sender) => {
    floor = Math.min(floor, sender.warnAt ?? floor, sender.blockAt ?? floor);
  });
  return floor;
}

/** The scan's entries are objects; only these fields are read. */
interface Entry {
  readonly address?: unknown;
  readonly members?: unknown;
  readonly externalMembers?: unknown;
  readonly sizedAt?: unknown;
}

/** [address, members, externalMembers, sizedAt]: a row of the kept copy. */
type Row = [string, number, number | null, string];

/** The row for an entry that can matter, or null: one not understood is left out, which is safe. */
function rowOf(value: unknown, floor: number): Row | null {
  if (typeof value !== "object" || value === null) return null;
  const entry = value as Entry;
  const externalMembers = entry.externalMembers === undefined ? null : entry.externalMembers;
  if (!isCount(entry.members) || !(externalMembers === null || isCount(externalMembers))) return null;
  if (entry.members < floor && !externalMembers) return null;
  if (!isUtcTime(entry.sizedAt) || typeof entry.address !== "string") return null;
  const parsed = parseAddress(entry.address);
  return parsed.valid ? [parsed.address, entry.members, externalMembers, entry.sizedAt] : null;
}

/**
 * The kept copy's text from catalogue.json's: the lists that can matter, largest first, within the
 * budget. Throws when the file is not a catalogue. Entries are read leniently, not refused one by one
 * as core/catalogue.ts does for `reach-guard check --catalogue`: an entry not understood is simply
 * not kept (absence never means small), and the event bundle has no room for a second set of messages.
 */
export function keptCopyText(text: string, floor: number, budget = KEPT_CATALOGUE_CHARS): string {
  const document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as {
    format?: unknown;
    scannedAt?: unknown;
    lists?: unknown;
  } | null;
  if (
    document?.format !== CATALOGUE_FORMAT ||
    !isUtcTime(document.scannedAt) ||
    !Array.isArray(document.lists)
  )
    throw new Error(`not a ${CATALOGUE_FORMAT} file`);
  const rows: Row[] = [];
  for (const entry of document.lists as unknown[]) {
    const row = rowOf(entry, floor);
    if (row) rows.push(row);
  }
  rows.sort((a, b) => b[1] - a[1]);
  const head = `{"v":1,"scannedAt":${JSON.stringify(document.scannedAt)},"floor":${floor},"lists":[`;
  const kept: string[] = [];
  let used = head.length + 2;
  for (const row of rows) {
    const written = JSON.stringify(row);
    // Largest first: what the budget leaves out is smaller than everything kept.
    if (used + written.length + 1 > budget) break;
    used += written.length + 1;
    kept.push(written);
  }
  return `${head}${kept.join(",")}]}`;
}

/**
 * The scan's form of a time (core/catalogue.ts). Its shape only: this runs on every row at each send,
 * and a date that does not parse shows no day beside its size (present/size-source.ts).
 */
function isUtcTime(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value);
}

/**
 * The kept copy read back, or null. Storage may be damaged: a row that is not exactly a row is left
 * out, which is safe (absence never means small); a copy that is not ours at all is ignored.
 */
export function readKeptCopy(text: string | null): KeptCatalogue | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (raw.v !== 1 || typeof raw.scannedAt !== "string" || !Array.isArray(raw.lists) || !isCount(raw.floor))
      return null;
    const lists = new Map<string, CatalogueSize>();
    for (const row of raw.lists as unknown[]) {
      if (!Array.isArray(row) || row.length !== 4) continue;
      const [address, members, externalMembers, sizedAt] = row as unknown[];
      if (typeof address !== "string" || !isCount(members) || !isUtcTime(sizedAt)) continue;
      if (externalMembers !== null && !isCount(externalMembers)) continue;
      // Rows are largest first: an address written twice keeps its larger size.
      if (!lists.has(address)) lists.set(address, { members, externalMembers, sizedAt });
    }
    return { scannedAt: raw.scannedAt, lists, floor: raw.floor };
  } catch {
    return null;
  }
}

function readChecked(text: string | null): CheckedRecord | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (typeof raw.at !== "number") return null;
    return { at: raw.at, problem: typeof raw.problem === "string" ? raw.problem : null };
  } catch {
    return null;
  }
}

/** Fetches a file's text within a time and size limit (src/app/settings.ts, shared with policy.json). */
export type FetchText = (url: string, maxChars: number) => Promise<string>;

export interface CatalogueSourceOptions {
  /** The add-in's host, absolute, without a trailing slash. */
  readonly base: string;
  readonly store: KeyValueStore;
  readonly fetchText: FetchText;
  readonly now: () => number;
}

/** The kept copy, for the send: the store only, never the host. */
export function keptCatalogue(store: KeyValueStore): Promise<KeptCatalogue | null> {
  return store.get(CATALOGUE_KEY).then(readKeptCopy, () => null);
}

export interface ComposeCatalogue {
  readonly catalogue: KeptCatalogue | null;
  /** What the admin should hear of catalogue.json: the last refresh's problem. */
  readonly problems: readonly string[];
  /** A refresh started now, settling (never rejecting) when it is done; null when none was due. */
  readonly refresh: Promise<void> | null;
}

/** What the store holds of the catalogue, read at compose beside the policy. */
export interface StoredCatalogueState {
  readonly catalogue: KeptCatalogue | null;
  readonly checked: CheckedRecord | null;
}

export function readCatalogueState(store: KeyValueStore): Promise<StoredCatalogueState> {
  return Promise.all([
    keptCatalogue(store),
    store.get(CATALOGUE_CHECKED_KEY).then(readChecked, () => null),
  ]).then(([catalogue, checked]) => ({ catalogue, checked }));
}

/**
 * At compose: the kept copy at once, and a refresh in the background when one is due (never
 * awaited here, so the check waits for the policy alone).
 */
export function composeCatalogue(
  options: CatalogueSourceOptions,
  { catalogue, checked }: StoredCatalogueState,
  policy: Policy,
): ComposeCatalogue {
  const now = options.now();
  const problems: string[] = [];
  if (checked?.problem) problems.push(checked.problem);
  const floor = keepFloor(policy);
  const since = checked === null ? Number.POSITIVE_INFINITY : now - checked.at;
  const due =
    since < 0 ||
    since >= CATALOGUE_REFRESH_MINUTES * 60_000 ||
    (catalogue !== null && catalogue.floor > floor && since >= FLOOR_RETRY_MINUTES * 60_000);
  return {
    catalogue,
    problems,
    refresh: due ? refreshCatalogue(options, floor, { catalogue, checked }) : null,
  };
}

/** What to say when the host's catalogue could not be used, naming the copy still in force. */
function problemWith(what: string, kept: KeptCatalogue | null): string {
  return `catalogue.json ${what}; ${kept ? `the copy of ${kept.scannedAt} stays in use` : "none in use"}`;
}

/**
 * Reads catalogue.json from the host and keeps what matters. A missing file (404) is normal (no
 * catalogue hosted) and withdraws the kept copy, so that an admin can stop using one; a broken,
 * oversized or unreachable file leaves the kept copy in force and is reported. Never rejects.
 */
export async function refreshCatalogue(
  options: CatalogueSourceOptions,
  floor: number,
  { catalogue: kept, checked }: StoredCatalogueState,
): Promise<void> {
  const { store } = options;
  const mark = (problem: string | null) =>
    store.set(CATALOGUE_CHECKED_KEY, JSON.stringify({ at: options.now(), problem })).catch(() => undefined);
  // Marked before the download: a runtime that ends during it (classic Outlook ends the event's
  // runtime at completion) must not start the same 20 MB download at every compose event.
  await mark(checked?.problem ?? null);
  let text: string;
  try {
    text = await options.fetchText(`${options.base}/catalogue.json`, MAX_CATALOGUE_CHARS);
  } catch (error) {
    if ((error as { status?: number }).status === 404) {
      await store.remove(CATALOGUE_KEY).catch(() => undefined);
      return mark(null);
    }
    return mark(problemWith(`could not be read (${(error as Error).message})`, kept));
  }
  let copy: string;
  try {
    copy = keptCopyText(text, floor);
  } catch (error) {
    return mark(problemWith(`is not a catalogue (${(error as Error).message})`, kept));
  }
  try {
    await store.set(CATALOGUE_KEY, copy);
  } catch {
    return mark(problemWith("could not be stored (storage full?)", kept));
  }
  await mark(null);
}
