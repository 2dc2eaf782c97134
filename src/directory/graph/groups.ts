import type { DirectoryEntry } from "../../core/types";
import { runBatches, type BatchAnswer, type BatchItem } from "./batch";
import type { GraphClient } from "./client";
import { readBatchCount } from "./counts";
import { GraphError } from "./errors";
import { GROUP_COUNT_SCOPES } from "./scopes";

// The fallback for addresses MailTips could not size: find the group by mail, then count its
// users transitively (nested groups expanded, each person once). Two batched round trips. Needs
// GroupMember.Read.All; without it the list stays unknown ("count-missing"), never small.

export interface GroupQuestion {
  readonly address: string;
  /** `no-count`: Exchange knows the recipient but gave no size; `not-resolved`: Exchange did not know it. */
  readonly why: "no-count" | "not-resolved";
  readonly restricted: boolean;
  readonly moderated: boolean;
}

export interface GroupOptions {
  readonly deadlineAt: number;
  readonly signal?: AbortSignal;
  readonly concurrency: number;
}

/** OData string literal: a single quote is written twice. */
function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function lookupUrl(address: string): string {
  return `/groups?$filter=${encodeURIComponent(`mail eq ${odataString(address)}`)}&$select=id,mail,displayName`;
}

export function countUrl(groupId: string, guestsOnly: boolean): string {
  const base = `/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user/$count`;
  return guestsOnly ? `${base}?$filter=${encodeURIComponent("userType eq 'Guest'")}` : base;
}

const ADVANCED_QUERY = { ConsistencyLevel: "eventual" } as const;

/**
 * Duplicate answers to one `$count` (Graph should never send them): the larger count, so that a
 * second, smaller answer cannot turn a block into an allow; null (unavailable) when any of them is
 * not a readable count.
 */
export function largerCount(answers: readonly BatchAnswer[]): BatchAnswer | null {
  let best: { answer: BatchAnswer; count: number } | null = null;
  for (const answer of answers) {
    const count = answer.status >= 200 && answer.status < 300 ? readBatchCount(answer.body) : null;
    if (count === null) return null;
    if (best === null || count > best.count) best = { answer, count };
  }
  return best?.answer ?? null;
}

function groupId(answer: BatchAnswer): string | null {
  const value = (answer.body as { value?: unknown } | null)?.value;
  if (!Array.isArray(value)) return null;
  const first = value[0] as { id?: unknown } | undefined;
  return typeof first?.id === "string" ? first.id : null;
}

function unknownFrom(error: GraphError, question: GroupQuestion): DirectoryEntry {
  // Without the group permission the list is a fact we cannot learn, not a directory outage.
  if (error.failure === "not-permitted") {
    return { kind: "unknown", cause: question.why === "no-count" ? "count-missing" : "not-found" };
  }
  return { kind: "unknown", cause: error.failure };
}

export async function sizeGroups(
  client: GraphClient,
  questions: readonly GroupQuestion[],
  options: GroupOptions,
): Promise<Map<string, DirectoryEntry>> {
  const entries = new Map<string, DirectoryEntry>();
  if (questions.length === 0) return entries;
  const batchOptions = { scopes: GROUP_COUNT_SCOPES, ...options };

  const lookups = await runBatches(
    client,
    questions.map((question, index): BatchItem => ({ id: `g${index}`, url: lookupUrl(question.address) })),
    batchOptions,
  );
  const found: { question: GroupQuestion; index: number; id: string }[] = [];
  questions.forEach((question, index) => {
    const answer = lookups.get(`g${index}`);
    if (!answer) entries.set(question.address, { kind: "unknown", cause: "timeout" });
    else if (answer instanceof GraphError) entries.set(question.address, unknownFrom(answer, question));
    else {
      const id = groupId(answer);
      if (id === null) {
        const cause = question.why === "no-count" ? "count-missing" : "not-found";
        entries.set(question.address, { kind: "unknown", cause });
      } else found.push({ question, index, id });
    }
  });
  if (found.length === 0) return entries;

  const counts = await runBatches(
    client,
    found.flatMap(({ index, id }): BatchItem[] => [
      { id: `c${index}`, url: countUrl(id, false), headers: ADVANCED_QUERY },
      { id: `x${index}`, url: countUrl(id, true), headers: ADVANCED_QUERY },
    ]),
    { ...batchOptions, reconcile: largerCount },
  );
  for (const { question, index } of found) {
    const total = counts.get(`c${index}`);
    const guests = counts.get(`x${index}`);
    if (!total) entries.set(question.address, { kind: "unknown", cause: "timeout" });
    else if (total instanceof GraphError) entries.set(question.address, unknownFrom(total, question));
    else {
      const members = readBatchCount(total.body);
      const externalMembers = guests && !(guests instanceof GraphError) ? readBatchCount(guests.body) : null;
      entries.set(
        question.address,
        members === null
          ? { kind: "unknown", cause: "unavailable" }
          : {
              kind: "list",
              members,
              externalMembers,
              restricted: question.restricted,
              moderated: question.moderated,
            },
      );
    }
  }
  return entries;
}
