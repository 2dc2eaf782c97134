import { CATALOGUE_FORMAT, MAX_DISPLAY_NAME, type Catalogue, type CatalogueList } from "../core/catalogue";
import type { GraphClient } from "../directory/graph/client";
import { DEFAULT_STEP_RETRY, withStepRetry, type StepRetry } from "./backoff";
import { FIRST_PAGE, fetchPage, type Page } from "./enumerate";
import { sizeByMailTips, MAILTIPS_CHUNK } from "./mailtips";
import type { ListRef } from "./lists";
import type { Progress } from "./progress";
import { sizeLists } from "./size";
import { freshState, readState, writeState, type ScanState } from "./state";

// The scan from start to catalogue: read every page of mail-enabled lists, size them a slice at a
// time, then size the dynamic lists' addresses through MailTips. Progress is saved to the state file
// every few seconds and whenever the scan stops, so a rerun with the same --out resumes it; lists
// already sized are never sized again.

/**
 * Requests in flight at most: Exchange allows four concurrent requests per mailbox, and a nightly
 * scan must leave room for the tenant's other Graph clients (the add-in's senders among them).
 */
export const MAX_IN_FLIGHT = 4;

/** Tries of one list whose count Graph keeps putting off, before it is recorded with no size. */
export const LIST_TRIES = 3;

function unsized(list: ListRef): Omit<CatalogueList, "sizedAt"> {
  const { address, displayName, kind } = list;
  return { address, displayName, kind, members: null, externalMembers: null };
}

export interface ScanInput {
  readonly client: GraphClient;
  /** Output folder, where the state file lives. */
  readonly dir: string;
  /** Dynamic distribution lists' addresses (normalised), sized through MailTips. */
  readonly addresses: readonly string[];
  /** Mailbox MailTips are asked as (app-only sign-in); null: the signed-in user. */
  readonly mailbox: string | null;
  readonly progress: Progress;
  /** One line of news for standard error. */
  readonly log: (line: string) => void;
  readonly concurrency?: number;
  readonly retry?: StepRetry;
  /** How long one request or slice may take, its retries included. */
  readonly requestBudgetMs?: number;
  /** Lists sized between two saves of the state at most. */
  readonly sliceSize?: number;
  readonly saveEveryMs?: number;
  readonly now?: () => Date;
}

export interface ScanResult {
  readonly catalogue: Catalogue;
  readonly resumed: boolean;
  /** Lists the scan could not size (members null), by address. */
  readonly unsized: readonly string[];
}

export async function runScan(input: ScanInput): Promise<ScanResult> {
  const now = input.now ?? (() => new Date());
  const iso = () => now().toISOString();
  const concurrency = Math.min(MAX_IN_FLIGHT, Math.max(1, input.concurrency ?? MAX_IN_FLIGHT));
  const retry = input.retry ?? DEFAULT_STEP_RETRY;
  const budgetMs = input.requestBudgetMs ?? 120_000;
  const sliceSize = input.sliceSize ?? 200;
  const saveEveryMs = input.saveEveryMs ?? 3_000;

  const earlier = await readState(input.dir, input.client.root);
  const state: ScanState = earlier ?? freshState(input.client.root, FIRST_PAGE, iso());
  if (earlier)
    input.log(
      `resuming the scan started ${earlier.startedAt}: ${earlier.sized.size.toLocaleString("en-GB")} lists already sized`,
    );
  let savedAt = Date.now();
  const save = async (force = false) => {
    if (!force && Date.now() - savedAt < saveEveryMs) return;
    await writeState(input.dir, state);
    savedAt = Date.now();
  };

  try {
    await readAllPages(input.client, state, retry, budgetMs, input.log, save);
    await save(true);

    // An address /groups already found is counted once; the dynamic ones are asked after it is sized.
    const found = new Set([...state.sized.keys(), ...state.pending.map((list) => list.address)]);
    const total = found.size + input.addresses.filter((address) => !found.has(address)).length;
    input.progress.update(state.sized.size, total);
    const tries = new Map<string, number>();
    while (state.pending.length > 0) {
      const slice = state.pending.slice(0, sliceSize);
      const { sized, again } = await withStepRetry("sizing lists", retry, () =>
        sizeLists(input.client, slice, { concurrency, budgetMs, now: iso }),
      );
      for (const list of sized) state.sized.set(list.address, list);
      state.pending.splice(0, slice.length);
      // A list Graph was too busy to count goes back in the queue a few times; after that it is
      // recorded with no size, so that one stubborn list cannot hold the whole scan.
      for (const list of again) {
        const tried = (tries.get(list.address) ?? 0) + 1;
        tries.set(list.address, tried);
        if (tried < LIST_TRIES) state.pending.push(list);
        else state.sized.set(list.address, { ...unsized(list), sizedAt: iso() });
      }
      input.progress.update(state.sized.size, total);
      await save();
    }
    const dynamic = input.addresses.filter(
      (address) => !state.tipped.has(address) && (state.sized.get(address)?.members ?? null) === null,
    );
    for (let start = 0; start < dynamic.length; start += MAILTIPS_CHUNK * concurrency) {
      const part = dynamic.slice(start, start + MAILTIPS_CHUNK * concurrency);
      const sizes = await withStepRetry("sizing lists by MailTips", retry, () =>
        sizeByMailTips(input.client, part, { mailbox: input.mailbox, concurrency, budgetMs }),
      );
      const sizedAt = iso();
      for (const address of part) {
        const known = state.sized.get(address);
        const tip = sizes.get(address);
        state.sized.set(address, {
          address,
          displayName: (known?.displayName || tip?.displayName || "").slice(0, MAX_DISPLAY_NAME),
          kind: known?.kind ?? "dynamic",
          members: tip?.members ?? known?.members ?? null,
          externalMembers: tip?.externalMembers ?? known?.externalMembers ?? null,
          sizedAt,
        });
        state.tipped.add(address);
      }
      input.progress.update(state.sized.size, total);
      await save();
    }
    input.progress.finish();
  } catch (error) {
    input.progress.finish();
    // Whatever stopped the scan, what it had done is kept for the rerun.
    await writeState(input.dir, state);
    throw error;
  }
  const lists: CatalogueList[] = [...state.sized.values()];
  return {
    catalogue: { format: CATALOGUE_FORMAT, scannedAt: iso(), lists },
    resumed: earlier !== null,
    unsized: lists.filter((list) => list.members === null).map((list) => list.address),
  };
}

async function readAllPages(
  client: GraphClient,
  state: ScanState,
  retry: StepRetry,
  budgetMs: number,
  log: (line: string) => void,
  save: () => Promise<void>,
): Promise<void> {
  if (state.nextPage === null) return;
  const known = new Set([...state.sized.keys(), ...state.pending.map((list) => list.address)]);
  let skipped = 0;
  while (state.nextPage !== null) {
    const path: string = state.nextPage;
    const page: Page = await withStepRetry("reading the lists", retry, () =>
      fetchPage(client, path, budgetMs),
    );
    for (const list of page.lists) {
      // Directory pages are eventually consistent: a list seen twice is sized once.
      if (known.has(list.address)) continue;
      known.add(list.address);
      state.pending.push(list);
    }
    skipped += page.skipped;
    state.nextPage = page.next;
    await save();
  }
  const found = known.size.toLocaleString("en-GB");
  log(
    `found ${found} mail-enabled lists${skipped > 0 ? ` (${skipped} groups without an address left out)` : ""}`,
  );
}
