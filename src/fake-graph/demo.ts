import { readFileSync } from "node:fs";
import { join } from "node:path";
import { demoStormThread } from "./demo-mailbox";
import { createFakeDirectory, type DirectoryData, type FakeDirectory } from "./directory";

// The demo organisation: an all-staff dynamic list of 840,000 people (the NHS incident's size) that
// only MailTips can size, nested lists, a Microsoft 365 group with guests, a team of 12, a list
// whose MailTip has no count, a restricted and a moderated list; a few hundred generated team lists
// and a bulletin that grew twentyfold since the previous day's catalogue (demo-previous-catalogue.json),
// for `reach-guard scan --demo`; and in the signed-in user's mailbox, a reply-all storm to the Clinical
// Leads (./demo-mailbox.ts). Used by `--demo`, the playground,
// the benchmarks and the tests.

export const DEMO_DIRECTORY_PATH = join(__dirname, "demo-directory.json");
/** The demo's catalogue of the day before: `scan --demo --previous` it to see a drift alarm. */
/** The demo tenant's dynamic lists, one address a line: `scan --demo` sizes them unless told otherwise. */
export const DEMO_DYNAMIC_LISTS_PATH = join(__dirname, "demo-dynamic-lists.txt");
export const DEMO_PREVIOUS_CATALOGUE_PATH = join(__dirname, "demo-previous-catalogue.json");

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
  if (data.generatedGroups !== undefined && !Array.isArray(data.generatedGroups))
    problems.push("generatedGroups must be a list");
  for (const template of Array.isArray(data.generatedGroups) ? data.generatedGroups : []) {
    const count = template?.count;
    if (typeof template?.mail !== "string" || !(Number.isSafeInteger(count) && count >= 1))
      problems.push("every generated group needs a mail and a count >= 1");
    else if (!template.mail.includes("{n}") && count !== 1)
      problems.push(`${template.mail}: more than one generated group needs {n} in its mail`);
    else if (!Array.isArray(template.memberCounts) || template.memberCounts.length === 0)
      problems.push(`${template.mail}: memberCounts must list at least one size`);
  }
  if (problems.length > 0) throw new Error(`${source}: ${problems.join("; ")}`);
  return data as DirectoryData;
}

/**
 * The demo directory, with Dr Hart's mailbox holding the car park storm (./demo-mailbox.ts): as it
 * stands at `now` when given (tests), else as it stands at each request, so that the playground's
 * storm is always under way, as its inbox (which makes the same thread when the page loads) shows.
 */
export function loadDemoDirectory(path: string = DEMO_DIRECTORY_PATH, now?: number): FakeDirectory {
  const data = parseDirectoryData(JSON.parse(readFileSync(path, "utf8")), path);
  const messages = data.mailbox?.messages ?? [];
  return createFakeDirectory({
    ...data,
    mailbox: {
      ...(now === undefined
        ? { messages, live: demoStormThread }
        : { messages: [...messages, ...demoStormThread(now)] }),
      threads: data.mailbox?.threads ?? [],
    },
  });
}
