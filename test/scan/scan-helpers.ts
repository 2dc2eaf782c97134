import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scanCommand, type ScanDeps } from "../../src/cli/scan-command";
import { parseCatalogueText, type Catalogue } from "../../src/core/catalogue";
import { createFakeDirectory, DEMO_TOKEN, type DirectoryData, type FakeGraph } from "../../src/fake-graph";

import { useFakeGraph } from "../fake-graph/helpers";

// A tenant on the local Graph server, and `reach-guard scan` run against it over real sockets with
// its output captured. The scan's own waits are cut to nothing; Graph's Retry-After is 0 in faults.

export const TENANT: DirectoryData = {
  domains: ["trust.example"],
  me: "admin@trust.example",
  users: [
    { mail: "admin@trust.example", displayName: "Admin" },
    { mail: "nurse@trust.example", displayName: "Nurse" },
    { mail: "guest@partner.example", displayName: "Guest", userType: "Guest" },
  ],
  groups: [
    {
      id: "11111111-0000-4000-8000-000000000001",
      mail: "theatre@trust.example",
      displayName: "Theatre",
      kind: "m365",
      members: ["admin@trust.example", "nurse@trust.example", "guest@partner.example"],
    },
    {
      id: "11111111-0000-4000-8000-000000000002",
      mail: "everyone@trust.example",
      displayName: "Everyone",
      kind: "dynamic",
      memberCount: 9000,
      externalMemberCount: 4,
    },
    {
      id: "11111111-0000-4000-8000-000000000003",
      mail: "garbled@trust.example",
      displayName: "Garbled",
      kind: "security",
      members: ["nurse@trust.example"],
      malformedCount: true,
    },
  ],
  generatedGroups: [
    {
      mail: "team{n}@trust.example",
      displayName: "Team {n}",
      kind: "distribution",
      count: 2100,
      memberCounts: [3, 8, 40],
      externalMemberCounts: [0, 1],
    },
  ],
};

/** Lists /groups sees in TENANT: 2,100 teams, Theatre and Garbled. */
export const LISTED = 2102;

export interface Run {
  readonly status: number;
  readonly out: string;
  readonly err: string;
}

export const QUICK: ScanDeps = {
  backoff: { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 3 },
  retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined, random: () => 0 },
};

export function outDir(): string {
  return mkdtempSync(join(tmpdir(), "reach-scan-"));
}

export async function scan(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; deps?: ScanDeps; terminal?: boolean } = {},
): Promise<Run> {
  let out = "";
  let err = "";
  const status = await scanCommand(
    args,
    options.env ?? { REACH_GUARD_TOKEN: DEMO_TOKEN },
    { out: (text) => (out += text), err: (text) => (err += text), errIsTerminal: options.terminal ?? false },
    options.deps ?? QUICK,
  );
  return { status, out, err };
}

export function readCatalogue(dir: string): Catalogue {
  return parseCatalogueText(readFileSync(join(dir, "catalogue.json"), "utf8"));
}

export function listOf(catalogue: Catalogue, address: string) {
  return catalogue.lists.find((list) => list.address === address);
}

/** The tenant on its own server for the test file (the log holds a whole scan's requests). */
export function useTenant(data: DirectoryData = TENANT): () => FakeGraph {
  return useFakeGraph(() => createFakeDirectory(data), { maxLoggedRequests: 100_000 });
}

/** $count requests Graph answered inside batches (two per list sized). */
export function countsAsked(graph: FakeGraph): number {
  return graph.requests.filter((request) => request.kind === "count" && request.inBatch).length;
}
