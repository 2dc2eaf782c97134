import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEMO_PREVIOUS_CATALOGUE_PATH } from "../../src/fake-graph";
import { outDir, readCatalogue, scan, useTenant } from "./scan-helpers";

// The command's contract with a scheduler: what it refuses before asking Graph anything (exit 2),
// and drift alarms (exit 4) printed one a line with the blockedAddresses to add.

const graph = useTenant();

describe("usage errors, found before Graph is asked anything (exit 2)", () => {
  const refused = async (args: string[], problem: RegExp, env?: NodeJS.ProcessEnv) => {
    const run = await scan(args, env ? { env } : {});
    expect(run.status).toBe(2);
    expect(run.err).toMatch(problem);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(graph().requests).toHaveLength(0);
  };

  it("needs --out", () => refused(["--graph-url", graph().url], /--out DIR is required/));
  it("refuses a Graph root that is not Graph's", () =>
    refused(
      ["--graph-url", "https://graph.evil.example", "--out", outDir()],
      /--graph-url must be a Microsoft Graph root/,
    ));
  it("needs a token", () =>
    refused(["--graph-url", graph().url, "--out", outDir()], /set REACH_GUARD_TOKEN/, {}));
  it("refuses two ways of signing in", () =>
    refused(
      ["--demo", "--device-code", "--client-id", "x", "--tenant", "t", "--out", outDir()],
      /choose one of/,
    ));
  it("wants --mailbox for app-only MailTips", () =>
    refused(
      [
        "--certificate",
        "c.pem",
        "--client-id",
        "x",
        "--tenant",
        "t",
        "--addresses",
        "a.txt",
        "--out",
        outDir(),
      ],
      /needs --mailbox/,
    ));

  it("names the problem with a broken previous catalogue", async () => {
    const dir = outDir();
    const previous = join(dir, "yesterday.json");
    writeFileSync(
      previous,
      JSON.stringify({
        format: "reach-guard-catalogue/1",
        scannedAt: "2026-11-26T03:00:00Z",
        lists: [{ address: "x" }],
      }),
    );
    await refused(
      ["--graph-url", graph().url, "--out", dir, "--previous", previous],
      /--previous .*lists\[0\]\.address must be an email address/,
    );
  });

  it("reports the address file's bad lines by number", async () => {
    const dir = outDir();
    const file = join(dir, "dynamic.txt");
    writeFileSync(file, "all@trust.example\nnot an address\n# fine\nx500:/o=Trust\n");
    await refused(
      ["--graph-url", graph().url, "--out", dir, "--addresses", file],
      /line 2 "not an address", line 4 "x500:\/o=Trust"/,
    );
  });

  it("reads an address file as Windows PowerShell writes it (UTF-16 with a byte order mark)", async () => {
    const dir = outDir();
    const file = join(dir, "dynamic.txt");
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("everyone@trust.example\r\n", "utf16le")]),
    );
    const run = await scan(["--graph-url", graph().url, "--out", dir, "--addresses", file]);
    expect(run.status).toBe(0);
    expect(readCatalogue(dir).lists.some((list) => list.address === "everyone@trust.example")).toBe(true);
  });
});

describe("drift against the previous catalogue", () => {
  it("exits 0 when nothing grew", async () => {
    const first = outDir();
    expect((await scan(["--graph-url", graph().url, "--out", first])).status).toBe(0);
    const run = await scan([
      "--graph-url",
      graph().url,
      "--out",
      outDir(),
      "--previous",
      join(first, "catalogue.json"),
    ]);
    expect(run.status).toBe(0);
    expect(run.err).not.toMatch(/alarm/);
  });

  it("exits 4 with one line per alarm and the suggested blockedAddresses", async () => {
    const first = outDir();
    await scan(["--graph-url", graph().url, "--out", first]);
    const path = join(first, "catalogue.json");
    const text = readFileSync(path, "utf8").replace(
      /("address":"team3@trust\.example".*?"members":)40/,
      "$14",
    );
    writeFileSync(path, text);
    const policy = join(first, "policy.json");
    writeFileSync(policy, JSON.stringify({ warnAt: 10, blockAt: 30 }));
    const run = await scan([
      "--graph-url",
      graph().url,
      "--out",
      outDir(),
      "--previous",
      path,
      "--policy",
      policy,
    ]);
    expect(run.status).toBe(4);
    expect(run.err).toContain('reach-guard: alarm crossed-block: team3@trust.example ("Team 3") 4 -> 40\n');
    expect(run.err).toMatch(/suggested blockedAddresses: \[.*"team3@trust\.example".*\]/);
  });
});

describe("--demo", () => {
  it("scans the demo directory and shows the bulletin that grew overnight (exit 4)", async () => {
    const dir = outDir();
    const run = await scan(["--demo", "--out", dir, "--previous", DEMO_PREVIOUS_CATALOGUE_PATH], { env: {} });
    expect(run.status).toBe(4);
    expect(run.err).toMatch(/alarm crossed-block: outpatients-bulletin@example\.org .* 320 -> 6,400/);
    expect(readCatalogue(dir).lists.length).toBeGreaterThan(300);
  });
});
