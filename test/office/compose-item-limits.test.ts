import { createComposeItem, recipientCapFor, RECIPIENTS_PER_CALL } from "../../src/office/compose-item";
import { isOfficeCallError } from "../../src/office/office-call";
import { FakeOutlook, officeError, type Entry } from "./fake-office";

// Outlook's limits on recipients (office.recipients.yml), against a fake as strict as Outlook.

const people = (count: number, from = 0): Entry[] =>
  Array.from({ length: count }, (_, n) => ({
    emailAddress: `person${from + n}@example.org`,
    displayName: `Person ${from + n}`,
    recipientType: "user",
  }));
const group: Entry = { emailAddress: "", displayName: "My ward contacts", recipientType: "other" };
const entries = (list: readonly Entry[]) =>
  list.map(({ emailAddress, displayName }) => ({ emailAddress, displayName }));

describe("the strict fake itself", () => {
  it("refuses what Outlook refuses: 101 in one call, a contact group in a set, more than getAsync lists", async () => {
    const outlook = new FakeOutlook();
    const office = outlook.office();
    const item = office.context.mailbox.item as unknown as {
      to: Office.Recipients;
      cc: Office.Recipients;
    };
    const call = (start: (done: (result: Office.AsyncResult<unknown>) => void) => void) =>
      new Promise<Office.AsyncResult<unknown>>((resolve) => start(resolve));
    expect((await call((done) => item.to.setAsync(entries(people(101)), done))).error).toMatchObject({
      name: "NumberOfRecipientsExceeded",
    });
    expect((await call((done) => item.to.addAsync(entries(people(101)), done))).error).toMatchObject({
      name: "NumberOfRecipientsExceeded",
    });
    outlook.recipients.cc = [group];
    expect((await call((done) => item.cc.setAsync([], done))).error).toMatchObject({ code: 5010 });
    outlook.recipients.to = people(1_200);
    expect((await call((done) => item.to.getAsync(done))).value).toHaveLength(1_000);
  });
});

describe("recipientCap", () => {
  it.each([
    ["classic Outlook on Windows before Mailbox 1.16", "PC", "Outlook", "1.15", 500],
    ["classic Outlook on Windows with Mailbox 1.16", "PC", "Outlook", "1.16", 1_000],
    ["Outlook on the web", "OfficeOnline", "OutlookWebApp", "1.15", 1_000],
    ["new Outlook on Windows", "OfficeOnline", "newOutlookWindows", "1.15", 1_000],
    ["Outlook on Mac (classic or new: the smaller)", "Mac", "Outlook", "1.16", 500],
    ["Outlook on iOS", "iOS", "OutlookIOS", "1.15", 100],
    ["Outlook on Android", "Android", "OutlookAndroid", "1.15", 100],
  ] as const)("%s", (_, platform, hostName, mailbox, cap) => {
    const outlook = new FakeOutlook();
    Object.assign(outlook, { platform, hostName, mailbox });
    expect(createComposeItem(outlook.office()).recipientCap()).toBe(cap);
  });

  it("takes the smaller cap when the signals disagree or are missing", () => {
    expect(recipientCapFor({ platform: "OfficeOnline", hostName: "OutlookIOS", mailbox116: true })).toBe(100);
    expect(recipientCapFor({ platform: null, hostName: "Outlook", mailbox116: true })).toBe(500);
    expect(recipientCapFor({ platform: "PC", hostName: null, mailbox116: true })).toBe(1_000);
    expect(recipientCapFor({ platform: "Universal", hostName: "someday", mailbox116: true })).toBe(100);
    const outlook = new FakeOutlook();
    outlook.platform = null;
    outlook.hostName = null;
    expect(createComposeItem(outlook.office()).recipientCap()).toBe(100);
  });

  it("reads diagnostics.platform where context.platform is missing", () => {
    const office = {
      context: {
        diagnostics: { platform: "PC" },
        requirements: { isSetSupported: () => true },
        mailbox: {},
      },
    } as unknown as typeof Office;
    expect(createComposeItem(office).recipientCap()).toBe(1_000);
  });
});

describe("setRecipients with more than 100", () => {
  it("sets the first 100 and adds the rest 100 at a time, in order", async () => {
    const outlook = new FakeOutlook();
    outlook.recipients.to = people(300);
    const wanted = people(250, 1);
    await createComposeItem(outlook.office()).setRecipients("to", entries(wanted));
    expect(outlook.recipientCalls).toEqual(["to.setAsync:100", "to.addAsync:100", "to.addAsync:50"]);
    expect(outlook.recipients.to.map((entry) => entry.emailAddress)).toEqual(
      wanted.map((entry) => entry.emailAddress),
    );
    expect(RECIPIENTS_PER_CALL).toBe(100);
  });

  it("one set for 100 or fewer, and an empty field is one set of nothing", async () => {
    const outlook = new FakeOutlook();
    const compose = createComposeItem(outlook.office());
    await compose.setRecipients("cc", entries(people(100)));
    await compose.setRecipients("bcc", []);
    expect(outlook.recipientCalls).toEqual(["cc.setAsync:100", "bcc.setAsync:0"]);
  });

  it("tries once more when Outlook refuses an addition, adding only what is missing", async () => {
    const outlook = new FakeOutlook();
    let refusals = 1;
    outlook.failing.set("to.addAsync", () => (refusals-- > 0 ? officeError(9020) : null));
    await createComposeItem(outlook.office()).setRecipients("to", entries(people(180)));
    expect(outlook.recipientCalls).toEqual(["to.setAsync:100", "to.addAsync:80", "to.addAsync:80"]);
    expect(outlook.recipients.to).toHaveLength(180);
  });

  it("rejects with Outlook's code when the second try is refused too", async () => {
    const outlook = new FakeOutlook();
    outlook.failing.set("to.addAsync", officeError(9020));
    const error: unknown = await createComposeItem(outlook.office())
      .setRecipients("to", entries(people(150)))
      .catch((reason: unknown) => reason);
    expect(isOfficeCallError(error) && error.operation).toBe("to.addAsync");
  });

  it("a field holding a personal contact group is refused by Outlook (5010) and left as it was", async () => {
    const outlook = new FakeOutlook();
    outlook.recipients.cc = [group, ...people(2)];
    const error: unknown = await createComposeItem(outlook.office())
      .setRecipients("cc", entries(people(2)))
      .catch((reason: unknown) => reason);
    expect(error).toMatchObject({ operation: "cc.setAsync", code: 5010 });
    expect(outlook.recipients.cc).toHaveLength(3);
  });
});

describe("addRecipients", () => {
  it("appends 100 at a time, leaving what the field holds (a contact group too) alone", async () => {
    const outlook = new FakeOutlook();
    outlook.recipients.bcc = [group];
    await createComposeItem(outlook.office()).addRecipients("bcc", entries(people(201)));
    expect(outlook.recipientCalls).toEqual(["bcc.addAsync:100", "bcc.addAsync:100", "bcc.addAsync:1"]);
    expect(outlook.recipients.bcc[0]).toEqual(group);
    expect(outlook.recipients.bcc).toHaveLength(202);
  });

  it("rejects when the field would pass the client's limit", async () => {
    const outlook = new FakeOutlook();
    outlook.fieldLimit = 500;
    outlook.recipients.bcc = people(450);
    const error: unknown = await createComposeItem(outlook.office())
      .addRecipients("bcc", entries(people(60, 1_000)))
      .catch((reason: unknown) => reason);
    expect(error).toMatchObject({ operation: "bcc.addAsync" });
  });
});
