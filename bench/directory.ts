import { DEMO_TOKEN, startFakeGraph, type RecordedRequest } from "../src/fake-graph";
import { benchDirectoryData, LATENCY_MS, message, POLICY_INPUT, recipientsLabel } from "./fixtures";
import { shipped } from "./shipped";
import { describeRequests } from "./requests";
import { median, type Row } from "./table";

/** evaluate() over the Graph directory and its cache, against the local Graph server. */
export async function benchDirectory(): Promise<Row[]> {
  const { createCachedDirectory, createGraphDirectory, createMemoryStore, evaluate, parsePolicy } = shipped();
  const policy = parsePolicy(POLICY_INPUT);
  const graph = await startFakeGraph({ directory: benchDirectoryData(), faults: { latencyMs: LATENCY_MS } });
  const rows: Row[] = [];
  try {
    for (const count of [1, 10, 100, 1000]) {
      const input = message(count);
      const cold: number[] = [];
      const warm: number[] = [];
      let coldRequests: readonly RecordedRequest[] = [];
      let warmRequests: readonly RecordedRequest[] = [];
      for (let run = 0; run < 5; run++) {
        const directory = createCachedDirectory(
          createGraphDirectory({ graphRoot: graph.url, getToken: async () => DEMO_TOKEN }),
          createMemoryStore(),
          { ttlMs: 3_600_000, now: Date.now },
        );
        graph.resetLog();
        let started = performance.now();
        const first = await evaluate(input, { directory, policy, deadlineAt: Date.now() + 30_000 });
        cold.push(performance.now() - started);
        coldRequests = [...graph.requests];
        if (!first.decision.complete) throw new Error(`cold decision for ${count} was incomplete`);
        graph.resetLog();
        for (let again = 0; again < 10; again++) {
          started = performance.now();
          await evaluate(input, { directory, policy, deadlineAt: Date.now() + 30_000 });
          warm.push(performance.now() - started);
        }
        warmRequests = [...graph.requests];
      }
      const target = count <= 100 ? `target <= ${2 * LATENCY_MS + 30} ms` : "no target";
      rows.push({
        what: `decision, ${recipientsLabel(count)}, cold cache`,
        value: `${median(cold).toFixed(1)} ms`,
        detail: `${describeRequests(coldRequests, LATENCY_MS)}; ${target}`,
      });
      rows.push({
        what: `decision, ${recipientsLabel(count)}, warm cache`,
        value: `${median(warm).toFixed(2)} ms`,
        detail: `${describeRequests(warmRequests, LATENCY_MS)}; target <= 5 ms`,
      });
    }
  } finally {
    await graph.close();
  }
  return rows;
}
