import { openPlayground, reopen, screenshot, seriousViolations, type Session } from "./harness";
import { OutlookPage } from "./outlook-page";

// The reach catalogue at work: the playground's server hosts one made from the demo directory, as
// an admin would after last night's scan. With Microsoft Graph down, the 6,400-person bulletin (a
// list no policy entry names) is still sized, from the catalogue, and blocked at send; the task pane
// says where its size came from.

const BULLETIN = "outpatients-bulletin@example.org";
let session: Session;
let outlook: OutlookPage;

beforeAll(async () => {
  session = await openPlayground();
  outlook = new OutlookPage(session.page);
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  expect(session.errors.splice(0)).toEqual([]);
});

describe.each([
  { name: "Outlook on the web", query: "platform=web" },
  { name: "classic Outlook on Windows", query: "platform=classic" },
])("$name", ({ query }) => {
  test("with Graph down, a catalogued list over blockAt is blocked, its size from the catalogue", async () => {
    await reopen(session, query);
    await outlook.ready();
    await outlook.setFault(/^Down/, true);
    await outlook.compose("New message");
    await outlook.addRecipient("To", BULLETIN);
    await outlook.setSubject("Clinic times from Monday");

    await outlook.openTaskPane();
    // The recipient's row: its size, and where that size came from.
    const source = outlook
      .taskPane()
      .getByText(/6,400 members · from the catalogue of \d{1,2} [A-Z][a-z]+ \d{4}/);
    await source.waitFor();

    await outlook.send();
    const alert = outlook.alert();
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(
      /reaches about 6,400 people through outpatients-bulletin@example\.org, over your organisation's limit of 5,000\. Remove the list to send\./,
    );
    // A block: no way round it but to change the recipients.
    expect(await alert.getByRole("button", { name: "Send Anyway" }).count()).toBe(0);
    await screenshot(outlook.page, `catalogue-${query.replace(/\W+/g, "-")}`);
    expect(await seriousViolations(outlook.page)).toEqual([]);
    await alert.getByRole("button", { name: "Don't Send" }).click();
    await alert.waitFor({ state: "detached" });
  });
});
