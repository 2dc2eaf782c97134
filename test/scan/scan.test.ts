import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { STATE_FILE } from "../../src/scan/state";
import { countsAsked, LISTED, listOf, outDir, readCatalogue, scan, useTenant } from "./scan-helpers";

// `reach-guard scan` end to end over real sockets against the local Graph server: every page read,
// every list sized, the outputs written, and the scan stopped and resumed without sizing twice.

const graph = useTenant();
const graphUrl = () => ["--graph-url", graph().url];

describe("a scan that finishes", () => {
  it("reads every page, sizes every list once and writes the three files (exit 0)", async () => {
    const dir = outDir();
    const run = await scan([...graphUrl(), "--out", dir]);
    expect(run.status).toBe(0);
    const catalogue = readCatalogue(dir);
    expect(catalogue.lists).toHaveLength(LISTED);
    // 2,102 lists at 999 a page: three pages, each asked once.
    const pages = graph().requests.filter((request) => request.kind === "groups" && !request.inBatch);
    expect(pages).toHaveLength(3);
    expect(countsAsked(graph())).toBe(LISTED * 2);
    expect(listOf(catalogue, "team3@trust.example")).toMatchObject({
      kind: "distribution",
      members: 40,
      externalMembers: 0,
    });
    expect(listOf(catalogue, "team2@trust.example")).toMatchObject({ members: 8, externalMembers: 1 });
    expect(listOf(catalogue, "theatre@trust.example")).toMatchObject({
      kind: "m365",
      members: 3,
      externalMembers: 1,
    });
    // Dynamic lists are invisible to /groups; without --addresses they are not in the catalogue.
    expect(listOf(catalogue, "everyone@trust.example")).toBeUndefined();
    for (const file of ["report.html", "report.csv"])
      expect(readFileSync(join(dir, file), "utf8").length).toBeGreaterThan(0);
    expect(existsSync(join(dir, STATE_FILE))).toBe(false);
    expect(run.out).toMatch(/sized 2,101 of 2,102 lists \(1 with no size\)/);
  });

  it("gives a list whose count is malformed no size, never 0", async () => {
    const dir = outDir();
    await scan([...graphUrl(), "--out", dir]);
    expect(listOf(readCatalogue(dir), "garbled@trust.example")).toMatchObject({
      kind: "security",
      members: null,
      externalMembers: null,
    });
  });

  it("retries $batch items throttled with Retry-After, and sizes them", async () => {
    graph().setFaults({ throttle: { on: "count", times: 30, retryAfter: 0 } });
    const dir = outDir();
    const run = await scan([...graphUrl(), "--out", dir]);
    expect(run.status).toBe(0);
    const catalogue = readCatalogue(dir);
    expect(catalogue.lists.filter((list) => list.members === null).map((list) => list.address)).toEqual([
      "garbled@trust.example",
    ]);
    // The thirty throttled counts were asked again: more counts than lists, all answered in the end.
    expect(countsAsked(graph())).toBe(LISTED * 2 + 30);
  });

  it("sizes dynamic lists from the address file through MailTips", async () => {
    const dir = outDir();
    const file = join(dir, "dynamic.txt");
    writeFileSync(
      file,
      "# exported from Exchange Online\nEveryone@trust.example\n\neveryone@trust.example\ntheatre@trust.example\n",
    );
    const run = await scan([...graphUrl(), "--out", dir, "--addresses", file]);
    expect(run.status).toBe(0);
    const catalogue = readCatalogue(dir);
    expect(listOf(catalogue, "everyone@trust.example")).toMatchObject({
      kind: "dynamic",
      members: 9000,
      externalMembers: 4,
      displayName: "Everyone",
    });
    // A /groups list already sized keeps its kind and is not asked of MailTips again.
    expect(listOf(catalogue, "theatre@trust.example")).toMatchObject({ kind: "m365", members: 3 });
    const tips = graph().requests.filter((request) => request.kind === "mailtips");
    expect(tips.map((request) => request.addresses)).toEqual([1]);
  });
});

describe("a scan that stops and resumes", () => {
  it("stops when Graph throttles every batch half way (exit 3), then resumes without sizing again", async () => {
    const dir = outDir();
    graph().setFaults({ throttle: { on: "batch", after: 30, retryAfter: 0 } });
    const stopped = await scan([...graphUrl(), "--out", dir]);
    expect(stopped.status).toBe(3);
    expect(stopped.err).toMatch(/the scan stopped, sizing lists: .*429.*the same command resumes it/);
    expect(stopped.err.trim().split("\n").at(-1)).not.toMatch(/demo-token/);
    const state = JSON.parse(readFileSync(join(dir, STATE_FILE), "utf8")) as {
      sized: unknown[];
      pending: unknown[];
    };
    expect(state.sized.length).toBeGreaterThan(0);
    expect(state.sized.length + state.pending.length).toBe(LISTED);
    expect(existsSync(join(dir, "catalogue.json"))).toBe(false);

    graph().setFaults({});
    graph().resetLog();
    const resumed = await scan([...graphUrl(), "--out", dir]);
    expect(resumed.status).toBe(0);
    expect(resumed.err).toMatch(/resuming the scan/);
    // Only the lists left were counted, and no page was read again.
    expect(countsAsked(graph())).toBe(state.pending.length * 2);
    expect(graph().requests.filter((request) => request.kind === "groups" && !request.inBatch)).toHaveLength(
      0,
    );
    expect(readCatalogue(dir).lists).toHaveLength(LISTED);
    expect(existsSync(join(dir, STATE_FILE))).toBe(false);
  });

  it("stops with Graph down while reading pages, keeps the pages read, and resumes from the next link", async () => {
    const dir = outDir();
    graph().setFaults({ status: { code: 503, on: "groups", after: 1, retryAfter: 0 } });
    const stopped = await scan([...graphUrl(), "--out", dir]);
    expect(stopped.status).toBe(3);
    expect(stopped.err).toMatch(/reading the lists: .*503/);
    const state = JSON.parse(readFileSync(join(dir, STATE_FILE), "utf8")) as {
      nextPage: string;
      pending: unknown[];
    };
    expect(state.pending).toHaveLength(999);
    expect(state.nextPage).toMatch(/^\/groups\?.*skiptoken/);
    graph().setFaults({});
    graph().resetLog();
    expect((await scan([...graphUrl(), "--out", dir])).status).toBe(0);
    expect(graph().requests.filter((request) => request.kind === "groups" && !request.inBatch)).toHaveLength(
      2,
    );
    expect(readCatalogue(dir).lists).toHaveLength(LISTED);
  });

  it("stops when the token is refused mid-scan, naming it without the token", async () => {
    const dir = outDir();
    const run = await scan([...graphUrl(), "--out", dir], {
      env: { REACH_GUARD_TOKEN: "expired-token-value" },
    });
    expect(run.status).toBe(3);
    expect(run.err).toMatch(/refused the token \(401 InvalidAuthenticationToken\)/);
    expect(run.err).not.toContain("expired-token-value");
    expect(readFileSync(join(dir, STATE_FILE), "utf8")).not.toContain("expired-token-value");
  });

  it("refuses a next-page link to another host and never sends the token there", async () => {
    const dir = outDir();
    graph().setFaults({ nextLinkOrigin: "https://graph.elsewhere.example" });
    const run = await scan([...graphUrl(), "--out", dir]);
    expect(run.status).toBe(3);
    expect(run.err).toMatch(/next-page link outside .*was not followed/);
    expect(graph().requests.filter((request) => request.kind === "groups")).toHaveLength(1);
  });

  it("refuses a malformed page rather than taking it for an empty tenant", async () => {
    const dir = outDir();
    graph().setFaults({ malformed: { on: "groups" } });
    const run = await scan([...graphUrl(), "--out", dir]);
    expect(run.status).toBe(3);
    expect(existsSync(join(dir, "catalogue.json"))).toBe(false);
  });

  it("refuses a state file left by a scan of another Graph, and a corrupt one (exit 2)", async () => {
    const dir = outDir();
    writeFileSync(
      join(dir, STATE_FILE),
      JSON.stringify({
        format: "reach-guard-scan-state/1",
        graphRoot: "https://graph.microsoft.com",
        startedAt: "2026-11-27T03:00:00Z",
        nextPage: null,
        pending: [],
        sized: [],
        tipped: [],
      }),
    );
    const other = await scan([...graphUrl(), "--out", dir]);
    expect(other.status).toBe(2);
    expect(other.err).toMatch(/left by a scan of https:\/\/graph\.microsoft\.com/);
    writeFileSync(join(dir, STATE_FILE), "{ not json");
    const corrupt = await scan([...graphUrl(), "--out", dir]);
    expect(corrupt.status).toBe(2);
    expect(corrupt.err).toMatch(/is not valid JSON; delete it/);
    expect(graph().requests).toHaveLength(0);
  });
});
