#!/usr/bin/env node
// `npm start`: builds the add-in with the playground (a stand-in Outlook) and serves it, with the
// local Graph-compatible server on the demo directory behind it. `PORT=4000 npm start` moves it;
// `npm start -- --policy my-policy.json` tries an admin's policy on the demo directory; a policy
// that does not validate stops the start before anything is built, with every problem named.
const { join, resolve } = require("node:path");
const { URL } = require("node:url");
const { parseArgs } = require("node:util");
const { main: build } = require("./build");
const { policyFileProblems } = require("./build/options");
const { DEVELOPMENT_BASE_URL } = require("./build/deployment-files");

const root = join(__dirname, "..");
// Not dist/: that folder is what an admin hosts, and a localhost build must not replace it.
const outDir = join(root, "node_modules", ".cache", "reach-guard", "playground");
// The port the development manifest (manifest.xml at the root) points at, so that a developer can
// sideload that file as it is while this serves the add-in.
const DEFAULT_PORT = Number(new URL(DEVELOPMENT_BASE_URL).port);
// Problems printed for an invalid policy; a file can have thousands (one per bad entry).
const MAX_PROBLEMS_SHOWN = 20;

function readPort(value) {
  if (value === undefined || value === "") return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return null;
  return port;
}

async function main() {
  let policyPath;
  let policyName;
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { policy: { type: "string" } } });
    policyName = values.policy;
    if (policyName === "") throw new Error("--policy needs a file name");
    policyPath = values.policy === undefined ? undefined : resolve(values.policy);
  } catch (error) {
    console.error(`start: ${error.message}. Usage: npm start [-- --policy my-policy.json]`);
    return 2;
  }
  if (policyPath !== undefined) {
    // The add-in's own parser, as the build, the add-in and the check command use it.
    const problems = policyFileProblems(policyPath);
    if (problems.length > 0) {
      console.error(`start: ${policyName} cannot be used as the policy, so nothing was built:`);
      for (const problem of problems.slice(0, MAX_PROBLEMS_SHOWN)) console.error(`  ${problem}`);
      if (problems.length > MAX_PROBLEMS_SHOWN) {
        console.error(`  and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
      }
      return 2;
    }
  }
  const port = readPort(process.env.PORT);
  if (port === null) {
    console.error(`start: PORT must be a whole number from 0 to 65535, got ${process.env.PORT}`);
    return 2;
  }
  const host = process.env.HOST || "127.0.0.1";
  console.log("Building the add-in and the playground...");
  const built = await build([
    "--base-url",
    `http://localhost:${port || DEFAULT_PORT}`,
    "--out",
    outDir,
    "--playground",
    "--dev",
  ]);
  if (built !== 0) return built;
  // The server is TypeScript like the rest of the project; tsx compiles it on the fly.
  require("tsx/cjs/api").register();
  const { run } = require("../src/playground/server/main.ts");
  return run({ distDir: outDir, port, host, ...(policyPath ? { policyPath } : {}) });
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error) => {
    console.error(`start: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  },
);
