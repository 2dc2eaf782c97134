import { createComposeItem } from "../../src/office/compose-item";
import { isOfficeCallError, OfficeCallError } from "../../src/office/office-call";
import { FakeOutlook, LOCALISED, officeError } from "./fake-office";

// What office-addin-mock cannot express: failed AsyncResults, methods that throw, older clients.

async function failure(promise: Promise<unknown>): Promise<OfficeCallError> {
  const error: unknown = await promise.then(
    () => new Error("expected a rejection"),
    (reason: unknown) => reason,
  );
  if (!isOfficeCallError(error)) throw error;
  return error;
}

describe("sender", () => {
  it("is the signed-in user where the item has no from (older clients)", async () => {
    const outlook = new FakeOutlook();
    outlook.userEmail = "me@example.org";
    await expect(createComposeItem(outlook.office()).getSender()).resolves.toBe("me@example.org");
  });

  it("is the signed-in user when from.getAsync fails or throws", async () => {
    const outlook = new FakeOutlook();
    outlook.from = { emailAddress: "shared@example.org", displayName: "", recipientType: "user" };
    outlook.failing.set("from.getAsync", officeError(5001));
    await expect(createComposeItem(outlook.office()).getSender()).resolves.toBe(outlook.userEmail);
    outlook.failing.set("from.getAsync", "throw");
    await expect(createComposeItem(outlook.office()).getSender()).resolves.toBe(outlook.userEmail);
    outlook.failing.clear();
    await expect(createComposeItem(outlook.office()).getSender()).resolves.toBe("shared@example.org");
  });
});

describe("recipients", () => {
  it("reject with the operation and Office's code, never its localised message", async () => {
    const outlook = new FakeOutlook();
    outlook.failing.set("cc.getAsync", officeError(9020, "GenericResponseError"));
    const error = await failure(createComposeItem(outlook.office()).getRecipients());
    expect(error).toBeInstanceOf(OfficeCallError);
    expect(error).toMatchObject({ name: "OfficeCallError", operation: "cc.getAsync", code: 9020 });
    expect(error.message).not.toContain(LOCALISED);
  });

  it("reject (never throw) when the Office method throws synchronously, keeping the cause", async () => {
    const outlook = new FakeOutlook();
    outlook.failing.set("to.getAsync", "throw");
    const compose = createComposeItem(outlook.office());
    let pending: Promise<unknown> | undefined;
    expect(() => (pending = compose.getRecipients())).not.toThrow();
    const error = await failure(pending!);
    expect(error).toMatchObject({ operation: "to.getAsync", code: null });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it("a failed set leaves the field as it was and rejects", async () => {
    const outlook = new FakeOutlook();
    const before = [{ emailAddress: "a@example.org", displayName: "A", recipientType: "user" }];
    outlook.recipients.to = before;
    outlook.failing.set("to.setAsync", officeError(9021));
    const error = await failure(createComposeItem(outlook.office()).setRecipients("to", []));
    expect(error).toMatchObject({ operation: "to.setAsync", code: 9021 });
    expect(outlook.recipients.to).toBe(before);
  });

  it("read the open item on every call, not the one open when created", async () => {
    const outlook = new FakeOutlook();
    const compose = createComposeItem(outlook.office());
    outlook.itemOpen = false;
    await expect(compose.getRecipients()).rejects.toBeInstanceOf(Error);
    await expect(compose.getSender()).rejects.toThrow("No item is open");
    outlook.itemOpen = true;
    outlook.recipients.bcc = [{ emailAddress: "b@example.org", displayName: "B", recipientType: "user" }];
    await expect(compose.getRecipients()).resolves.toEqual([
      { field: "bcc", emailAddress: "b@example.org", displayName: "B", recipientType: "user" },
    ]);
  });
});

describe("session data and headers", () => {
  it("a key Outlook does not hold, reported as a failure, reads as null", async () => {
    const outlook = new FakeOutlook();
    const compose = createComposeItem(outlook.office());
    await expect(compose.getSessionData("reachGuard")).resolves.toBeNull();
    await compose.setSessionData("reachGuard", "x");
    await expect(compose.getSessionData("reachGuard")).resolves.toBe("x");
    outlook.failing.set("sessionData.getAsync", "throw");
    await expect(compose.getSessionData("reachGuard")).resolves.toBeNull();
  });

  it("a refused write rejects with Office's code", async () => {
    const outlook = new FakeOutlook();
    outlook.failing.set("sessionData.setAsync", officeError(9030, "DataExceedsMaximumSize"));
    outlook.failing.set("internetHeaders.setAsync", officeError(9031));
    outlook.failing.set("internetHeaders.removeAsync", officeError(9032));
    const compose = createComposeItem(outlook.office());
    expect(await failure(compose.setSessionData("reachGuard", "x"))).toMatchObject({ code: 9030 });
    expect(await failure(compose.setInternetHeaders({ "X-Reach-Guard": "v" }))).toMatchObject({
      operation: "internetHeaders.setAsync",
      code: 9031,
    });
    expect(await failure(compose.removeInternetHeaders(["X-Reach-Guard"]))).toMatchObject({ code: 9032 });
    expect(outlook.sessionData.size + outlook.headers.size).toBe(0);
  });
});

describe("info bar", () => {
  const bar = {
    message: "Reply all will reach about 840,000 people. Review before sending.",
    actionText: "Review",
  };

  it("falls back to an informational message where insight messages with actions are refused", async () => {
    const outlook = new FakeOutlook();
    outlook.failing.set("notificationMessages.replaceAsync", (_key, details) =>
      (details as Office.NotificationMessageDetails).type === "insightMessage" ? officeError(9040) : null,
    );
    await createComposeItem(outlook.office()).showInfoBar("reachGuard", bar);
    expect(outlook.replaceAttempts.map((attempt) => attempt.type)).toEqual([
      "insightMessage",
      "informationalMessage",
    ]);
    expect(outlook.infoBars.get("reachGuard")).toEqual({
      type: "informationalMessage",
      message: bar.message,
      icon: "Icon.16x16",
      persistent: false,
    });
  });

  it("uses Office's enum strings where MailboxEnums is missing", async () => {
    const outlook = new FakeOutlook();
    outlook.withEnums = false;
    await createComposeItem(outlook.office()).showInfoBar("reachGuard", bar);
    expect(outlook.infoBars.get("reachGuard")).toMatchObject({
      type: "insightMessage",
      actions: [{ actionType: "showTaskPane", commandId: "msgComposeOpenPaneButton" }],
    });
  });

  it("rejects when even the informational message is refused", async () => {
    const outlook = new FakeOutlook();
    outlook.failing.set("notificationMessages.replaceAsync", officeError(9041));
    const error = await failure(createComposeItem(outlook.office()).showInfoBar("reachGuard", bar));
    expect(error).toMatchObject({ operation: "notificationMessages.replaceAsync", code: 9041 });
    expect(outlook.replaceAttempts).toHaveLength(2);
  });

  it("removing a message that is not shown, or a removal that throws, is not an error", async () => {
    const outlook = new FakeOutlook();
    const compose = createComposeItem(outlook.office());
    await expect(compose.removeInfoBar("reachGuard")).resolves.toBeUndefined();
    await compose.showInfoBar("reachGuard", bar);
    expect(outlook.infoBars.has("reachGuard")).toBe(true);
    await compose.removeInfoBar("reachGuard");
    expect(outlook.infoBars.has("reachGuard")).toBe(false);
    outlook.failing.set("notificationMessages.removeAsync", "throw");
    await expect(compose.removeInfoBar("reachGuard")).resolves.toBeUndefined();
  });
});
