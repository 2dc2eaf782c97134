import { openPlayground, reopen, screenshot, type Session } from "./harness";
import { OutlookPage } from "./outlook-page";

// Issue 8's "Done means": with Microsoft Graph down, throttled or without a token, ordinary mail is
// quiet and the lists are still caught, in every Outlook the playground plays: the web, Mac
// (sessionData not shared with the task pane) and classic Outlook on Windows (events.js in a
// JavaScript-only runtime without URL, TextEncoder, atob, localStorage or a DOM, started afresh for
// each event). One browser for the file; each platform and fault gets a freshly loaded page with the
// add-in's storage emptied, so that what one fault leaves behind (an open circuit breaker) never
// decides another's result. Built policy: warnAt 50, blockAt 5,000, everyone@ always blocked,
// directoryUnavailable warn.

const ALL_STAFF = "Test email - please ignore";
const PLATFORMS = [
  { name: "Outlook on the web", query: "platform=web" },
  { name: "Outlook on Mac", query: "platform=mac" },
  { name: "classic Outlook on Windows", query: "platform=classic" },
] as const;
const FAULTS = [
  { name: "Graph down", fault: /^Down/ },
  { name: "Graph throttled", fault: /^Throttled/ },
  { name: "no token", fault: /^No token/ },
] as const;

let session: Session;
let outlook: OutlookPage;
let sent = 0;

beforeAll(async () => {
  // Without a reach catalogue: what Reach Guard does when nothing but Graph can size a list.
  session = await openPlayground("", { catalogue: false });
  outlook = new OutlookPage(session.page);
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  // The add-in and the page must not throw while doing any of this, in any runtime.
  const errors = session.errors.splice(0);
  expect(errors).toEqual([]);
});

async function start(query: string, fault: RegExp | null): Promise<void> {
  await reopen(session, query);
  await outlook.ready();
  if (fault) await outlook.setFault(fault, true);
}

/** A reply to one colleague (Sam Patel, `user`): sent with no dialog at all. */
async function replyToColleague(): Promise<void> {
  await outlook.openMessage(ALL_STAFF);
  await outlook.compose("Reply");
  await outlook.pill("To", "sam.patel@example.org").waitFor();
  const subject = `Thanks, Sam (${++sent})`;
  await outlook.setSubject(subject);
  await outlook.send();
  // Under SoftBlock nothing is sent while an alert is up: reaching Sent items proves there was none.
  await outlook.sentHeader(subject);
  expect(await outlook.alert().count()).toBe(0);
  expect(await outlook.page.getByText("taking longer than expected").count()).toBe(0);
}

/** Reply all to the 840,000-person all-staff list: still blocked, with no way round it. */
async function replyAllToEveryone(): Promise<void> {
  await outlook.folder("Inbox").click();
  await outlook.openMessage(ALL_STAFF);
  await outlook.compose("Reply all");
  await outlook.pill("To", "everyone@example.org").waitFor();
  await outlook.send();
  const alert = outlook.alert();
  await alert.waitFor();
  expect(await alert.innerText()).toMatch(/everyone@example\.org|Everyone/);
  expect(await alert.getByRole("button", { name: "Send Anyway" }).count()).toBe(0);
  await alert.getByRole("button", { name: "Don't Send" }).click();
  await alert.waitFor({ state: "detached" });
  await outlook.page.getByRole("button", { name: "Discard" }).click();
}

/** A new message to the 300-person distribution list: the policy's directoryUnavailable verdict (warn). */
async function messageToList(shot: string): Promise<void> {
  await outlook.compose("New message");
  await outlook.addRecipient("To", "clinical-leads@example.org");
  const subject = `Audit meeting (${++sent})`;
  await outlook.setSubject(subject);
  await outlook.send();
  const alert = outlook.alert();
  await alert.waitFor();
  await screenshot(outlook.page, shot);
  // warn: the sender may go on (Mailbox 1.14+), and the header says the reach was not known.
  await alert.getByRole("button", { name: "Send Anyway" }).click();
  expect(await outlook.sentHeader(subject)).toMatch(
    /^X-Reach-Guard: verdict=warn; reach=unknown; accuracy=incomplete; ack=no; fp=[0-9a-f]{64}; check=done$/,
  );
}

describe.each(PLATFORMS)("$name", ({ query }) => {
  test.each(FAULTS)(
    "with $name: one colleague quiet, all-staff blocked, a list warned",
    async ({ fault }) => {
      await start(query, fault);
      await replyToColleague();
      await replyAllToEveryone();
      await messageToList(`20-degraded-${query.replace(/\W+/g, "-")}-${fault.source.replace(/\W+/g, "")}`);
    },
  );
});

test("classic Outlook without nested app authentication (before Version 2409): the same", async () => {
  await start("platform=classic&naa=no", null);
  expect(await outlook.page.getByRole("switch", { name: /^Nested app authentication/ }).isChecked()).toBe(
    false,
  );
  await replyToColleague();
  await replyAllToEveryone();
  await messageToList("21-classic-no-naa");
});

// The web's own acknowledgement journey is in playground.test.ts.
describe.each(PLATFORMS.slice(1))("acknowledgements reach the send handler: $name", ({ query }) => {
  test("warned, confirmed in the task pane, sent with ack=yes", async () => {
    await start(query, null);
    await outlook.compose("New message");
    await outlook.addRecipient("To", "clinical-leads@example.org");
    const subject = `Rota changes (${++sent})`;
    await outlook.setSubject(subject);
    await outlook.openTaskPane();
    const pane = outlook.taskPane();
    await pane.getByRole("heading", { name: /300 people/ }).waitFor();
    await pane.getByRole("checkbox", { name: /I understand this message reaches 300 people/ }).check();
    await pane.getByRole("button", { name: "Confirm and allow sending" }).click();
    await pane.getByText(/Confirmed/).waitFor();
    await outlook.send();
    expect(await outlook.sentHeader(subject)).toMatch(/verdict=warn; reach=300; accuracy=exact; ack=yes;/);
  });
});
