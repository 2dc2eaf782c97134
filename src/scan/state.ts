import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod/mini";
import { CATALOGUE_FORMAT, CatalogueError, parseCatalogue, type CatalogueList } from "../core/catalogue";
import { ScanUsageError } from "./errors";
import { writeAtomically } from "./files";
import type { ListRef } from "./lists";

// Progress of a scan, kept in DIR/scan-state.json so that a scan stopped half way (Graph down, the
// token expired, the machine restarted) resumes where it was rather than sizing 100,000 lists again.
// It holds addresses, names and sizes, as the catalogue does, and never a token. A state left by a
// scan of another Graph root, or one that cannot be read, is refused rather than guessed at: the
// admin deletes it (or picks another --out) to start afresh.

export const STATE_FILE = "scan-state.json";
export const STATE_FORMAT = "reach-guard-scan-state/1";

export interface ScanState {
  readonly format: typeof STATE_FORMAT;
  readonly graphRoot: string;
  readonly startedAt: string;
  /** Path of the next /groups page to read; null once every page has been read. */
  nextPage: string | null;
  /** Lists found and not yet sized. */
  pending: ListRef[];
  /** Lists sized (with or without a size), by address. */
  sized: Map<string, CatalogueList>;
  /** Addresses already asked of MailTips. */
  tipped: Set<string>;
}

const refSchema = z.object({
  id: z.string(),
  address: z.string(),
  displayName: z.string(),
  kind: z.enum(["distribution", "security", "m365"]),
});

const stateSchema = z.object({
  format: z.literal(STATE_FORMAT),
  graphRoot: z.string(),
  startedAt: z.string(),
  nextPage: z.nullable(z.string()),
  pending: z.array(refSchema),
  sized: z.array(z.unknown()),
  tipped: z.array(z.string()),
});

export function freshState(graphRoot: string, firstPage: string, startedAt: string): ScanState {
  return {
    format: STATE_FORMAT,
    graphRoot,
    startedAt,
    nextPage: firstPage,
    pending: [],
    sized: new Map(),
    tipped: new Set(),
  };
}

export function stateText(state: ScanState): string {
  return JSON.stringify({
    format: state.format,
    graphRoot: state.graphRoot,
    startedAt: state.startedAt,
    nextPage: state.nextPage,
    pending: state.pending,
    sized: [...state.sized.values()],
    tipped: [...state.tipped],
  });
}

export function parseState(text: string, graphRoot: string, path: string): ScanState {
  const refuse = (why: string) =>
    new ScanUsageError(`${path} ${why}; delete it to start the scan afresh, or choose another --out`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw refuse("is not valid JSON");
  }
  const parsed = stateSchema.safeParse(value);
  if (!parsed.success) throw refuse("is not a scan state this version can resume");
  if (parsed.data.nextPage !== null && !parsed.data.nextPage.startsWith("/groups?"))
    throw refuse("names a next page that is not a /groups page");
  if (parsed.data.graphRoot !== graphRoot)
    throw refuse(`was left by a scan of ${parsed.data.graphRoot}, not ${graphRoot}`);
  let sized: readonly CatalogueList[];
  try {
    // The sized lists are catalogue entries: the catalogue's own reader checks every one.
    sized = parseCatalogue({
      format: CATALOGUE_FORMAT,
      scannedAt: parsed.data.startedAt,
      lists: parsed.data.sized,
    }).lists;
  } catch (error) {
    if (error instanceof CatalogueError) throw refuse(`holds a list that cannot be read (${error.message})`);
    throw error;
  }
  return {
    format: STATE_FORMAT,
    graphRoot,
    startedAt: parsed.data.startedAt,
    nextPage: parsed.data.nextPage,
    pending: parsed.data.pending,
    sized: new Map(sized.map((list) => [list.address, list])),
    tipped: new Set(parsed.data.tipped),
  };
}

/** The state left by an earlier run in `dir`, or null when there is none. */
export async function readState(dir: string, graphRoot: string): Promise<ScanState | null> {
  const path = join(dir, STATE_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new ScanUsageError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  return parseState(text, graphRoot, path);
}

export async function writeState(dir: string, state: ScanState): Promise<void> {
  await writeAtomically(join(dir, STATE_FILE), stateText(state));
}

export async function removeState(dir: string): Promise<void> {
  await rm(join(dir, STATE_FILE), { force: true });
}
