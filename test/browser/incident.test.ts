import { openPlayground, screenshot, seriousViolations, type Session } from "./harness";
import { OutlookPage } from "./outlook-page";

// The incident switch in the playground: its policy.json stops the demo mailbox's reply-all storm
// (src/playground/server/demo-incident.ts) by Outlook's conversation id, which the stand-in Outlook
// gives a reply as Office.js does (item.conversationId, getComposeTypeAsync from Mailbox 1.10).

const STORM_REPLY = "RE: Lost: blue lanyard near the canteen";
let session: Session;
let outlook: OutlookPage;

beforeEach(async () => {
  session = await openPlayground();
  outlook = new OutlookPage(session.page);
  await outlook.ready();
});

afterEach(async () => {
  const errors = session.errors;
  await session.close();
  expect(errors).toEqual([]);
});

/** Opens the storm's reply from `sender`: the thread's subjects are alike, its senders are not. */
async function openStormReplyFrom(sender: string): Promise<void> {
  await outlook.page
    .getByRole("list", { name: /^Messages in/ })
    .getByRole("button", { name: new RegExp(sender) })
    .click();
  await outlook.page.getByRole("heading", { name: STORM_REPLY, level: 2 }).waitFor();
}

test("a reply to the stopped thread: the incident while composing, blocked at send with the service desk's words", async () => {
  await openStormReplyFrom("Tom Evans");
  await outlook.compose("Reply");
  await outlook.pill("To", "tom.evans@example.org").waitFor();
  await outlook
    .infoBar()
    .getByText(
      "Replies to “Lost: blue lanyard near the canteen” are stopped during an incident. Write a new message instead if it must go.",
    )
    .waitFor();

  await outlook.send();
  const alert = outlook.alert();
  await alert.waitFor();
  expect(await alert.innerText()).toContain(
    "IT Service Desk: please do not reply to this thread; call 0300 123 4567 if you must.",
  );
  expect(await alert.getByRole("button", { name: "Send Anyway" }).count()).toBe(0);
  await screenshot(outlook.page, "incident");
  expect(await seriousViolations(outlook.page)).toEqual([]);
  await alert.getByRole("button", { name: "Don't Send" }).click();
  await alert.waitFor({ state: "detached" });
  // Not sent: the draft is still open for the sender to change.
  await outlook.page.getByRole("form").waitFor();
});

test("an ordinary reply to another message still goes", async () => {
  await outlook.openMessage("Ward 7 handover");
  await outlook.compose("Reply");
  await outlook.pill("To", "priya.shah@example.org").waitFor();
  await outlook.send();
  expect(await outlook.alert().count()).toBe(0);
  expect(await outlook.sentHeader("RE: Ward 7 handover")).toBeNull();
});
