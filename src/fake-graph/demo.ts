import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createFakeDirectory, type DirectoryData, type FakeDirectory } from "./directory";

// The demo organisation: an all-staff dynamic list of 840,000 people (the NHS incident's size) that
// only MailTips can size, nested lists, a Microsoft 365 group with guests, a team of 12, a list
// whose MailTip has no count, a restricted and a moderated list. Used by `--demo`, the playground,
// the benchmarks and the tests.

export const DEMO_DIRECTORY_PATH = join(__dirname, "demo-directory.json");

export function parseDirectoryData(value: unknown, source: string): DirectoryData {
  const data = value as Partial<DirectoryData>;
  const problems: string[] = [];
  if (!Array.isArray(data.domains) || data.domains.length === 0)
    problems.push("domains must list at least one domain");
  if (typeof data.me !== "string" || !data.me.includes("@")) problems.push("me must be an address");
  if (!Array.isArray(data.users)) problems.push("users must be a list");
  if (!Array.isArray(data.groups)) problems.push("groups must be a list");
  for (const group of Array.isArray(data.groups) ? data.groups : []) {
    if (typeof group?.id !== "string" || typeof group.mail !== "string")
      problems.push("every group needs an id and a mail");
    else if (group.kind === "dynamic" && typeof group.memberCount !== "number")
      problems.push(`${group.mail}: a dynamic list needs memberCount`);
  }
  if (problems.length > 0) throw new Error(`${source}: ${problems.join("; ")}`);
  return data as DirectoryData;
}

export function loadDemoDirectory(path: string = DEMO_DIRECTORY_PATH): FakeDirectory {
  return createFakeDirectory(parseDirectoryData(JSON.parse(readFileSync(path, "utf8")), path));
}
