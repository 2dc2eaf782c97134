import type { Environment } from "../src/app/services";
import type { Handlers } from "../src/events/handlers";
import type { SendCompletion } from "../src/check/outcome";
import { DEMO_TOKEN, startFakeGraph, type FakeGraph, type RecordedRequest } from "../src/fake-graph";
import type { KeyValueStore } from "../src/storage/port";
import { shipped } from "./shipped";
import { MemoryDraft } from "../src/office/memory-draft";
import { benchDirectoryData, LATENCY_MS, message, POLICY_INPUT, recipientsLabel } from "./fixtures";
import { describeRequests } from "./requests";
import { median, type Row } from "./table";

// Send-time decision through the real event handlers and the real wiring (settings loader, cached
// Graph directory), timed from calling onMessageSend to Outlook's event.completed.

const BASE_URL = "https://host.example.org/reach-guard";
const RUNS = 7;

/**
 * The add-in's host: policy.json, config.json and catalogue.json (none unless given) from memory;
 * everything else goes to the network.
 */
function hostFetch(catalogueText: string | null): typeof fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url === `${BASE_URL}/policy.json`) return new Response(JSON.stringify(POLICY_INPUT));
    if (url === `${BASE_URL}/config.json`) return new Response("{}");
    if (url === `${BASE_URL}/catalogue.json`)
      return catalogueText === null ? new Response("", { status: 404 }) : new Response(catalogueText);
    return fetch(input, init);
  };
}

/**
 * Handlers started cold, as classic Outlook starts them for each event, over a store holding the
 * settings (and reach catalogue, when the host has one) a compose event saved: a fresh one (no list
 * sizes kept, no outage remembered) unless given.
 */
export async function freshHandlers(
  graph: FakeGraph,
  draft: MemoryDraft,
  store?: KeyValueStore,
  catalogueText: string | null = null,
): Promise<Handlers> {
  const { createHandlers, createMemoryStore, directoryFor, settingsLoader, staticTokenProvider, threadsFor } =
    shipped();
  const environment: Environment = {
    baseUrl: BASE_URL,
    store: store ?? createMemoryStore(),
    tokenProviderFor: () => staticTokenProvider(DEMO_TOKEN),
    graphRoot: graph.url,
    fetch: hostFetch(catalogueText),
  };
  const loadSettings = settingsLoader(environment);
  await (
    await loadSettings("compose")
  ).catalogueRefresh;
  return createHandlers({
    item: () => draft,
    loadSettings,
    directory: (settings, moment) => directoryFor(environment, settings, moment),
    threads: (settings, moment) => threadsFor(environment, settings, moment),
    supportsMailbox: () => true,
  });
}

export async function timeSend(
  handlers: Handlers,
): Promise<{ ms: number; options: SendCompletion | undefined }> {
  let completedAt = 0;
  let options: SendCompletion | undefined;
  let done: () => void = () => undefined;
  const completed = new Promise<void>((resolve) => (done = resolve));
  const started = performance.now();
  const running = handlers.onMessageSend({
    completed(given?: SendCompletion) {
      completedAt = performance.now();
      options = given;
      done();
    },
  });
  await completed;
  await running;
  return { ms: completedAt - started, options };
}

/** What Outlook was told to do with the message. */
export function outcomeOf(options: SendCompletion | undefined): string {
  if (!options) return "completed without options";
  if (options.allowEvent) return "allowed";
  return options.sendModeOverride ? "warning alert with Send Anyway" : "blocking alert";
}

async function benchCase(graph: FakeGraph, count: number, precomputed: boolean): Promise<Row> {
  const times: number[] = [];
  let requests: readonly RecordedRequest[] = [];
  let options: SendCompletion | undefined;
  for (let run = 0; run < RUNS; run++) {
    const { sender, recipients } = message(count);
    const draft = new MemoryDraft(sender, recipients);
    // Compose runs over a store of its own: the send finds no cached sizes, only the draft's sessionData.
    if (precomputed)
      await (await freshHandlers(graph, draft)).onMessageCompose({ completed: () => undefined });
    const handlers = await freshHandlers(graph, draft);
    graph.resetLog();
    const sent = await timeSend(handlers);
    times.push(sent.ms);
    requests = [...graph.requests];
    options = sent.options;
  }
  const outcome = outcomeOf(options);
  const target = precomputed ? "target <= 10 ms" : `target <= ${LATENCY_MS + 30} ms (one round trip + 30 ms)`;
  return {
    what: `send decision, ${recipientsLabel(count)}, ${precomputed ? "precomputed in compose" : "cold, nothing cached"}`,
    value: `${median(times).toFixed(1)} ms`,
    detail: `${describeRequests(requests, LATENCY_MS)}; ${outcome}; ${target}`,
  };
}

export async function benchSend(): Promise<Row[]> {
  const graph = await startFakeGraph({ directory: benchDirectoryData(), faults: { latencyMs: LATENCY_MS } });
  try {
    const rows: Row[] = [];
    for (const precomputed of [true, false]) {
      for (const count of [10, 100]) rows.push(await benchCase(graph, count, precomputed));
    }
    return rows;
  } finally {
    await graph.close();
  }
}
