import { openPlayground, screenshot, seriousViolations, type Session } from "./harness";
import { OutlookPage } from "./outlook-page";

// The playground playing Outlook on iOS and Android: the real event bundle, run for the launch
// events the built manifest's MobileFormFactor declares. A phone warns while composing, but raises
// no OnMessageSend (outlook/mobile-event-based.md): Send sends, with no Smart Alert and no header.
// What stops such a send is Exchange's own delivery restrictions (reach-guard exchange).

const ALL_STAFF = "Test email - please ignore";
let session: Session;
let outlook: OutlookPage;
/** Browser dialogs (alert, confirm) the page opened: a phone must open none either. */
let browserDialogs: string[];

beforeEach(async () => {
  session = await openPlayground("platform=phone", { catalogue: false });
  outlook = new OutlookPage(session.page);
  browserDialogs = [];
  session.page.on("dialog", (dialog) => {
    browserDialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await outlook.ready();
});

afterEach(async () => {
  const errors = session.errors;
  await session.close();
  expect(errors).toEqual([]);
});

test("reply all to the all-staff list on a phone: warned while composing, then Send sends with no dialog", async () => {
  await outlook.openMessage(ALL_STAFF);
  await outlook.compose("Reply all");
  await outlook.pill("To", "everyone@example.org").waitFor();
  const bar = outlook.infoBar().getByText(/Everyone \(all staff\) reaches about 840,000 people/);
  await bar.waitFor();
  // No task pane on a phone: neither the compose window nor the info bar offers one.
  const form = outlook.page.getByRole("form");
  expect(await form.getByRole("button", { name: "Review recipients" }).count()).toBe(0);
  expect(await outlook.page.getByText(/Outlook runs no add-in at send/).count()).toBe(1);
  expect((await outlook.eventLog()).join("\n")).toMatch(/OnNewMessageCompose: completed in \d+ ms/);
  await screenshot(outlook.page, "phone-reply-all-info-bar");
  expect(await seriousViolations(outlook.page)).toEqual([]);

  await outlook.send();
  // Sent straight away: no Smart Alert, no dialog of any kind, and no X-Reach-Guard header.
  expect(await outlook.sentHeader(`RE: ${ALL_STAFF}`)).toBeNull();
  expect(await outlook.page.getByRole("alertdialog").count()).toBe(0);
  expect(await outlook.page.getByRole("dialog").count()).toBe(0);
  expect(browserDialogs).toEqual([]);
  const log = await outlook.eventLog();
  expect(log[0]).toMatch(/no OnMessageSend on a phone/);
  expect(log.join("\n")).not.toMatch(/OnMessageSend: decided/);
  await screenshot(outlook.page, "phone-sent-unchecked");
});

test("the Outlook played says phone, and the Mailbox choice is the phone's own", async () => {
  const played = outlook.page.getByRole("combobox", { name: "Outlook played" });
  expect(await played.innerText()).toMatch(/Outlook on iOS and Android/);
  const version = outlook.page.getByRole("combobox", { name: "Outlook supports" });
  expect(await version.isDisabled()).toBe(true);
  expect(await version.innerText()).toMatch(/Mailbox 1\.5/);
  expect(await seriousViolations(outlook.page)).toEqual([]);
});
