import { openPlayground, screenshot, seriousViolations, type Session } from "./harness";
import { OutlookPage } from "./outlook-page";

// The two journeys that matter most, in each language Reach Guard speaks, as Outlook's display
// language decides: the reply to all 840,000 staff (blocked) and a message to the 300-person list
// (warned). The info bar, the Smart Alert and the task pane follow the language; axe is clean in both.

const ALL_STAFF = "Test email - please ignore";

const LANGUAGES = [
  {
    name: "en-GB",
    query: "",
    blocked: /reaches about 840,000 people and is blocked by your organisation\. Remove it/,
    warned: /This message reaches 300 people through .+\. Select Send Anyway/,
    review: "Review recipients",
    sendAnyway: "Send Anyway",
    dontSend: "Don't Send",
    paneHeading: /This message reaches about 840,000 people\./,
    confirm: /I understand this message reaches 300 people/,
  },
  {
    name: "cy-GB",
    query: "lang=cy",
    blocked: /Mae eich sefydliad wedi rhwystro .+ tua 840,000 o bobl\./,
    warned: /Mae'r neges hon yn cyrraedd 300 o bobl drwy .+\. Dewiswch ‘Anfon beth bynnag’/,
    review: "Adolygu derbynwyr",
    sendAnyway: "Anfon beth bynnag",
    dontSend: "Peidio ag anfon",
    paneHeading: /840,000 o bobl/,
    confirm: /300 o bobl/,
  },
] as const;

describe.each(LANGUAGES)("$name", (language) => {
  let session: Session;
  let outlook: OutlookPage;

  beforeAll(async () => {
    session = await openPlayground(language.query);
    outlook = new OutlookPage(session.page);
    await outlook.ready();
  });

  afterAll(async () => {
    const errors = session.errors;
    await session.close();
    expect(errors).toEqual([]);
  });

  test("the reply to all 840,000 staff is blocked, in words and buttons of this language", async () => {
    await outlook.openMessage(ALL_STAFF);
    await outlook.compose("Reply all");
    await outlook.infoBar().getByText(language.blocked).waitFor();
    expect(await seriousViolations(session.page)).toEqual([]);
    await screenshot(outlook.page, `lang-${language.name}-1-info-bar-840000`);

    await outlook.send();
    const alert = outlook.alert();
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(language.blocked);
    expect(await alert.getByRole("button", { name: language.sendAnyway }).count()).toBe(0);
    await alert.getByRole("button", { name: language.dontSend }).waitFor();
    expect(await seriousViolations(session.page)).toEqual([]);
    await screenshot(outlook.page, `lang-${language.name}-2-alert-840000`);

    await alert.getByRole("button", { name: language.review }).click();
    await alert.waitFor({ state: "detached" });
    const pane = outlook.taskPane();
    await pane.getByRole("heading", { name: language.paneHeading }).waitFor();
    // Declared, so that a screen reader speaks it in the right language.
    expect(await pane.locator("html").getAttribute("lang")).toBe(language.name);
    expect(await pane.getByTestId("task-pane").getAttribute("lang")).toBe(language.name);
    expect(await seriousViolations(session.page, ['iframe[title="Reach Guard task pane"]', "body"])).toEqual(
      [],
    );
    await screenshot(outlook.page, `lang-${language.name}-3-task-pane-840000`);
    await outlook.page.getByRole("button", { name: "Discard" }).click();
  });

  test("a message to the 300-person list is warned, with Send Anyway in this language", async () => {
    await outlook.compose("New message");
    await outlook.addRecipient("To", "clinical-leads@example.org");
    await outlook.setSubject("Audit");
    await outlook.infoBar().getByText(/300/).waitFor();
    await outlook.send();
    const alert = outlook.alert();
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(language.warned);
    await alert.getByRole("button", { name: language.sendAnyway }).waitFor();
    expect(await seriousViolations(session.page)).toEqual([]);
    await screenshot(outlook.page, `lang-${language.name}-4-alert-300`);

    await alert.getByRole("button", { name: language.review }).click();
    const pane = outlook.taskPane();
    await pane.getByRole("checkbox", { name: language.confirm }).waitFor();
    expect(await seriousViolations(session.page, ['iframe[title="Reach Guard task pane"]', "body"])).toEqual(
      [],
    );
    await screenshot(outlook.page, `lang-${language.name}-5-task-pane-300`);
  });
});
