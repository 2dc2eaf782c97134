// Browser tests need Debian's Chromium (Playwright cannot download its own browser here). On a
// fresh machine where we are root with apt-get, install it; otherwise say what to do.
const { existsSync } = require("node:fs");
const { spawnSync } = require("node:child_process");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function ensureChromium() {
  if (existsSync(CHROMIUM)) return { ok: true, path: CHROMIUM };
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  if (!isRoot || !hasApt) {
    return {
      ok: false,
      why: `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`,
    };
  }
  console.error("Installing Chromium for the browser tests (apt-get install -y chromium)...");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  return existsSync(CHROMIUM)
    ? { ok: true, path: CHROMIUM }
    : { ok: false, why: "apt-get install chromium did not produce /usr/bin/chromium" };
}

module.exports = { ensureChromium, CHROMIUM };
