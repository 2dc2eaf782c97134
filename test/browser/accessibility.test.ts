import { openPlayground, screenshot, seriousViolations, type Session } from "./harness";
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
