import { createComposeItem } from "../../src/office/compose-item";
import { isMobile } from "../../src/office/requirements";
import { FakeOutlook, type Entry } from "./fake-office";

// Outlook on iOS and Android, against the strict fake: Mailbox 1.5 by isSetSupported, with the
// launch events and a few later APIs enabled beyond it (outlook/outlook-mobile-apis.md); getAsync
// lists at most 100 recipients a field (office.recipients.yml); notifications are informational,
// progress or error only, one an item (office.notificationmessages.yml).

const people = (count: number): Entry[] =>
  Array.from({ length: count }, (_, n) => ({
    emailAddress: `person${n}@example.org`,
    displayName: `Person ${n}`,
    recipientType: "user",
  }));

function phone(platform: "iOS" | "Android", setup: (fake: FakeOutlook) => void = () => undefined) {
  const fake = new FakeOutlook();
  Object.assign(fake, {
    platform,
    hostName: platform === "iOS" ? "OutlookIOS" : "OutlookAndroid",
    mailbox: "1.5",
    mobileApis: true,
    cap: 100,
  });
  setup(fake);
  return fake;
}

describe.each(["iOS", "Android"] as const)("Outlook on %s", (platform) => {
  it("lists 100 of a longer field, and the cap says a field of 100 may hold more", async () => {
    const fake = phone(platform, (outlook) => (outlook.recipients.to = people(150)));
    const item = createComposeItem(fake.office());
    const listed = await item.getRecipients(["to"]);
    expect(listed).toHaveLength(100);
    expect(item.recipientCap()).toBe(100);
    expect(listed.length >= item.recipientCap()).toBe(true);
  });

  it("keeps to 100 even when the phone's signals are only half there", () => {
    const byPlatform = phone(platform, (outlook) => (outlook.hostName = null));
    const byHostName = phone(platform, (outlook) => (outlook.platform = null));
    expect(createComposeItem(byPlatform.office()).recipientCap()).toBe(100);
    expect(createComposeItem(byHostName.office()).recipientCap()).toBe(100);
  });

  it("shows the info bar as plain words: no insight message, no action for a pane a phone cannot open", async () => {
    const fake = phone(platform);
    await createComposeItem(fake.office()).showInfoBar("reachGuard", {
      message: "Everyone (all staff) reaches about 840,000 people.",
      actionText: "Review recipients",
    });
    expect(fake.replaceAttempts).toHaveLength(1);
    expect(fake.infoBars.get("reachGuard")).toMatchObject({
      type: "informationalMessage",
      message: "Everyone (all staff) reaches about 840,000 people.",
    });
    expect(fake.infoBars.get("reachGuard")).not.toHaveProperty("actions");
  });

  it("reads the compose type, which phones have though they report Mailbox 1.5", async () => {
    const fake = phone(platform, (outlook) => {
      outlook.composeType = "reply";
      outlook.thread = "AAQkADStorm=";
    });
    expect(fake.office().context.requirements.isSetSupported("Mailbox", "1.10")).toBe(false);
    await expect(createComposeItem(fake.office()).getConversation()).resolves.toMatchObject({
      kind: "reply",
      id: "AAQkADStorm=",
    });
  });

  it("is told apart from the desktop clients", () => {
    expect(isMobile(phone(platform).office())).toBe(true);
  });
});

describe("the desktop clients beside it", () => {
  it("still offer the pane from the info bar and are not taken for phones", async () => {
    const web = new FakeOutlook();
    await createComposeItem(web.office()).showInfoBar("reachGuard", {
      message: "Clinical leads reaches 300 people.",
      actionText: "Review recipients",
    });
    expect(web.infoBars.get("reachGuard")).toMatchObject({
      type: "insightMessage",
      actions: [expect.objectContaining({ actionText: "Review recipients" })],
    });
    for (const [platform, hostName] of [
      ["OfficeOnline", "OutlookWebApp"],
      ["Mac", "Outlook"],
      ["PC", "Outlook"],
      ["OfficeOnline", "newOutlookWindows"],
    ] as const) {
      const desktop = new FakeOutlook();
      Object.assign(desktop, { platform, hostName });
      expect({ platform, hostName, mobile: isMobile(desktop.office()) }).toEqual({
        platform,
        hostName,
        mobile: false,
      });
    }
  });

  it("before Mailbox 1.10 still do not ask for the compose type", async () => {
    const older = new FakeOutlook();
    Object.assign(older, { mailbox: "1.9", composeType: "reply", thread: "AAQkADStorm=" });
    await expect(createComposeItem(older.office()).getConversation()).resolves.toMatchObject({
      kind: "unknown",
    });
  });
});
