import { parsePolicy } from "../src/core/policy";
import { decide } from "../src/core/decide";
import type { DirectoryAnswer, MessageInput, RecipientInput } from "../src/core/types";
import { createCachedDirectory } from "../src/directory/cache";
import { createGraphDirectory } from "../src/directory/graph/graph-directory";
import { createMemoryStore } from "../src/storage/memory";
import { evaluate } from "../src/engine/evaluate";
import { readFileSync } from "node:fs";
import {
  createFakeDirectory,
  DEMO_DIRECTORY_PATH,
  DEMO_TOKEN,
  parseDirectoryData,
  startFakeGraph,
} from "../src/fake-graph";
import { median, type Row } from "./table";

const LATENCY_MS = 50;
const policy = parsePolicy({ warnAt: 50, blockAt: 5000 });

/** The demo directory with enough staff for a thousand distinct people. */
function benchDirectoryData() {
  const demo = parseDirectoryData(JSON.parse(readFileSync(DEMO_DIRECTORY_PATH, "utf8")), DEMO_DIRECTORY_PATH);
  return createFakeDirectory({
    ...demo,
    generatedUsers: [
      ...(demo.generatedUsers ?? []),
      { mail: "staff{n}@example.org", displayName: "Staff {n}", count: 2000 },
    ],
  });
}

/** N recipients: a few real lists, the rest people from the directory. */
function message(count: number): MessageInput {
  const lists = ["ward7-team@example.org", "clinical-leads@example.org", "north-region@example.org"];
  const recipients: RecipientInput[] = [];
  for (let index = 0; index < count; index++) {
    const emailAddress =
      index < lists.length && count >= 10 ? lists[index]! : `staff${index + 1}@example.org`;
    recipients.push({ field: index % 3 === 0 ? "to" : index % 3 === 1 ? "cc" : "bcc", emailAddress });
  }
  return { sender: "dr.amelia.hart@example.org", recipients };
}

export async function benchDirectory(): Promise<Row[]> {
  const graph = await startFakeGraph({ directory: benchDirectoryData(), faults: { latencyMs: LATENCY_MS } });
  const rows: Row[] = [];
  try {
    for (const count of [1, 10, 100, 1000]) {
      const input = message(count);
      const cold: number[] = [];
      const warm: number[] = [];
      let coldRequests = 0;
      let warmRequests = 0;
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
        coldRequests = graph.requests.length;
        if (!first.decision.complete && count > 1)
          throw new Error(`cold decision for ${count} was incomplete`);
        graph.resetLog();
        started = performance.now();
        await evaluate(input, { directory, policy, deadlineAt: Date.now() + 30_000 });
        warm.push(performance.now() - started);
        warmRequests = graph.requests.length;
      }
      rows.push({
        what: `decision, ${count} recipients, cold cache (Graph +${LATENCY_MS} ms)`,
        value: `${median(cold).toFixed(1)} ms`,
        detail: `${coldRequests} Graph requests; target ${count <= 100 ? `<= ${2 * LATENCY_MS + 30} ms` : "-"}`,
      });
      rows.push({
        what: `decision, ${count} recipients, warm cache`,
        value: `${median(warm).toFixed(2)} ms`,
        detail: `${warmRequests} Graph requests; target <= 5 ms`,
      });
    }
  } finally {
    await graph.close();
  }
  return rows;
}

export function benchPureDecision(): Row[] {
  const count = 10_000;
  const input: MessageInput = {
    sender: "dr.amelia.hart@example.org",
    recipients: Array.from({ length: count }, (_, index) => ({
      field: index % 2 ? "cc" : "to",
      emailAddress: `Person.${index}@Example.org`,
    })),
  };
  const answers = new Map<string, DirectoryAnswer>(
    input.recipients.map((recipient, index) => [
      recipient.emailAddress.toLowerCase(),
      {
        entry:
          index % 100 === 0
            ? { kind: "list", members: 40, externalMembers: 1, restricted: false, moderated: false }
            : { kind: "person" },
        source: "cache",
      },
    ]),
  );
  const times: number[] = [];
  for (let run = 0; run < 15; run++) {
    const started = performance.now();
    decide(input, policy, answers);
    times.push(performance.now() - started);
  }
  return [
    {
      what: "pure decision, 10,000 recipients",
      value: `${median(times).toFixed(1)} ms`,
      detail: "target <= 20 ms",
    },
  ];
}
