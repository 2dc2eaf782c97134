import { z } from "zod/mini";
import type { GraphClient } from "./client";
import { GraphError, failureFor, graphErrorCode } from "./errors";
import { chunk, mapLimit } from "./pool";
import { DEFAULT_BACKOFF, isRetryableStatus, nextDelay, parseRetryAfter, sleep } from "./retry";

// JSON batching (POST /$batch): at most 20 requests per batch. The batch itself answers 200 while
// its requests fail one by one, each with its own status and Retry-After, so retrying is done here
// per request id: the client's own retry only covers a batch that fails as a whole.

export const MAX_BATCH = 20;

export interface BatchItem {
  readonly id: string;
  /** Relative to the version: `/groups?$filter=...`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface BatchAnswer {
  readonly status: number;
  readonly body: unknown;
}

const batchSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().check(z.int()),
      headers: z.optional(z.record(z.string(), z.string())),
      body: z.optional(z.unknown()),
    }),
  ),
});

export interface BatchOptions {
  readonly scopes: readonly string[];
  readonly deadlineAt: number;
  readonly signal?: AbortSignal;
  readonly concurrency: number;
  readonly now?: () => number;
  /**
   * One answer from differing answers to the same id, or null when they cannot be reconciled (the
   * item is then unavailable). Without it, differing duplicates are always unavailable.
   */
  readonly reconcile?: (answers: readonly BatchAnswer[]) => BatchAnswer | null;
}

type SubResponse = z.infer<typeof batchSchema>["responses"][number];

/**
 * The one answer for an asked id, or null when Graph answered it more than once and the answers
 * differ beyond reconciling. A batch should never repeat an id, so repeated answers are not trusted
 * in order ("the last one wins" let a second, smaller count turn a block into an allow); identical
 * repeats are harmless.
 */
function singleAnswer(
  answers: readonly SubResponse[],
  reconcile: BatchOptions["reconcile"],
): SubResponse | null {
  const [first] = answers;
  if (first === undefined) return null;
  const key = (answer: SubResponse) => JSON.stringify([answer.status, answer.body ?? null]);
  if (answers.every((answer) => key(answer) === key(first))) return first;
  if (!reconcile) return null;
  const chosen = reconcile(answers.map((answer) => ({ status: answer.status, body: answer.body ?? null })));
  if (chosen === null) return null;
  // Answers reconciled by content carry no Retry-After: a throttled duplicate is a conflict anyway.
  return { id: first.id, status: chosen.status, body: chosen.body };
}

function header(headers: Readonly<Record<string, string>> | undefined, name: string): string | null {
  if (!headers) return null;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? null : (headers[key] ?? null);
}

/** Answers per item id: a final status and body, or the GraphError that ended it. */
export async function runBatches(
  client: GraphClient,
  items: readonly BatchItem[],
  options: BatchOptions,
): Promise<Map<string, BatchAnswer | GraphError>> {
  const now = options.now ?? Date.now;
  const results = new Map<string, BatchAnswer | GraphError>();
  let pending = [...items];
  for (let round = 1; pending.length > 0; round++) {
    const retry: BatchItem[] = [];
    let longestRetryAfter = null as number | null;
    let lastThrottle = null as GraphError | null;
    await mapLimit(chunk(pending, MAX_BATCH), options.concurrency, async (part) => {
      try {
        const response = await client.request({
          method: "POST",
          path: "/$batch",
          body: {
            requests: part.map((item) => ({
              id: item.id,
              method: "GET",
              url: item.url,
              headers: item.headers ?? {},
            })),
          },
          scopes: options.scopes,
          deadlineAt: options.deadlineAt,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        const parsed = batchSchema.safeParse(response.body);
        if (!parsed.success) throw new GraphError("unavailable", response.status, "MalformedResponse");
        // Answers to ids this batch did not ask are ignored: they answer no question of ours.
        const byId = new Map<string, SubResponse[]>(part.map((item) => [item.id, []]));
        for (const answer of parsed.data.responses) byId.get(answer.id)?.push(answer);
        for (const item of part) {
          const answers = byId.get(item.id) ?? [];
          const answer = singleAnswer(answers, options.reconcile);
          if (answers.length === 0) {
            results.set(item.id, new GraphError("unavailable", null, "MissingBatchResponse"));
          } else if (!answer) {
            results.set(item.id, new GraphError("unavailable", null, "ConflictingBatchResponse"));
          } else if (isRetryableStatus(answer.status)) {
            retry.push(item);
            const wait = parseRetryAfter(header(answer.headers, "retry-after"), now());
            if (wait !== null) longestRetryAfter = Math.max(longestRetryAfter ?? 0, wait);
            const code = graphErrorCode(answer.body) ?? `Http${answer.status}`;
            lastThrottle = new GraphError("unavailable", answer.status, code);
          } else if (answer.status < 200 || answer.status >= 300) {
            // Graph follows no redirect inside a batch, so a 3xx here is no answer either.
            const code = graphErrorCode(answer.body) ?? `Http${answer.status}`;
            results.set(item.id, new GraphError(failureFor(answer.status, code), answer.status, code));
          } else {
            results.set(item.id, { status: answer.status, body: answer.body ?? null });
          }
        }
      } catch (error) {
        const failure =
          error instanceof GraphError
            ? error
            : new GraphError("unavailable", null, "ClientError", { cause: error });
        for (const item of part) results.set(item.id, failure);
      }
    });
    pending = retry;
    if (pending.length === 0) break;
    const wait = nextDelay(round, longestRetryAfter, options.deadlineAt, now(), DEFAULT_BACKOFF);
    if (wait === null || options.signal?.aborted) {
      const failure = lastThrottle ?? new GraphError("unavailable", 429, "TooManyRequests");
      for (const item of pending) results.set(item.id, failure);
      break;
    }
    await sleep(wait, options.signal);
  }
  return results;
}
