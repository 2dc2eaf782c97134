import { readFileSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
/** One playground build for the whole browser suite (git-ignored, replaced on every run). */
export const BUILD_DIR = join(ROOT, "test-output", "browser-build");
export const SCREENSHOTS = join(ROOT, "test-output", "screenshots");
/** The port the build was made for: the add-in's host address is fixed at build time. */
export const PORT_FILE = join(ROOT, "test-output", "browser-port.txt");

export function builtPort(): number {
  return Number(readFileSync(PORT_FILE, "utf8").trim());
}
