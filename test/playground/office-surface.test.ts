import { createComposeItem } from "../../src/office/compose-item";
import { createOfficeContext, MAILBOX_ENUMS } from "../../src/playground/frame/office-surface";
import { makeHost } from "./helpers";

// The add-in's own Office adapter (src/office) over the playground's Office.js surface: the same
// calls Outlook answers, answered by the stand-in. If these disagree, the playground lies.

function setUp() {
  const { host } = makeHost();
  host.compose("new");
  const { context } = createOfficeContext(host);
  const office = { context, MailboxEnums: MAILBOX_ENUMS } as unknown as typeof Office;
  return { host, item: createComposeItem(office), context };
}

test("recipients: read with their hints, written back with names kept", async () => {
  const { host, item } = setUp();
  host.currentDraft?.addRecipient("to", "everyone@example.org");
  host.currentDraft?.addRecipient("cc", "sam.patel@example.org", "Sam");
  expect(await item.getRecipients()).toEqual([
    {
      field: "to",
      emailAddress: "everyone@example.org",
      displayName: "Everyone (all staff)",
      recipientType: "other",
    },
    { field: "cc", emailAddress: "sam.patel@example.org", displayName: "Sam", recipientType: "user" },
  ]);
  await item.setRecipients("bcc", [{ emailAddress: "everyone@example.org", displayName: "All staff" }]);
  await item.setRecipients("to", []);
  const after = host.getState().draft?.recipients;
  expect(after?.to).toEqual([]);
  expect(after?.bcc).toEqual([
    { emailAddress: "everyone@example.org", displayName: "All staff", recipientType: "other" },
  ]);
});

test("sender, session data (a missing key reads as null) and headers", async () => {
  const { host, item } = setUp();
  expect(await item.getSender()).toBe("dr.amelia.hart@example.org");
  expect(await item.getSessionData("reachGuard")).toBeNull();
  await item.setSessionData("reachGuard", '{"v":1}');
  expect(await item.getSessionData("reachGuard")).toBe('{"v":1}');
  await item.setInternetHeaders({ "X-Reach-Guard": "verdict=block" });
  expect(host.getState().draft?.headers).toEqual({ "X-Reach-Guard": "verdict=block" });
  await item.removeInternetHeaders(["X-Reach-Guard"]);
  expect(host.getState().draft?.headers).toEqual({});
});

test("the info bar: an insight message with the task-pane action, cut to 150 characters; removal of none is quiet", async () => {
  const { host, item } = setUp();
  await item.showInfoBar("reachGuard", { message: "R".repeat(200), actionText: "Review recipients" });
  const [bar] = host.getState().draft?.notifications ?? [];
  expect(bar).toMatchObject({
    key: "reachGuard",
    type: "insightMessage",
    actions: [
      { actionType: "showTaskPane", actionText: "Review recipients", commandId: "msgComposeOpenPaneButton" },
    ],
  });
  expect(bar?.message).toHaveLength(150);
  await item.removeInfoBar("reachGuard");
  await expect(item.removeInfoBar("reachGuard")).resolves.toBeUndefined();
  expect(host.getState().draft?.notifications).toEqual([]);
});

test("callbacks come later, never synchronously, and carry asyncContext", async () => {
  const { context } = setUp();
  const order: string[] = [];
  const result = await new Promise<{ status: string; asyncContext: unknown }>((resolve) => {
    (context.mailbox.item as unknown as Office.MessageCompose).subject.getAsync(
      { asyncContext: "mine" },
      (r) => {
        order.push("callback");
        resolve(r as unknown as { status: string; asyncContext: unknown });
      },
    );
    order.push("after call");
  });
  expect(order).toEqual(["after call", "callback"]);
  expect(result).toMatchObject({ status: "succeeded", asyncContext: "mine" });
});

test("requirements follow the stand-in's Mailbox version; no item once the draft closes", () => {
  const { host, context } = setUp();
  expect(context.requirements.isSetSupported("Mailbox", "1.14")).toBe(true);
  expect(context.requirements.isSetSupported("Mailbox", "1.16")).toBe(false);
  expect(context.requirements.isSetSupported("ExcelApi", "1.1")).toBe(false);
  host.discard();
  expect(context.mailbox.item).toBeNull();
});
