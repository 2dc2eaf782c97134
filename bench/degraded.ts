import { CATALOGUE_FORMAT, serialiseCatalogue } from "../src/core/catalogue";
import type { MessageInput } from "../src/core/types";
import type { SendCompletion } from "../src/check/outcome";
import { startFakeGraph, type FakeGraph, type RecordedRequest } from "../src/fake-graph";
import { MemoryDraft } from "../src/office/memory-draft";
import { LATENCY_MS, benchDirectoryData, oneList, peopleOnly, policy } from "./fixtures";
import { describeRequests } from "./requests";
import { freshHandlers, outcomeOf, timeSend } from "./send";
import { shipped } from "./shipped";
import { median, type Row } from "./table";

// Send decisions with Microsoft Graph down, through the real handlers and wiring (cache over the
// outage breaker over Graph). "Down" is the local Graph server answering every request 503 after its
// usual latency, as Graph's front door does in an outage: the client retries 503 with back-off, so the
// first send that meets the outage waits until the policy's sendTimeoutMs. A refused connection would
// flatter it (no answer to wait for). The sends after it, each started cold over the same store as
// classic Outlook starts them, find the outage remembered and must not wait on Graph at all.

/** First sends take most of sendTimeoutMs each: few of them. */
const FIRST_RUNS = 3;
/** Sends with the outage remembered, after each first send. */
const REMEMBERED_RUNS = 5;
const RECIPIENTS = 10;

interface Timed {
  readonly times: number[];
  /** What Graph saw during the last send. */
  requests: readonly RecordedRequest[];
  /** Requests Graph saw over every send. */
  total: number;
  options: SendCompletion | undefined;
}

const timed = (): Timed => ({ times: [], requests: [], total: 0, options: undefined });

async function benchKind(
  graph: FakeGraph,
  make: () => MessageInput,
  label: string,
  rememberedTarget: string,
  catalogueText: string | null = null,
  /** The draft answers this thread (a reply all): the storm check is in the way, if anything is. */
  thread: string | null = null,
): Promise<Row[]> {
  const first = timed();
  const remembered = timed();
  for (let run = 0; run < FIRST_RUNS; run++) {
    // One Outlook profile: its store outlives every cold start of the send handler.
    const store = shipped().createMemoryStore();
    const send = async (into: Timed) => {
      const { sender, recipients } = make();
      const draft = new MemoryDraft(sender, recipients);
      if (thread !== null) {
        draft.composeType = "reply";
        draft.thread = thread;
      }
      const handlers = await freshHandlers(graph, draft, store, catalogueText);
      graph.resetLog();
      const sent = await timeSend(handlers);
      into.times.push(sent.ms);
      into.requests = [...graph.requests];
      into.total += graph.requests.length;
      into.options = sent.options;
    };
    await send(first);
    for (let again = 0; again < REMEMBERED_RUNS; again++) await send(remembered);
  }
  const budget = `${policy.sendTimeoutMs.toLocaleString("en-GB")} ms`;
  return [
    {
      what: `send decision with Graph down, ${label}, first send (finds the outage)`,
      value: `${median(first.times).toFixed(1)} ms`,
      detail: `slowest of ${first.times.length} ${Math.max(...first.times).toFixed(1)} ms; ${describeRequests(first.requests, LATENCY_MS)}; ${outcomeOf(first.options)}; bounded by sendTimeoutMs (${budget})`,
    },
    {
      what: `send decision with Graph down, ${label}, outage remembered`,
      value: `${median(remembered.times).toFixed(1)} ms`,
      detail: `${remembered.times.length} sends, slowest ${Math.max(...remembered.times).toFixed(1)} ms, ${remembered.total} Graph requests in all; ${outcomeOf(remembered.options)}; ${rememberedTarget}`,
    },
  ];
}

/**
 * A catalogue as a tenant's nightly scan writes it: 100,000 lists, of which every Outlook keeps the
 * ones that matter, and the bench's list (ward7-team) grown past blockAt since Graph last said.
 */
function catalogueWithGrownList(): string {
  const sizedAt = "2026-11-27T03:00:00Z";
  const lists = Array.from({ length: 100_000 }, (_, index) => ({
    address: `list-${index}@example.org`,
    displayName: `List ${index}`,
    kind: "distribution" as const,
    members: 20 + (index % 400),
    externalMembers: 0,
    sizedAt,
  }));
  lists.push({
    ...lists[0]!,
    address: "ward7-team@example.org",
    displayName: "Ward 7 team",
    members: 12_000,
  });
  return serialiseCatalogue({ format: CATALOGUE_FORMAT, scannedAt: sizedAt, lists });
}

export async function benchDegraded(): Promise<Row[]> {
  const graph = await startFakeGraph({
    directory: benchDirectoryData(),
    faults: { latencyMs: LATENCY_MS, status: { code: 503 } },
  });
  try {
    const budget = `${policy.sendTimeoutMs.toLocaleString("en-GB")} ms`;
    return [
      ...(await benchKind(
        graph,
        () => peopleOnly(RECIPIENTS),
        `people only (${RECIPIENTS})`,
        "target <= 50 ms",
      )),
      ...(await benchKind(
        graph,
        () => oneList(RECIPIENTS),
        `one list and ${RECIPIENTS - 1} people`,
        `directoryUnavailable: ${policy.directoryUnavailable}; target <= sendTimeoutMs (${budget})`,
      )),
      ...(await benchKind(
        graph,
        () => oneList(RECIPIENTS),
        `one list the catalogue puts over blockAt and ${RECIPIENTS - 1} people`,
        "blocked from the catalogue; target <= 50 ms",
        catalogueWithGrownList(),
      )),
      ...(await benchKind(
        graph,
        () => oneList(RECIPIENTS),
        `a reply all into a thread to one list and ${RECIPIENTS - 1} people (storm check on)`,
        `the thread is not read while the outage is remembered; target <= sendTimeoutMs (${budget})`,
        null,
        "AAQkADbench-thread",
      )),
    ];
  } finally {
    await graph.close();
  }
}
