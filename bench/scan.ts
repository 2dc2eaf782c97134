import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scanCommand } from "../src/cli/scan-command";
import { parseCatalogueText } from "../src/core/catalogue";
import { createFakeDirectory, DEMO_TOKEN, startFakeGraph } from "../src/fake-graph";
import type { Row } from "./table";

// `reach-guard scan` end to end on a tenant of 100,000 lists: every page read, every list sized in
// $batch requests, the catalogue and reports written. The local Graph server adds 50 ms to every
// request, as a nearby Graph would; the scan keeps at most four requests in flight. Target: under
// ten minutes, so a nightly scan of a large tenant fits between midnight and the first shift.

const LISTS = 100_000;
const LATENCY_MS = 50;

export async function benchScan(): Promise<Row[]> {
  const graph = await startFakeGraph({
    directory: createFakeDirectory({
      domains: ["bench.example"],
      me: "admin@bench.example",
      users: [{ mail: "admin@bench.example", displayName: "Admin" }],
      groups: [],
      generatedGroups: [
        {
          mail: "list{n}@bench.example",
          displayName: "List {n}",
          kind: "distribution",
          count: LISTS,
          memberCounts: [4, 12, 40, 250, 3000],
          externalMemberCounts: [0, 1],
        },
      ],
    }),
    faults: { latencyMs: LATENCY_MS },
    // Whole requests only are counted below; the batched counts inside them are logged too.
    maxLoggedRequests: LISTS * 3,
  });
  const dir = mkdtempSync(join(tmpdir(), "reach-scan-bench-"));
  try {
    const started = performance.now();
    let err = "";
    const status = await scanCommand(
      ["--graph-url", graph.url, "--out", dir],
      { REACH_GUARD_TOKEN: DEMO_TOKEN },
      { out: () => undefined, err: (text) => (err += text), errIsTerminal: false },
    );
    const seconds = (performance.now() - started) / 1000;
    if (status !== 0) throw new Error(`the scan ended with status ${status}: ${err.trim()}`);
    const catalogue = parseCatalogueText(readFileSync(join(dir, "catalogue.json"), "utf8"));
    const sized = catalogue.lists.filter((list) => list.members !== null).length;
    const whole = graph.requests.filter((request) => !request.inBatch);
    const pages = whole.filter((request) => request.kind === "groups").length;
    const batches = whole.filter((request) => request.kind === "batch").length;
    return [
      {
        what: "scan: lists sized",
        value: sized.toLocaleString("en-GB"),
        detail: `of ${LISTS.toLocaleString("en-GB")} generated lists, ${LATENCY_MS} ms per Graph request`,
      },
      {
        what: "scan: wall time",
        value: `${seconds.toFixed(1)} s`,
        detail: "enumerate, size, write catalogue.json, report.html, report.csv; target < 600 s",
      },
      {
        what: "scan: lists per second",
        value: (sized / seconds).toFixed(0),
        detail: "at most 4 requests in flight",
      },
      {
        what: "scan: requests made",
        value: whole.length.toLocaleString("en-GB"),
        detail: `${pages} pages of /groups, ${batches.toLocaleString("en-GB")} $batch of 20 counts`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await graph.close();
  }
}
