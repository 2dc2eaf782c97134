import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { openPlayground, screenshot, settled, type Session } from "./harness";
import { OutlookPage } from "./outlook-page";

// axe-core on the playground and on the task pane inside it (axe follows the frame): no serious or
// critical violations, in each state a visitor meets.

let session: Session;
let outlook: OutlookPage;

beforeAll(async () => {
  session = await openPlayground();
  outlook = new OutlookPage(session.page);
  await outlook.ready();
});

afterAll(async () => {
  await session.close();
});

async function seriousViolations(page: Page, include?: string[]): Promise<string[]> {
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

test("the mailbox view", async () => {
  expect(await seriousViolations(session.page)).toEqual([]);
});

test("the switches for the Outlook played, with its list open, and the policy in force", async () => {
  await session.page.getByRole("region", { name: "Policy in force" }).waitFor();
  await session.page.getByRole("combobox", { name: "Outlook played" }).click();
  await session.page.getByRole("option", { name: /^Outlook on Mac/ }).waitFor();
  expect(await seriousViolations(session.page)).toEqual([]);
  await session.page.keyboard.press("Escape");
  await session.page.getByRole("option", { name: /^Outlook on Mac/ }).waitFor({ state: "detached" });
});

test("the compose form with its info bar", async () => {
  await outlook.openMessage("Test email - please ignore");
  await outlook.compose("Reply all");
  await outlook.infoBar().getByRole("button").first().waitFor();
  expect(await seriousViolations(session.page)).toEqual([]);
});

test("the Smart Alerts dialog", async () => {
  await outlook.send();
  await outlook.alert().waitFor();
  expect(await seriousViolations(session.page)).toEqual([]);
  await outlook.alert().getByRole("button", { name: "Review recipients" }).click();
});

test("the task pane, in its frame", async () => {
  await outlook
    .taskPane()
    .getByRole("heading", { name: /840,000/ })
    .waitFor();
  await screenshot(session.page, "15-axe-task-pane");
  expect(await seriousViolations(session.page, ['iframe[title="Reach Guard task pane"]', "body"])).toEqual(
    [],
  );
  expect(await seriousViolations(session.page)).toEqual([]);
});

test("the task pane can be used by keyboard alone", async () => {
  const pane = outlook.taskPane();
  const remove = pane.getByRole("button", { name: "Remove everyone@example.org" });
  await remove.focus();
  await session.page.keyboard.press("Enter");
  await outlook.pill("To", "everyone@example.org").waitFor({ state: "detached" });
});
