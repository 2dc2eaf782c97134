import { openPlayground, screenshot, type Session } from "./harness";
import { OutlookPage } from "./outlook-page";

// The journeys of the playground in headless Chromium: the real event bundle and the real task pane,
// in their frames on office.js, with the stand-in Outlook's mailbox, against the local Graph server's
// demo directory, under the built policy (warnAt 50, blockAt 5,000, everyone@ always blocked).

const ALL_STAFF = "Test email - please ignore";
let session: Session;
let outlook: OutlookPage;

beforeEach(async () => {
  // Sizes from Graph alone, as before an admin's first scan: the catalogue's journeys are in
  // catalogue.test.ts, where a list Graph cannot size is sized from it instead.
  session = await openPlayground("", { catalogue: false });
  outlook = new OutlookPage(session.page);
  await outlook.ready();
});

afterEach(async () => {
  const errors = session.errors;
  await session.close();
  // The add-in and the page must not throw while doing any of this.
  expect(errors).toEqual([]);
});

test("reply all to the all-staff list: warned early, blocked at send, fixed in the task pane", async () => {
  await outlook.openMessage(ALL_STAFF);
  await screenshot(outlook.page, "01-inbox");
  await outlook.compose("Reply all");
  await outlook.pill("To", "everyone@example.org").waitFor();
  await outlook
    .infoBar()
    .getByText(/Everyone \(all staff\) reaches about 840,000 people/)
    .waitFor();
  await screenshot(outlook.page, "02-reply-all-info-bar");

  await outlook.send();
  const alert = outlook.alert();
  await alert.waitFor();
  expect(await alert.innerText()).toMatch(/840,000/);
  // A block offers no way round it: only the task pane's button and "Don't Send".
  expect(await alert.getByRole("button", { name: "Send Anyway" }).count()).toBe(0);
  await alert.getByRole("button", { name: "Don't Send" }).waitFor();
  await screenshot(outlook.page, "03-reply-all-blocked");

  await alert.getByRole("button", { name: "Review recipients" }).click();
  await alert.waitFor({ state: "detached" });
  const pane = outlook.taskPane();
  await pane.getByRole("heading", { name: /840,000 people/ }).waitFor();
  await screenshot(outlook.page, "04-task-pane-840000");

  await pane.getByRole("button", { name: "Remove everyone@example.org" }).click();
  await outlook.pill("To", "everyone@example.org").waitFor({ state: "detached" });
  // The pane follows the draft at once, and the early warning goes away.
  await pane.getByRole("heading", { name: /reaches 1 person/ }).waitFor();
  await outlook
    .infoBar()
    .getByText(/Everyone \(all staff\) reaches about 840,000 people/)
    .waitFor({ state: "detached" });
  await outlook.send();
  expect(await outlook.sentHeader(`RE: ${ALL_STAFF}`)).toBeNull();
  await screenshot(outlook.page, "05-reply-sent-without-the-list");
});

test("a new message to the 12-person team: sent at once, no dialog, no info bar, no header", async () => {
  await outlook.compose("New message");
  await outlook.addRecipient("To", "ward7-team@example.org");
  await outlook.setSubject("Bay 3 is open again");
  await outlook.send();
  expect(await outlook.sentHeader("Bay 3 is open again")).toBeNull();
  expect(await outlook.alert().count()).toBe(0);
  const log = await outlook.eventLog();
  expect(log[0]).toMatch(/^OnMessageSend: decided in \d+ ms$/);
  // Ordinary mail is never slowed down: no warning was ever shown.
  expect(log.join("\n")).toMatch(/OnMessageRecipientsChanged: completed/);
  await screenshot(outlook.page, "06-team-message-sent");
});

test("a message to the 300-person list: warned, acknowledged in the task pane, sent with ack=yes", async () => {
  await outlook.compose("New message");
  await outlook.addRecipient("To", "clinical-leads@example.org");
  await outlook.setSubject("Rota changes from December");
  const bar = outlook.infoBar();
  await bar.getByText(/300 people/).waitFor();
  await screenshot(outlook.page, "07-clinical-leads-warned");

  await bar.getByRole("button", { name: "Review recipients" }).click();
  const pane = outlook.taskPane();
  await pane.getByRole("heading", { name: /300 people/ }).waitFor();
  await pane.getByRole("checkbox", { name: /I understand this message reaches 300 people/ }).check();
  await pane.getByRole("button", { name: "Confirm and allow sending" }).click();
  await pane.getByText(/Confirmed/).waitFor();
  // Once confirmed, the early warning has done its work.
  await bar.getByText(/300 people/).waitFor({ state: "detached" });
  await screenshot(outlook.page, "08-clinical-leads-acknowledged");

  await outlook.send();
  const header = await outlook.sentHeader("Rota changes from December");
  expect(header).toMatch(
    /^X-Reach-Guard: verdict=warn; reach=300; accuracy=exact; ack=yes; fp=[0-9a-f]{64}; check=done$/,
  );
  await screenshot(outlook.page, "09-clinical-leads-sent-ack");
});

test("an acknowledgement is voided when the recipients change afterwards", async () => {
  await outlook.compose("New message");
  await outlook.addRecipient("To", "clinical-leads@example.org");
  await outlook.infoBar().getByRole("button", { name: "Review recipients" }).click();
  const pane = outlook.taskPane();
  await pane.getByRole("checkbox", { name: /I understand/ }).check();
  await pane.getByRole("button", { name: "Confirm and allow sending" }).click();
  await pane.getByText(/Confirmed/).waitFor();
  await outlook.addRecipient("Cc", "ward7-team@example.org");
  await pane.getByRole("heading", { name: /312 people/ }).waitFor();
  await outlook.send();
  const alert = outlook.alert();
  await alert.waitFor();
  expect(await alert.innerText()).toMatch(/312/);
  await alert.getByRole("button", { name: "Don't Send" }).click();
  await alert.waitFor({ state: "detached" });
});

test("with Graph down, the policy's directoryUnavailable verdict (warn) is stated plainly", async () => {
  await outlook.setFault(/^Down/, true);
  await outlook.compose("New message");
  await outlook.addRecipient("To", "clinical-leads@example.org");
  await outlook.setSubject("Audit meeting");
  await outlook
    .infoBar()
    .getByText(/cannot check the size of .* right now/i)
    .waitFor();
  await screenshot(outlook.page, "10-graph-down-info-bar");

  await outlook.send();
  const alert = outlook.alert();
  await alert.waitFor();
  expect(await alert.innerText()).toMatch(/cannot check the size of .* right now/i);
  // The policy says warn, so the sender may still send; the header records it.
  await alert.getByRole("button", { name: "Send Anyway" }).waitFor();
  await screenshot(outlook.page, "11-graph-down-alert");
  await alert.getByRole("button", { name: "Send Anyway" }).click();
  // Nothing could be sized: the reach is written unknown, never 0 ("reached nobody").
  expect(await outlook.sentHeader("Audit meeting")).toMatch(
    /^X-Reach-Guard: verdict=warn; reach=unknown; accuracy=incomplete; ack=no; fp=[0-9a-f]{64}; check=done$/,
  );
});

test("with Graph slow (2 s a request), the send decision still comes inside Outlook's 5 seconds", async () => {
  await outlook.setFault(/^Slow/, true);
  await outlook.compose("New message");
  await outlook.addRecipient("To", "clinical-leads@example.org");
  await outlook.setSubject("Slow day");
  await outlook.send();
  const alert = outlook.alert();
  await alert.waitFor();
  await screenshot(outlook.page, "12-graph-slow-decided-in-time");
  // The modal dialog hides the page from assistive technology (and role queries) until it closes.
  await alert.getByRole("button", { name: "Don't Send" }).click();
  await alert.waitFor({ state: "detached" });
  const log = await outlook.eventLog();
  const decided = log.find((line) => line.startsWith("OnMessageSend"));
  expect({ decided, log }).toEqual({
    decided: expect.stringMatching(/^OnMessageSend: decided in \d+ ms$/),
    log,
  });
  expect(Number(/(\d+) ms/.exec(decided ?? "")?.[1])).toBeLessThan(5000);
  expect(await outlook.page.getByText("taking longer than expected").count()).toBe(0);
});

test("with no token, the task pane offers sign-in; after it, the real size is shown", async () => {
  await outlook.setFault(/^No token/, true);
  await outlook.compose("New message");
  await outlook.addRecipient("To", "clinical-leads@example.org");
  await outlook
    .infoBar()
    .getByText(/could not sign in to check the size of/)
    .waitFor();
  await outlook.infoBar().getByRole("button", { name: "Review recipients" }).click();
  const pane = outlook.taskPane();
  await pane.getByRole("button", { name: "Sign in" }).click();
  await pane.getByRole("heading", { name: /300 people/ }).waitFor();
  expect(await outlook.page.getByRole("switch", { name: /^No token/ }).isChecked()).toBe(false);
  await screenshot(outlook.page, "13-signed-in");
});

test("move every list to Bcc from the task pane, so nobody can reply to all", async () => {
  await outlook.openMessage("Winter rota: views by Friday");
  await outlook.compose("Reply all");
  await outlook.pill("To", "clinical-leads@example.org").waitFor();
  await outlook.page.getByRole("button", { name: "Review recipients", exact: true }).first().click();
  const pane = outlook.taskPane();
  await pane.getByRole("button", { name: "Move all lists to Bcc" }).click();
  await outlook.pill("Bcc", "clinical-leads@example.org").waitFor();
  expect(await outlook.recipients("To").getByRole("listitem").count()).toBe(1);
  await screenshot(outlook.page, "14-list-moved-to-bcc");
});
