import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";

// Every file the scan writes is written whole or not at all: to a temporary file beside it, then
// renamed over it (a rename within one folder is atomic), so a scan killed half way never leaves a
// truncated catalogue for the add-in or a state file that cannot be resumed from.

export async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, text, "utf8");
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
