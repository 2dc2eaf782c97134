import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");

export interface BuildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node scripts/build.js ...args` as an admin would, in a child process. */
export function runBuild(args: readonly string[], timeoutMs = 150_000): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts", "build.js"), ...args], {
      cwd: ROOT,
      // Only the flags given here count, not REACH_GUARD_* settings of the shell running the tests.
      env: Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !name.startsWith("REACH_GUARD_")),
      ),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`build did not finish within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export function tempOutDir(prefix: string): string {
  return join(mkdtempSync(join(tmpdir(), `reach-guard-${prefix}-`)), "dist");
}
