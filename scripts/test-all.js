#!/usr/bin/env node
// `npm test`: every test there is — unit, adapter and component tests (jest), then the browser
// tests in headless Chromium (jest with jest.browser.config.js) — and one summary line at the end,
// `tests: N passed, N failed`, which CI reads.
const { spawnSync } = require("node:child_process");
const { mkdtempSync, readFileSync, existsSync } = require("node:fs");
const { join } = require("node:path");
const { tmpdir } = require("node:os");
const { ensureChromium } = require("./ensure-chromium");

const root = join(__dirname, "..");
const outDir = mkdtempSync(join(tmpdir(), "reach-guard-tests-"));
const extra = process.argv.slice(2);

function runJest(name, configArgs) {
  const outputFile = join(outDir, `${name}.json`);
  const result = spawnSync(
    process.execPath,
    [require.resolve("jest/bin/jest"), ...configArgs, "--json", `--outputFile=${outputFile}`, ...extra],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: process.env },
  );
  if (!existsSync(outputFile)) return { passed: 0, failed: 1, status: result.status ?? 1 };
  const report = JSON.parse(readFileSync(outputFile, "utf8"));
  // A suite that fails to load has no tests but must still count as a failure.
  const brokenSuites = report.numRuntimeErrorTestSuites ?? 0;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenSuites,
    status: result.status ?? 1,
  };
}

const suites = [["unit", []]];
const skipBrowser = process.env.REACH_GUARD_SKIP_BROWSER === "1";
if (!skipBrowser && existsSync(join(root, "jest.browser.config.js"))) {
  const chromium = ensureChromium();
  if (chromium.ok) suites.push(["browser", ["-c", "jest.browser.config.js"]]);
  else console.error(`\nBrowser tests cannot run: ${chromium.why}\n`);
  if (!chromium.ok) suites.push(["browser-missing", null]);
}

let passed = 0;
let failed = 0;
let status = 0;
for (const [name, args] of suites) {
  if (args === null) {
    failed += 1;
    status = 1;
    continue;
  }
  const result = runJest(name, args);
  passed += result.passed;
  failed += result.failed;
  if (result.status !== 0) status = result.status || 1;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : status;
