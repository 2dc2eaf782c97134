import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, type BuildRun } from "./run-build";

// `npm start -- --policy FILE` checks the file with the add-in's own parser before it builds
// anything. Every case here stops before the build, so none of them takes more than a moment.

function start(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts", "start.js"), ...args], {
      cwd: ROOT,
      env: {
        ...Object.fromEntries(
          Object.entries(process.env).filter(([name]) => !name.startsWith("REACH_GUARD_")),
        ),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Were the policy not checked first, the build would start: stop it rather than wait for it.
    const timer = setTimeout(() => child.kill(), 15_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "reach-guard-start-"));
function policy(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test("an invalid policy stops the start before the build, with every problem named", async () => {
  const path = policy("bad.json", '{ "warnAt": 100, "blokAt": 1, "directoryUnavailable": "maybe" }');
  const run = await start(["--policy", path]);
  expect(run.code).toBe(2);
  expect(run.stdout).not.toContain("Building");
  const lines = run.stderr.trim().split("\n");
  expect(lines[0]).toBe(`start: ${path} cannot be used as the policy, so nothing was built:`);
  expect(lines.slice(1).sort()).toEqual([
    "  blokAt is not a policy field",
    '  directoryUnavailable must be one of "allow", "warn" or "block"',
  ]);
});

test("a rule across fields and a field written twice are caught as the add-in catches them", async () => {
  const order = await start(["--policy", policy("order.json", '{ "warnAt": 100, "blockAt": 10 }')]);
  expect(order.code).toBe(2);
  expect(order.stderr).toContain("  blockAt must be a whole number >= warnAt");
  const twice = await start(["--policy", policy("twice.json", '{ "blockAt": 5000, "blockAt": 50000 }')]);
  expect(twice.code).toBe(2);
  expect(twice.stderr).toMatch(/cannot be used as the policy[^\n]*\n {2}[^\n]*blockAt/);
});

test("more than twenty problems are cut to twenty lines and a count", async () => {
  const entries = Array.from({ length: 30 }, (_, index) => `"not an address ${index}"`).join(", ");
  const run = await start(["--policy", policy("many.json", `{ "blockedAddresses": [${entries}] }`)]);
  expect(run.code).toBe(2);
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(22);
  expect(lines[21]).toBe("  and 10 more");
});

test("a file that cannot be read, and an empty --policy", async () => {
  const missing = await start(["--policy", join(dir, "missing.json")]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(
    /cannot be used as the policy, so nothing was built:\n {2}cannot be read: ENOENT/,
  );
  const empty = await start(["--policy", ""]);
  expect(empty.code).toBe(2);
  expect(empty.stderr.trim()).toBe(
    "start: --policy needs a file name. Usage: npm start [-- --policy my-policy.json]",
  );
});

test("a valid policy passes the check (a bad PORT then stops the start, still before the build)", async () => {
  const run = await start(["--policy", policy("good.json", '\uFEFF{ "warnAt": 10, "blockAt": 20 }')], {
    PORT: "not-a-port",
  });
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe("start: PORT must be a whole number from 0 to 65535, got not-a-port");
  expect(run.stdout).not.toContain("Building");
});
