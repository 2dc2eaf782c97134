import type { CatalogueList } from "../core/catalogue";
import { runBatches, type BatchItem } from "../directory/graph/batch";
import type { GraphClient } from "../directory/graph/client";
import { readBatchCount } from "../directory/graph/counts";
import { GraphError } from "../directory/graph/errors";
import { countUrl, largerCount } from "../directory/graph/groups";
import { GROUP_COUNT_SCOPES } from "../directory/graph/scopes";
import { isTransient } from "./backoff";
import type { ListRef } from "./lists";

// Sizes lists found by /groups: the people each reaches (transitive user members, nested lists
// expanded, each person once) and how many of them are guests, two $count requests per list inside
// $batch requests of at most 20, at most `concurrency` batches in flight. The add-in's batch runner
// retries each failed request by its own Retry-After; a list Graph is still too busy to count is
// handed back to be tried again later. A list that cannot be counted (an unreadable count, a refusal)
// gets no size (null), never 0: a list the scan could not size is not a small list.

export interface SizeOptions {
  readonly concurrency: number;
  /** How long one slice of lists may take, retries included. */
  readonly budgetMs: number;
  readonly now: () => string;
}

export interface Sized {
  readonly sized: CatalogueList[];
  /** Lists whose count failed for now (throttled, Graph busy): worth another try later. */
  readonly again: ListRef[];
}

/** Sizes a slice; throws the failure that stopped every list of it (the caller retries or stops). */
export async function sizeLists(
  client: GraphClient,
  lists: readonly ListRef[],
  options: SizeOptions,
): Promise<Sized> {
  const items = lists.flatMap((list, index): BatchItem[] => [
    { id: `m${index}`, url: countUrl(list.id, false), headers: { ConsistencyLevel: "eventual" } },
    { id: `g${index}`, url: countUrl(list.id, true), headers: { ConsistencyLevel: "eventual" } },
  ]);
  const answers = await runBatches(client, items, {
    scopes: GROUP_COUNT_SCOPES,
    deadlineAt: Date.now() + options.budgetMs,
    concurrency: options.concurrency,
    reconcile: largerCount,
  });
  const countOf = (id: string): number | null => {
    const answer = answers.get(id);
    return answer && !(answer instanceof GraphError) ? readBatchCount(answer.body) : null;
  };
  const failures = [...answers.values()].filter(
    (answer): answer is GraphError => answer instanceof GraphError,
  );
  // Nothing answered at all, or the token refused: that is the scan's failure, not every list's.
  // The slice is retried or the scan stops, resumably.
  const refusal = failures.find((failure) => failure.status === 401 || failure.failure === "no-token");
  if (refusal) throw refusal;
  if (failures.length === answers.size && failures.length > 0) {
    throw failures.find((failure) => !isTransient(failure)) ?? failures[0];
  }
  const sizedAt = options.now();
  const sized: CatalogueList[] = [];
  const again: ListRef[] = [];
  lists.forEach((list, index) => {
    const members = answers.get(`m${index}`);
    if (members instanceof GraphError && isTransient(members)) {
      again.push(list);
      return;
    }
    const { address, displayName, kind } = list;
    const externalMembers = countOf(`g${index}`);
    sized.push({ address, displayName, kind, members: countOf(`m${index}`), externalMembers, sizedAt });
  });
  return { sized, again };
}
