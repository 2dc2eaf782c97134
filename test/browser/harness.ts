import { AxeBuilder } from "@axe-core/playwright";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startPlayground, type Playground } from "../../src/playground/server/server";
import { BUILD_DIR, builtPort, SCREENSHOTS } from "./build-dir";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
// Office.js adds a telemetry frame on a Microsoft host a few seconds after load: nothing leaves.
const NON_LOCAL = /^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/;

export interface Session {
  readonly playground: Playground;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions of the page, for failure messages. */
  readonly errors: string[];
  close(): Promise<void>;
}

/**
 * The playground server on a free port and a fresh Chromium profile showing its page; `query`
 * chooses the Outlook played at first (e.g. "platform=mac", "platform=classic&naa=no"),
 * `policyPath` a policy file to serve instead of the build's, and `catalogue: false` hosts no reach
 * catalogue (the world of an admin who has not scanned).
 */
export async function openPlayground(
  query = "",
  options: { policyPath?: string; catalogue?: boolean } = {},
): Promise<Session> {
  const playground = await startPlayground({
    distDir: BUILD_DIR,
    port: builtPort(),
    ...(options.policyPath ? { policyPath: options.policyPath } : {}),
    ...(options.catalogue === false ? { catalogue: false } : {}),
  });
  const profile = mkdtempSync(join(tmpdir(), "pw-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  await context.route(NON_LOCAL, (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Classic Outlook's JavaScript-only runtime is a worker: what it throws counts too.
  page.on("worker", (worker) =>
    worker.on("console", (message) => {
      if (message.type() === "error") errors.push(`worker: ${message.text()}`);
    }),
  );
  page.on("console", (message) => {
    // A failed request is reported by the browser itself: the fault switches cause them on purpose.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      errors.push(message.text());
    }
  });
  await page.goto(query ? `${playground.url}?${query}` : playground.url);
  return {
    playground,
    context,
    page,
    errors,
    async close() {
      await context.close();
      await playground.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The page loaded afresh as Outlook `query`, with the add-in's storage emptied (localStorage here;
 * OfficeRuntime.storage lives in the page and goes with it), as on a machine the add-in never ran on.
 */
export async function reopen(session: Session, query = ""): Promise<void> {
  await session.page.evaluate(() => window.localStorage.clear());
  await session.page.goto(query ? `${session.playground.url}?${query}` : session.playground.url);
}

/** Waits until no CSS animation runs (a dialog fading in would fail a contrast check half-way). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== "running"),
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical violations on the page (or the parts named), following frames. */
export async function seriousViolations(page: Page, include?: string[]): Promise<string[]> {
  await settled(page);
  const builder = new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    // Fluent UI's focus manager (tabster) puts 1-pixel sentinels at the edges of the page and of
    // dialogs; one that receives focus passes it on at once, so no one can land on it. axe cannot
    // know that and calls them focusable hidden elements. Nothing else is left out.
    .exclude("[data-tabster-dummy]");
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
    );
}
