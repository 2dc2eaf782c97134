import { openPlayground, screenshot, seriousViolations, type Session } from "./harness";
import { OutlookPage } from "./outlook-page";

// A reply-all storm seen from the thread: the demo mailbox holds the car park thread to the Clinical
// Leads (300 people) with 12 replies in the last 40 minutes, which the local Graph server serves from
// /me/messages (src/fake-graph/demo-mailbox.ts). A reply all is warned while it is written and gets
// the policy's storm verdict (warn) at send; replying to the sender only clears it. Run on the web
// and on Mac; classic Outlook's JavaScript-only runtime, which the playground plays without window
// or crypto, gets no token from MSAL there, so its storm check asks Graph nothing and changes nothing.

const SUBJECT = "RE: Car park B closed on Monday";
const STORM_BAR =
  "This thread to Clinical Leads has had 12 replies in the last hour. Reply to the sender only.";

const CLIENTS = [
  { name: "Outlook on the web", query: "platform=web" },
  { name: "Outlook on Mac", query: "platform=mac" },
] as const;

let session: Session;
let outlook: OutlookPage;

afterEach(async () => {
  const errors = session.errors;
  await session.close();
  expect(errors).toEqual([]);
});

async function openNewestReplyFrom(sender: string): Promise<void> {
  await outlook.page
    .getByRole("list", { name: /^Messages in/ })
    .getByRole("button", { name: new RegExp(sender) })
    .first()
    .click();
  await outlook.page.getByRole("heading", { name: SUBJECT, level: 2 }).waitFor();
}

describe.each(CLIENTS)("$name", ({ query }) => {
  beforeEach(async () => {
    session = await openPlayground(query);
    outlook = new OutlookPage(session.page);
    await outlook.ready();
  });

  test("reply all into the storm: warned while writing, the storm's verdict at send, fixed by replying to the sender only", async () => {
    await openNewestReplyFrom("Owen Jones");
    await outlook.compose("Reply all");
    await outlook.pill("To", "clinical-leads@example.org").waitFor();
    await outlook.infoBar().getByText(STORM_BAR).waitFor();
    await screenshot(outlook.page, `storm-info-bar-${query}`);

    await outlook.send();
    const alert = outlook.alert();
    await alert.waitFor();
    expect(await alert.innerText()).toContain(
      "This thread to Clinical Leads has had 12 replies in the last hour.",
    );
    // The demo policy's storm verdict is a warning: the sender may still go on.
    expect(await alert.getByRole("button", { name: "Send Anyway" }).count()).toBe(1);
    expect(await seriousViolations(outlook.page)).toEqual([]);
    await alert.getByRole("button", { name: "Review recipients" }).click();
    await alert.waitFor({ state: "detached" });

    const pane = outlook.taskPane();
    await pane.getByRole("button", { name: "Reply to Owen Jones only" }).click();
    await outlook.pill("To", "clinical-leads@example.org").waitFor({ state: "detached" });
    await outlook.pill("To", "owen.jones@example.org").waitFor();
    await outlook.infoBar().getByText(STORM_BAR).waitFor({ state: "detached" });
    await outlook.send();
    expect(await outlook.alert().count()).toBe(0);
    // A reply to one person is ordinary mail: no header.
    expect(await outlook.sentHeader(SUBJECT)).toBeNull();
    expect(session.playground.graph.requests.some((request) => request.kind === "messages")).toBe(true);
  });

  test("a reply to the sender alone in the same thread is never questioned", async () => {
    await openNewestReplyFrom("Owen Jones");
    await outlook.compose("Reply");
    await outlook.pill("To", "owen.jones@example.org").waitFor();
    await outlook.send();
    expect(await outlook.alert().count()).toBe(0);
    expect(await outlook.sentHeader(SUBJECT)).toBeNull();
    expect(await outlook.infoBar().count()).toBe(0);
  });
});

describe("classic Outlook on Windows", () => {
  beforeEach(async () => {
    session = await openPlayground("platform=classic", { catalogue: false });
    outlook = new OutlookPage(session.page);
    await outlook.ready();
  });

  test("without a token the thread is not read: the reply gets the policy's verdict for an unchecked list, at once", async () => {
    await openNewestReplyFrom("Owen Jones");
    await outlook.compose("Reply all");
    await outlook.pill("To", "clinical-leads@example.org").waitFor();
    await outlook
      .infoBar()
      .getByText(/could not sign in to check the size of Clinical Leads/)
      .waitFor();
    await outlook.send();
    const alert = outlook.alert();
    await alert.waitFor();
    expect(await alert.innerText()).not.toMatch(/replies in the last hour/);
    await alert.getByRole("button", { name: "Don't Send" }).click();
    await alert.waitFor({ state: "detached" });
    expect((await outlook.eventLog())[0]).toMatch(/^OnMessageSend: decided in \d+ ms$/);
    expect(session.playground.graph.requests.some((request) => request.kind === "messages")).toBe(false);
  });
});
