import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXCHANGE_USAGE } from "../../src/cli/exchange-command";
import { main } from "../../src/cli/main";
import { DEMO_POLICY_PATH, demoCatalogueTextForTests } from "../exchange/helpers";

// reach-guard exchange through the command line's front door: files in, a script out (or written
// with its rollback launcher), and every refusal an exit status of 2 with the option named.

const dir = mkdtempSync(join(tmpdir(), "reach-guard-exchange-"));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const CATALOGUE = file("catalogue.json", demoCatalogueTextForTests());

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(
    ["exchange", ...argv],
    {},
    { out: (text) => (out += text), err: (text) => (err += text) },
  );
  return { code, out, err };
}

describe("reach-guard exchange", () => {
  it("prints the script for the demo policy and catalogue", async () => {
    const { code, out, err } = await run(["--policy", DEMO_POLICY_PATH, "--catalogue", CATALOGUE]);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toMatch(/^# Reach Guard: the Exchange backstop/);
    expect(out).toContain("from the policy policy.json and the reach catalogue of 2026-11-27T03:00:00Z.");
    expect(out.match(/^Set-ReachGuardList /gm)).toHaveLength(3);
    expect(out.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("writes the script and its rollback launcher with --out, whole, with a byte order mark", async () => {
    const outDir = mkdtempSync(join(dir, "out-"));
    const target = join(outDir, "reach-guard-exchange.ps1");
    const { code, out, err } = await run([
      "--policy",
      DEMO_POLICY_PATH,
      "--catalogue",
      CATALOGUE,
      "--out",
      target,
    ]);
    expect(code).toBe(0);
    expect(out).toBe("");
    expect(err).toContain(`wrote ${target} and ${join(outDir, "reach-guard-exchange.rollback.ps1")}`);
    expect(readdirSync(outDir).sort()).toEqual([
      "reach-guard-exchange.ps1",
      "reach-guard-exchange.rollback.ps1",
    ]);
    const script = readFileSync(target, "utf8");
    expect(script.charCodeAt(0)).toBe(0xfeff);
    expect(script).toContain("Set-ReachGuardList -Address 'everyone@example.org'");
    const launcher = readFileSync(join(outDir, "reach-guard-exchange.rollback.ps1"), "utf8");
    expect(launcher).toContain("undoes the newest run of reach-guard-exchange.ps1");
  });

  it("sends the report to --report-to and warns on standard error of what it cannot express", async () => {
    const { code, out, err } = await run([
      "--policy",
      DEMO_POLICY_PATH,
      "--report-to",
      "reach-guard-reports@example.org",
    ]);
    expect(code).toBe(0);
    expect(out).toContain("GenerateIncidentReport = 'reach-guard-reports@example.org'");
    expect(err).toMatch(
      /^reach-guard: warning: blockedAddresses all-\*@example\.org: patterns need --catalogue/m,
    );
  });

  it("takes storm values within Exchange's ranges", async () => {
    const { code, out } = await run([
      "--policy",
      DEMO_POLICY_PATH,
      "--storm-recipients",
      "2000",
      "--storm-replies",
      "7",
      "--storm-hours",
      "3",
    ]);
    expect(code).toBe(0);
    expect(out).toContain("ReplyAllStormDetectionMinimumRecipients = 2000");
    expect(out).toContain("ReplyAllStormDetectionMinimumReplies = 7");
    expect(out).toContain("ReplyAllStormBlockDurationHours = 3");
  });

  it.each([
    [["--storm-recipients", "500"], /--storm-recipients must be a whole number from 1000 to 5000/],
    [["--storm-replies", "25"], /--storm-replies must be a whole number from 5 to 20/],
    [["--storm-hours", "24"], /--storm-hours must be a whole number from 1 to 12/],
    [["--moderate"], /--moderator is required with --moderate/],
    [["--mailtip", "x".repeat(176)], /--mailtip must be at most 175 characters/],
    [["--report-to", "reports"], /--report-to must be an email address/],
    [["--out", join(dir, "script.txt")], /--out must name a \.ps1 file/],
    [["--catalogue", join(dir, "missing.json")], /cannot read --catalogue .*missing\.json \(ENOENT\)/],
    [["--catalogue", DEMO_POLICY_PATH], /--catalogue .*policy\.json: format must be/],
    [["--colour"], /Unknown option '--colour'/],
  ])("refuses %j with exit 2, naming the option", async (extra, message) => {
    const { code, out, err } = await run(["--policy", DEMO_POLICY_PATH, ...extra]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(message);
  });

  it("refuses a policy that would leave the lists open to anyone, and an invalid policy", async () => {
    const open = file("open.json", JSON.stringify({ blockedAddresses: ["everyone@example.org"] }));
    const refused = await run(["--policy", open]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/empty AcceptMessagesOnlyFromSendersOrMembers lets anyone post/);
    const moderated = await run(["--policy", open, "--moderate", "--moderator", "it-moderators@example.org"]);
    expect(moderated.code).toBe(0);
    expect(moderated.out).toContain("$Moderators = @('it-moderators@example.org')");

    const invalid = await run(["--policy", file("bad.json", JSON.stringify({ blockAt: -1 }))]);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(/blockAt must be a whole number/);
    expect((await run([])).err).toMatch(/--policy is required/);
  });

  it("is listed in the overview and has its usage", async () => {
    let out = "";
    await main([], {}, { out: (text) => (out += text), err: () => undefined });
    expect(out).toMatch(/^ {2}exchange {3}/m);
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toBe(`${EXCHANGE_USAGE}\n`);
  });
});
