import { createComposeItem, TASK_PANE_COMMAND_ID } from "../../src/office/compose-item";
import { outlookMock } from "./outlook-mock";

// The happy paths against office-addin-mock; failures are in compose-item-failures.test.ts.

const person = (emailAddress: string, displayName = emailAddress, recipientType = "user") => ({
  emailAddress,
  displayName,
  recipientType,
});

describe("compose item over office-addin-mock", () => {
  it("reads the sender from item.from", async () => {
    const { office } = outlookMock({ from: person("comms@example.org", "Comms Team") });
    await expect(createComposeItem(office).getSender()).resolves.toBe("comms@example.org");
  });

  it("falls back to the signed-in user when from gives no address", async () => {
    const { office } = outlookMock({ userEmail: "me@example.org", from: { emailAddress: "" } });
    await expect(createComposeItem(office).getSender()).resolves.toBe("me@example.org");
  });

  it("reads To, Cc and Bcc in that order with the field, keeping a contact group's empty address", async () => {
    const { office } = outlookMock({
      recipients: {
        to: [person("everyone@example.org", "Everyone", "distributionList")],
        cc: [{ emailAddress: "", displayName: "My ward contacts", recipientType: "other" }],
        bcc: [{ emailAddress: "sam.patel@example.org" }],
      },
    });
    await expect(createComposeItem(office).getRecipients()).resolves.toEqual([
      {
        field: "to",
        emailAddress: "everyone@example.org",
        displayName: "Everyone",
        recipientType: "distributionList",
      },
      { field: "cc", emailAddress: "", displayName: "My ward contacts", recipientType: "other" },
      // Missing details become empty strings, never undefined.
      { field: "bcc", emailAddress: "sam.patel@example.org", displayName: "", recipientType: "" },
    ]);
  });

  it("reads only the fields asked for", async () => {
    const { office } = outlookMock({
      recipients: { to: [person("a@example.org")], bcc: [person("b@example.org")] },
    });
    const read = await createComposeItem(office).getRecipients(["bcc"]);
    expect(read.map((recipient) => [recipient.field, recipient.emailAddress])).toEqual([
      ["bcc", "b@example.org"],
    ]);
  });

  it("sets one field to addresses and names only, leaving the others alone", async () => {
    const { office, item } = outlookMock({
      recipients: { to: [person("everyone@example.org")], cc: [person("c@example.org")] },
    });
    await createComposeItem(office).setRecipients("bcc", [
      { emailAddress: "everyone@example.org", displayName: "Everyone" },
    ]);
    expect(item.bcc.entries).toEqual([{ emailAddress: "everyone@example.org", displayName: "Everyone" }]);
    expect(item.to.entries).toEqual([person("everyone@example.org")]);
    expect(item.cc.entries).toEqual([person("c@example.org")]);
  });

  it("writes session data and reads it back; a value Outlook does not return as text is null", async () => {
    const { office, item } = outlookMock();
    const compose = createComposeItem(office);
    await expect(compose.getSessionData("reachGuard")).resolves.toBeNull();
    await compose.setSessionData("reachGuard", '{"v":1}');
    await expect(compose.getSessionData("reachGuard")).resolves.toBe('{"v":1}');
    expect(item.sessionData.values).toEqual([["reachGuard", '{"v":1}']]);
  });

  it("sets and removes internet headers", async () => {
    const { office, item } = outlookMock();
    const compose = createComposeItem(office);
    await compose.setInternetHeaders({ "X-Reach-Guard": "verdict=warn; reach=312", "X-Other": "1" });
    expect(item.internetHeaders.headers).toEqual([
      ["X-Reach-Guard", "verdict=warn; reach=312"],
      ["X-Other", "1"],
    ]);
    await compose.removeInternetHeaders(["X-Reach-Guard"]);
    expect(item.internetHeaders.headers).toEqual([["X-Other", "1"]]);
  });

  it("shows an insight message whose action opens the task pane, cut to 150 characters", async () => {
    const { office, item } = outlookMock();
    const long = `Reply all will reach about 840,000 people. ${"Review before sending. ".repeat(10)}`;
    await createComposeItem(office).showInfoBar("reachGuard", { message: long, actionText: "Review" });
    expect(item.notificationMessages.shown).toEqual([
      [
        "reachGuard",
        {
          type: "insightMessage",
          message: long.slice(0, 150),
          icon: "Icon.16x16",
          actions: [
            {
              actionType: "showTaskPane",
              actionText: "Review",
              commandId: "msgComposeOpenPaneButton",
              contextData: "{}",
            },
          ],
        },
      ],
    ]);
    expect(TASK_PANE_COMMAND_ID).toBe("msgComposeOpenPaneButton");
  });

  it("shows a plain informational message when there is no action, and replaces it by key", async () => {
    const { office, item } = outlookMock();
    const compose = createComposeItem(office);
    await compose.showInfoBar("reachGuard", { message: "First", actionText: "Review" });
    await compose.showInfoBar("reachGuard", { message: "Second", actionText: null });
    expect(item.notificationMessages.shown).toEqual([
      [
        "reachGuard",
        { type: "informationalMessage", message: "Second", icon: "Icon.16x16", persistent: false },
      ],
    ]);
    await compose.removeInfoBar("reachGuard");
    expect(item.notificationMessages.shown).toEqual([]);
  });
});
