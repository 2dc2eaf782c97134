import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runIncidentCommand } from "../../src/cli/incident-command";
import { main } from "../../src/cli/main";
import { parsePolicy } from "../../src/core/policy";

const NOW = Date.parse("2026-11-27T10:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "reach-guard-incident-"));
const BASE = { warnAt: 50, blockAt: 5000, blockedAddresses: ["everyone@example.org"] };
const DECLARE = [
  "--id",
  "storm-1",
  "--subject",
  "Test email - please ignore",
  "--list",
  "everyone@example.org",
  "--hours",
  "24",
  "--message",
  "IT Service Desk: please do not reply, call 0300 123 4567",
];

function policyFile(content: unknown): string {
  const path = join(dir, `policy-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return path;
}

async function run(argv: string[], now = NOW) {
  let out = "";
  let err = "";
  const io = { out: (text: string) => (out += text), err: (text: string) => (err += text) };
  const code = await runIncidentCommand(argv, { LANG: "en_GB.UTF-8" }, io, () => now).catch(async () =>
    // The same arguments through the command line's front door, for its exit status and message.
    main(["incident", ...argv], {}, io),
  );
  return { code, out, err };
}

describe("reach-guard incident", () => {
  it("prints the policy with the incident added, valid by the add-in's own schema", async () => {
    const path = policyFile(BASE);
    const { code, out, err } = await run(["--policy", path, ...DECLARE]);
    expect(code).toBe(0);
    expect(err).toBe("");
    const printed = JSON.parse(out);
    expect(printed).toEqual({
      ...BASE,
      incidents: [
        {
          id: "storm-1",
          message: "IT Service Desk: please do not reply, call 0300 123 4567",
          expires: "2026-11-28T10:00:00Z",
          subject: "Test email - please ignore",
          list: "everyone@example.org",
        },
      ],
    });
    expect(parsePolicy(printed).incidents).toHaveLength(1);
    // Nothing written without --write.
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(BASE);
  });

  it("declares one by conversation id", async () => {
    const path = policyFile(BASE);
    const argv = ["--policy", path, "--id", "storm-2", "--conversation-id", "AAQkADStorm=", "--hours", "6"];
    const { code, out } = await run([...argv, "--message", "Please do not reply"]);
    expect(code).toBe(0);
    expect(JSON.parse(out).incidents[0]).toEqual({
      id: "storm-2",
      message: "Please do not reply",
      expires: "2026-11-27T16:00:00Z",
      conversationId: "AAQkADStorm=",
    });
  });

  it("writes the file in place with --write, keeping the previous copy as .bak", async () => {
    const path = policyFile(BASE);
    const before = readFileSync(path, "utf8");
    const { code, out, err } = await run(["--policy", path, ...DECLARE, "--write"]);
    expect(code).toBe(0);
    expect(out).toBe("");
    expect(err).toContain(`wrote ${path}`);
    expect(readFileSync(`${path}.bak`, "utf8")).toBe(before);
    expect(parsePolicy(JSON.parse(readFileSync(path, "utf8"))).incidents[0]?.id).toBe("storm-1");
    expect(existsSync(`${path}.${process.pid}.tmp`)).toBe(false);
  });

  it("replaces an incident of the same id rather than adding a second", async () => {
    const path = policyFile(BASE);
    await run(["--policy", path, ...DECLARE, "--write"]);
    const { out, err } = await run(["--policy", path, ...DECLARE.slice(0, -1), "Still no replies, please"]);
    expect(err).toContain("replaced incident storm-1");
    expect(JSON.parse(out).incidents.map((incident: { message: string }) => incident.message)).toEqual([
      "Still no replies, please",
    ]);
  });

  it("points out expired incidents, and --prune removes them", async () => {
    const expired = { id: "old", message: "m", expires: "2026-11-01T00:00:00Z", conversationId: "x" };
    const path = policyFile({ ...BASE, incidents: [expired] });
    const noted = await run(["--policy", path, ...DECLARE]);
    expect(noted.err).toContain(
      "incident old expired at 2026-11-01T00:00:00Z and does nothing; --prune removes it",
    );
    expect(JSON.parse(noted.out).incidents.map((incident: { id: string }) => incident.id)).toEqual([
      "old",
      "storm-1",
    ]);
    const pruned = await run(["--policy", path, "--prune"]);
    expect(pruned.code).toBe(0);
    expect(JSON.parse(pruned.out).incidents).toEqual([]);
  });

  it("shows whether a sample reply would be stopped, and the words the sender would see", async () => {
    const path = policyFile(BASE);
    const trying = ["--try-subject", "RE: Test email - please ignore", "--try-to", "everyone@example.org"];
    const { code, out } = await run(["--policy", path, ...DECLARE, ...trying]);
    expect(code).toBe(0);
    expect(out).toContain("try: stopped by incident storm-1");
    expect(out).toContain(
      "info bar:    Replies to “Test email - please ignore” are stopped during an incident. Reply to the sender only, or remove the list.",
    );
    expect(out).toContain(
      "Smart Alert: Replies to “Test email - please ignore” are stopped during an incident. IT Service Desk: please do not reply, call 0300 123 4567.",
    );
    const toSender = await run([
      "--policy",
      path,
      ...DECLARE,
      "--try-subject",
      "RE: Test email - please ignore",
      "--try-to",
      "c.jones@example.org",
    ]);
    expect(toSender.out).toContain("try: no incident stops this message");
  });

  it("tries the incidents already in the file on their own", async () => {
    const path = policyFile(BASE);
    await run(["--policy", path, ...DECLARE, "--write"]);
    const { out } = await run([
      "--policy",
      path,
      "--try-subject",
      "AW: test email - please ignore",
      "--try-to",
      "everyone@example.org",
    ]);
    expect(out).toBe(
      [
        "try: stopped by incident storm-1",
        "  info bar:    Replies to “test email - please ignore” are stopped during an incident. Reply to the sender only, or remove the list.",
        "  Smart Alert: Replies to “test email - please ignore” are stopped during an incident. IT Service Desk: please do not reply, call 0300 123 4567.",
        "",
      ].join("\n"),
    );
  });

  it("warns when the message runs to more than one sentence", async () => {
    const path = policyFile(BASE);
    const { code, err } = await run([
      "--policy",
      path,
      ...DECLARE.slice(0, -1),
      "Do not reply. Call 0300 123 4567.",
    ]);
    expect(code).toBe(0);
    expect(err).toContain("more than one sentence");
  });

  it.each([
    [
      ["--id", "storm-1", "--subject", "x", "--list", "everyone@example.org", "--message", "m"],
      "--hours or --expires is required",
    ],
    [[...DECLARE, "--expires", "2026-11-28T10:00:00Z"], "give --hours or --expires, not both"],
    [[...DECLARE.slice(0, -4), "--hours", "1000", "--message", "m"], "--hours must be a number of hours"],
    [["--id", "storm-1", "--hours", "2", "--message", "m"], "name the thread"],
    [
      ["--id", "storm 1", "--conversation-id", "c", "--hours", "2", "--message", "m"],
      "incidents[0].id must be a short name",
    ],
    [
      ["--id", "s", "--subject", "Test", "--hours", "2", "--message", "m"],
      "incidents[0].list must be given with subject",
    ],
    [
      ["--id", "s", "--conversation-id", "c", "--expires", "tomorrow", "--message", "m"],
      "incidents[0].expires must be a time in UTC",
    ],
    [[], "nothing to do"],
    [["--try-subject", "RE: x"], "--try-to is required"],
    [["--write"], "--write needs --id or --prune"],
    [["--colour", "red"], "Unknown option '--colour'"],
  ])("refuses %j with exit status 2 and says why", async (argv, problem) => {
    const path = policyFile(BASE);
    const { code, err } = await run(["--policy", path, ...argv]);
    expect(code).toBe(2);
    expect(err).toContain(problem);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(BASE);
  });

  it("refuses a policy file that is already broken, and a missing one, with exit status 2", async () => {
    const broken = await run(["--policy", policyFile({ ...BASE, warnAt: "fifty" }), ...DECLARE]);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain("warnAt must be a whole number");
    const missing = await run(["--policy", join(dir, "absent.json"), ...DECLARE]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("cannot read the policy file");
  });

  it("is reached through reach-guard's front door", async () => {
    let out = "";
    const path = policyFile(BASE);
    const code = await main(
      ["incident", "--policy", path, ...DECLARE],
      {},
      { out: (text) => (out += text), err: () => undefined },
    );
    expect(code).toBe(0);
    expect(parsePolicy(JSON.parse(out)).incidents[0]?.id).toBe("storm-1");
  });
});
