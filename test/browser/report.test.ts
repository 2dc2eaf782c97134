import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { compareCatalogues, suggestedBlocks } from "../../src/scan/drift";
import { renderReportHtml } from "../../src/scan/report/html";
import { catalogue, entry, policy } from "../scan/report-fixtures";
import { screenshot, seriousViolations } from "./harness";

// The scan's report as an admin opens it: a file in Chromium, with no server. It needs nothing of the
// playground build the suite's global setup makes; only the harness's axe and screenshot helpers.

const POLICY = policy({ blockedAddresses: ["all-*@example.org"] });
const previous = catalogue(
  [entry("everyone@example.org", 30), entry("ward-7@example.org", 4000), entry("retired@example.org", 80)],
  "2026-11-20T03:00:00Z",
);
const current = catalogue([
  entry("everyone@example.org", 840000, { displayName: "Everyone <img src=x onerror=alert(1)>" }),
  entry("ward-7@example.org", 4200, { displayName: "Ward 7 nurses" }),
  entry("all-staff@example.org", 12000, { displayName: "All staff" }),
  entry("research@example.org", 300, { displayName: "Research office", kind: "m365" }),
  entry("equipe@example.org", 12, { displayName: "Équipe Médicale" }),
  entry("solo@example.org", 1, { displayName: "One person" }),
  entry("hidden@example.org", null, { displayName: "Hidden membership", kind: "dynamic" }),
]);
const SIZED = current.lists.filter((list) => list.members !== null).length;

let folder: string;
let context: BrowserContext;
let page: Page;
let reportUrl: string;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "report-"));
  const file = join(folder, "report.html");
  const drift = compareCatalogues(previous, current, POLICY);
  writeFileSync(
    file,
    renderReportHtml({
      catalogue: current,
      drift,
      policy: POLICY,
      suggested: suggestedBlocks(current, POLICY),
      incomplete: ["12 addresses in the file were not valid"],
    }),
  );
  reportUrl = pathToFileURL(file).href;
  context = await chromium.launchPersistentContext(join(folder, "profile"), {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  // Every request but the report itself is refused and remembered; a request the page's
  // Content-Security-Policy stops never reaches the network and shows as a console error instead.
  await context.route("**/*", (route) => {
    if (route.request().url() === reportUrl) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("request", (request) => {
    if (request.url() !== reportUrl) requests.push(request.url());
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(reportUrl);
});

afterAll(async () => {
  await context?.close();
  rmSync(folder, { recursive: true, force: true });
});

test("renders its title and summary", async () => {
  expect(await page.title()).toBe("Reach Guard: lists of the tenant on 27 November 2026");
  await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
    "Lists of the tenant on 27 November 2026",
  );
  const summary = page.locator("dl.summary");
  await expect(summary.textContent()).resolves.toContain(`Lists sized${SIZED}`);
  await expect(summary.textContent()).resolves.toContain("Largest list840,000");
});

test("draws one visible bar per sized list, the thresholds marked", async () => {
  const chart = page.getByRole("img", { name: /largest lists/ });
  expect(await chart.isVisible()).toBe(true);
  const bars = chart.locator("rect.bar");
  expect(await bars.count()).toBe(SIZED);
  for (const bar of await bars.all()) {
    const box = await bar.boundingBox();
    expect(box?.width).toBeGreaterThan(0);
    expect(box?.height).toBeGreaterThan(0);
  }
  const widths = await Promise.all(
    (await bars.all()).map(async (bar) => (await bar.boundingBox())?.width ?? 0),
  );
  expect([...widths].sort((a, b) => b - a)).toEqual(widths);
  expect(await chart.locator("line.threshold").count()).toBe(2);
});

test("shows the alarm and the entries to paste", async () => {
  const alarms = page.getByRole("region", { name: "3 alarms" });
  expect(await alarms.isVisible()).toBe(true);
  await expect(alarms.textContent()).resolves.toContain("Crossed blockAt");
  const snippet = await page.locator("pre.snippet").textContent();
  expect(JSON.parse(snippet ?? "")).toEqual({
    blockedAddresses: ["all-*@example.org", "everyone@example.org"],
  });
});

test("shows a hostile display name as text", async () => {
  await expect(page.locator("body").textContent()).resolves.toContain(
    "Everyone <img src=x onerror=alert(1)>",
  );
  expect(await page.locator("img").count()).toBe(0);
});

test("asks for nothing beyond the file and reports no error", async () => {
  await page.reload();
  expect(requests).toEqual([]);
  expect(problems).toEqual([]);
});

test("has no serious accessibility violation", async () => {
  await screenshot(page, "report");
  expect(await seriousViolations(page)).toEqual([]);
});
