import type { Policy } from "../core/policy";
import type { Directory, ThreadReader } from "../directory/port";
import type { Words } from "../present/words";
import { COMPOSE_DEADLINE_MS } from "./deadlines";
import { checkDraft, type DraftCheck, type DraftItem } from "./draft-check";
import type { CatalogueSize } from "./evaluate";
import { INFO_BAR_KEY, infoBarFor } from "./outcome";

// The early warning while composing, shared by the launch-event handlers and the task pane so that
// both check the same way and leave the same info bar.

/** What the early warning needs of the draft beyond the check (src/office/compose-item.ts). */
export interface WarnableItem extends DraftItem {
  showInfoBar(
    key: string,
    bar: { readonly message: string; readonly actionText: string | null },
  ): Promise<void>;
  removeInfoBar(key: string): Promise<void>;
}

export interface ComposeCheckOptions {
  readonly policy: Policy;
  readonly directory: Directory;
  /** The admin's reach catalogue, for lists the directory cannot size. */
  readonly catalogue?: ReadonlyMap<string, CatalogueSize>;
  /** Reads a reply's thread for the storm check. */
  readonly threads?: ThreadReader;
  readonly now?: () => number;
}

/** A check of the draft while it is being written: nothing waits on it, so it has the longer deadline. */
export function checkWhileComposing(item: DraftItem, options: ComposeCheckOptions): Promise<DraftCheck> {
  const now = options.now ?? Date.now;
  return checkDraft(item, {
    policy: options.policy,
    directory: options.directory,
    deadlineAt: now() + COMPOSE_DEADLINE_MS,
    ...(options.catalogue ? { catalogue: options.catalogue } : {}),
    ...(options.threads ? { threads: options.threads } : {}),
    now,
  });
}

/**
 * Shows the info bar a check calls for, or removes it. A stale check is for recipients the draft no
 * longer has: the event for that change brings a current one, whose bar this must not overwrite.
 */
export async function showWarning(item: WarnableItem, check: DraftCheck, words: Words): Promise<void> {
  if (check.stale) return;
  const { show } = infoBarFor(check.decision, check.acknowledged, words);
  if (show) await item.showInfoBar(INFO_BAR_KEY, show);
  else await item.removeInfoBar(INFO_BAR_KEY);
}
