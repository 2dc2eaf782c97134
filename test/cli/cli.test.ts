import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCheckArgs } from "../../src/cli/args";
import { main } from "../../src/cli/main";
import { GRAPH_ROOT_RULE } from "../../src/directory/graph/roots";

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = "";
  let err = "";
  const code = await main(argv, env, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "reach-guard-cli-"));
function policyFile(content: string): string {
  const path = join(dir, `policy-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, content);
  return path;
}

describe("reach-guard check --demo", () => {
  it("trusts a delivery restriction only for the mailbox MailTips answered for", async () => {
    // The Trust Board takes mail from the chair only. MailTips answer for the demo's signed-in user
    // (Dr Hart), so for her the list bounces; the chair's own mailbox may post to all 8 members.
    const policy = policyFile(JSON.stringify({ warnAt: 5, blockAt: 5000 }));
    const check = async (from: string) =>
      JSON.parse(
        (
          await run([
            "check",
            "--from",
            from,
            "--to",
            "trust-board@example.org",
            "--policy",
            policy,
            "--demo",
            "--json",
          ])
        ).out,
      );
    expect(await check("dr.amelia.hart@example.org")).toMatchObject({
      verdict: "allow",
      reach: 0,
      reasons: [{ code: "list-restricted" }],
    });
    expect(await check("chair@example.org")).toMatchObject({ verdict: "warn", reach: 8 });
  });

  it("blocks a reply to all staff and prints the documented JSON", async () => {
    const policy = policyFile(JSON.stringify({ warnAt: 50, blockAt: 5000 }));
    const result = await run([
      "check",
      "--from",
      "dr.amelia.hart@example.org",
      "--to",
      "everyone@example.org,ward7-team@example.org",
      "--policy",
      policy,
      "--demo",
      "--json",
    ]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json).toMatchObject({ verdict: "block", reach: 840012, accuracy: "upper-bound", complete: true });
    expect(json.recipients[0]).toEqual({
      address: "everyone@example.org",
      field: "to",
      kind: "list",
      members: 840000,
      externalMembers: 0,
      source: "graph",
    });
    expect(json.reasons[0]).toMatchObject({ code: "reach-over-block", verdict: "block" });
  });

  it("says, in monitor mode, what enforcement would decide beside what is enforced", async () => {
    const policy = policyFile(JSON.stringify({ mode: "monitor", warnAt: 50, blockAt: 5000 }));
    const result = await run([
      "check",
      "--from",
      "dr.amelia.hart@example.org",
      "--to",
      "everyone@example.org",
      "--policy",
      policy,
      "--demo",
      "--json",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ verdict: "allow", mode: "monitor", wouldBe: "block" });
  });

  it("prints a table and the verdict for people", async () => {
    const result = await run([
      "check",
      "--from",
      "a@example.org",
      "--to",
      "ward7-team@example.org",
      "--cc",
      "Nobody",
      "--demo",
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^FIELD\s+ADDRESS\s+KIND\s+SOURCE\s+DETAIL/);
    expect(result.out).toMatch(/to\s+ward7-team@example\.org\s+list\s+graph\s+12 members/);
    expect(result.out).toMatch(/cc\s+Nobody\s+invalid\s+none\s+missing-at/);
    expect(result.out).toContain("Warning: Reaches at least 12 people.");
  });

  it("uses the built-in policy's thresholds when none is given", async () => {
    const result = await run([
      "check",
      "--from",
      "a@example.org",
      "--to",
      "clinical-leads@example.org",
      "--demo",
      "--json",
    ]);
    expect(JSON.parse(result.out)).toMatchObject({ verdict: "warn", reach: 300 });
  });
});

describe("reach-guard check --demo with more", () => {
  it("uses the demo token even when REACH_GUARD_TOKEN is set, so the real one never reaches it", async () => {
    const result = await run(
      ["check", "--from", "a@example.org", "--to", "ward7-team@example.org", "--demo", "--json"],
      { REACH_GUARD_TOKEN: "eyJ0-a-real-token" },
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json).toMatchObject({ verdict: "allow", reach: 12, complete: true });
    expect(json.reasons).toEqual([]);
  });

  it("keeps quoted display names with commas and Name <address> forms together", async () => {
    const result = await run([
      "check",
      "--from",
      "a@example.org",
      "--to",
      '"Team, Ward 7" <ward7-team@example.org>; Leads <clinical-leads@example.org>',
      "--demo",
      "--json",
    ]);
    const json = JSON.parse(result.out);
    expect(json.recipients.map((recipient: { address: string }) => recipient.address)).toEqual([
      "ward7-team@example.org",
      "clinical-leads@example.org",
    ]);
    expect(json.reach).toBe(312);
  });

  it("prints a table for a few thousand recipients", async () => {
    const many = Array.from({ length: 3000 }, (_, n) => `person${n}@example.org`).join(",");
    const result = await run(["check", "--from", "a@example.org", "--to", many, "--demo"]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(result.out.split("\n").filter((line) => /^to\s+person\d+@example\.org\s/.test(line))).toHaveLength(
      3000,
    );
  }, 20_000);
});

describe("reach-guard errors", () => {
  it.each([
    [["check", "--to", "a@example.org", "--demo"], "--from is required"],
    [["check", "--from", "a@example.org", "--demo"], "at least one of --to, --cc or --bcc is required"],
    [["check", "--from", "a@example.org", "--to", "b@example.org", "--frobnicate"], "Unknown option"],
    [["send", "--from", "a@example.org"], 'unknown command "send"'],
    [["check", "--from", "a@x.org", "--to", "b@x.org"], "REACH_GUARD_TOKEN"],
  ])("exits 2 with one line for %j", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err.trim().split("\n")).toHaveLength(1);
    expect(result.out).toBe("");
  });

  it.each([
    "http://[::1]",
    "https://graph.microsoft.com/v1.0",
    "https://evil.example",
    "https://graph.microsoft.com?x=1",
    "notaurl",
  ])("refuses --graph-url %s with exit 2, the option and the rule named", async (url) => {
    const result = await run(["check", "--from", "a@x.org", "--to", "b@x.org", "--graph-url", url]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`reach-guard: --graph-url ${GRAPH_ROOT_RULE}; got ${JSON.stringify(url)}\n`);
    expect(result.out).toBe("");
  });

  it("accepts a national cloud's Graph root for --graph-url", async () => {
    const argv = [
      "check",
      "--from",
      "a@x.org",
      "--to",
      "b@x.org",
      "--graph-url",
      "https://graph.microsoft.us/",
    ];
    expect(parseCheckArgs(argv).graphUrl).toBe("https://graph.microsoft.us");
    // Past the URL check, the next thing missing is the token: nothing is sent anywhere.
    expect((await run(argv)).err).toContain("REACH_GUARD_TOKEN");
  });

  it.each([
    [
      "--to",
      '"Smith, John <js@example.org>, everyone@example.org',
      '--to has an unclosed quote in "\\"Smith, John <js@example.org>, everyone@example.org"',
    ],
    [
      "--cc",
      "ward7-team@example.org; Smith <js@example.org, everyone@example.org",
      '--cc has an unclosed < in "Smith <js@example.org, everyone@example.org"',
    ],
    [
      "--bcc",
      "ward7-team@example.org, js@example.org>, everyone@example.org",
      '--bcc has a > without a < in "js@example.org>"',
    ],
  ])("exits 2 naming the piece of %s that cannot be split", async (option, list, message) => {
    const result = await run(["check", "--from", "a@example.org", option, list, "--demo"]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`reach-guard: ${message}\n`);
    expect(result.out).toBe("");
  });

  it("exits 2 naming the field of an invalid policy file", async () => {
    const policy = policyFile(JSON.stringify({ warnAt: 100, blockAt: 10 }));
    const result = await run(["check", "--from", "a@x.org", "--to", "b@x.org", "--policy", policy, "--demo"]);
    expect(result.code).toBe(2);
    expect(result.err).toBe("reach-guard: Invalid policy: blockAt must be a whole number >= warnAt\n");
  });

  it("exits 2 for a policy file that is missing or not JSON", async () => {
    expect(
      (
        await run([
          "check",
          "--from",
          "a@x.org",
          "--to",
          "b@x.org",
          "--policy",
          join(dir, "none.json"),
          "--demo",
        ])
      ).code,
    ).toBe(2);
    const broken = policyFile("{ not json");
    const result = await run(["check", "--from", "a@x.org", "--to", "b@x.org", "--policy", broken, "--demo"]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("not valid JSON");
  });

  it("runs as the package's bin with real exit codes", () => {
    const bin = join(__dirname, "../../bin/reach-guard.js");
    const ok = spawnSync(
      process.execPath,
      [bin, "check", "--from", "a@example.org", "--to", "ward7-team@example.org", "--demo", "--json"],
      {
        encoding: "utf8",
      },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).reach).toBe(12);
    const bad = spawnSync(process.execPath, [bin, "check"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
  });
});

describe("help", () => {
  it("names every command when none is given, and fails so a script notices", async () => {
    const { code, out } = await run([]);
    expect(code).toBe(2);
    for (const command of ["check", "scan", "incident"])
      expect(out).toMatch(new RegExp(`^  ${command} `, "m"));
  });

  it("gives each command's own options after --help", async () => {
    expect((await run(["scan", "--help"])).out).toMatch(/^usage: reach-guard scan --out DIR/);
    expect((await run(["incident", "--help"])).out).toMatch(/^usage: reach-guard incident --policy/);
    const check = await run(["check", "--help"]);
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/^Usage: reach-guard check --from/);
  });
});
