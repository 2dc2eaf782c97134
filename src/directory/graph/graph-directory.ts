import type { TokenProvider } from "../../auth/port";
import type { DirectoryAnswer, DirectoryEntry } from "../../core/types";
import type { Directory, ResolveOptions } from "../port";
import { failedAnswers } from "../unavailable";
import { graphClientFor, type GraphClient } from "./client";
import { GraphError } from "./errors";
import { sizeGroups, type GroupQuestion } from "./groups";
import { fetchMailTips } from "./mailtips";
import type { BackoffOptions } from "./retry";

// The Directory port over Microsoft Graph: MailTips for everyone in one round trip (chunked,
// at most 4 at once as Exchange allows per mailbox), then the groups endpoints only for what
// MailTips could not size. Never rejects: failures become "unknown" with their cause.

export interface GraphDirectoryOptions {
  readonly graphRoot: string;
  readonly getToken: TokenProvider;
  /** Addresses per getMailTips call at least (Graph documents no maximum). */
  readonly chunkSize?: number;
  /**
   * Addresses per call at most. Between the two, calls grow so that all the addresses go in one
   * round of `concurrency` calls: 100 recipients in 4 calls of 25, not 5 of 20 (two round trips).
   */
  readonly maxChunkSize?: number;
  /** Concurrent requests; Exchange allows 4 per mailbox. */
  readonly concurrency?: number;
  /** Ask /groups for lists MailTips left unsized (needs GroupMember.Read.All). */
  readonly groupFallback?: boolean;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly backoff?: BackoffOptions;
}

export interface GraphDirectory extends Directory {
  readonly client: GraphClient;
}

export const DEFAULT_CHUNK_SIZE = 20;
export const DEFAULT_MAX_CHUNK_SIZE = 50;
export const EXCHANGE_CONCURRENCY = 4;

/** The size that puts `count` addresses in one round of `concurrency` calls, within [min, max]. */
export function chunkSizeFor(count: number, min: number, max: number, concurrency: number): number {
  return Math.min(max, Math.max(min, Math.ceil(count / concurrency)));
}

function answer(entry: DirectoryEntry): DirectoryAnswer {
  return { entry, source: "graph" };
}

export function createGraphDirectory(options: GraphDirectoryOptions): GraphDirectory {
  const client = graphClientFor(options);
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const maxChunkSize = Math.max(chunkSize, options.maxChunkSize ?? DEFAULT_MAX_CHUNK_SIZE);
  const concurrency = Math.max(
    1,
    Math.min(EXCHANGE_CONCURRENCY, options.concurrency ?? EXCHANGE_CONCURRENCY),
  );

  async function resolveAll(
    addresses: readonly string[],
    resolve: ResolveOptions,
  ): Promise<Map<string, DirectoryAnswer>> {
    const wanted = [...new Set(addresses)];
    const signal = resolve.signal ? { signal: resolve.signal } : {};
    const tips = await fetchMailTips(client, wanted, {
      deadlineAt: resolve.deadlineAt,
      chunkSize: chunkSizeFor(wanted.length, chunkSize, maxChunkSize, concurrency),
      concurrency,
      ...signal,
    });
    const answers = new Map<string, DirectoryAnswer>();
    const questions: GroupQuestion[] = [];
    for (const address of wanted) {
      const reading = tips.get(address);
      if (!reading) answers.set(address, answer({ kind: "unknown", cause: "unavailable" }));
      else if (reading instanceof GraphError)
        answers.set(address, answer({ kind: "unknown", cause: reading.failure }));
      else if (reading.kind === "entry") answers.set(address, answer(reading.entry));
      else if (options.groupFallback === false) {
        const cause = reading.why === "no-count" ? "count-missing" : "not-found";
        answers.set(address, answer({ kind: "unknown", cause }));
      } else
        questions.push({
          address,
          why: reading.why,
          restricted: reading.restricted,
          moderated: reading.moderated,
        });
    }
    const sized = await sizeGroups(client, questions, {
      deadlineAt: resolve.deadlineAt,
      concurrency,
      ...signal,
    });
    for (const question of questions) {
      answers.set(
        question.address,
        answer(sized.get(question.address) ?? { kind: "unknown", cause: "timeout" }),
      );
    }
    return answers;
  }

  return {
    client,
    async resolve(addresses, resolve) {
      try {
        return await resolveAll(addresses, resolve);
      } catch {
        // A defect must not hold the send: everything it touched is unknown for want of a directory.
        return failedAnswers(addresses, "unavailable");
      }
    },
  };
}
