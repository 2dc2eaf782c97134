import type { ManifestFacts } from "../../src/playground/host/manifest";
import { getAsyncCap, PLATFORMS } from "../../src/playground/host/platform";
import type { HostAnswer, ItemOperation } from "../../src/playground/host/protocol";
import { makeHost, MANIFEST, settle } from "./helpers";

// The playground playing Outlook on iOS and Android: only the launch events the manifest's
// MobileFormFactor declares and mobile raises (outlook/mobile-event-based.md), no Smart Alert at
// send, no compose button, getAsync at most 100 a field, one notification an item, informational
// ones only (office.notificationmessages.yml), Mailbox 1.5 by isSetSupported.

type Completable = { type: string; completed(options?: unknown): void };

/** The development manifest's shape: the same handlers on desktop and on phones. */
const WITH_MOBILE: ManifestFacts = {
  ...MANIFEST,
  mobileLaunchEvents: {
    OnNewMessageCompose: { functionName: "onCompose", sendMode: null },
    OnMessageRecipientsChanged: { functionName: "onRecipients", sendMode: null },
  },
};

/** A host playing a phone, with `handlers` associated in its event runtime; `runs` records each call. */
function phone(
  manifest: ManifestFacts = WITH_MOBILE,
  handlers: readonly string[] = ["onCompose", "onRecipients", "onSend"],
) {
  const { host } = makeHost({ manifest });
  host.setPlatform("phone");
  const runs: string[] = [];
  for (const name of handlers)
    host.associate(name, (event) => {
      const completable = event as Completable;
      runs.push(`${name}:${completable.type}`);
      completable.completed();
    });
  host.frameLoaded("events");
  return { host, runs };
}

function ask(host: ReturnType<typeof makeHost>["host"], operation: ItemOperation): Promise<HostAnswer> {
  return new Promise((resolve) => host.item(operation, resolve, "events"));
}

const informational = (message: string) => ({ type: "informationalMessage", message, icon: "Icon.16x16" });

test("reply all runs the MobileFormFactor's OnNewMessageCompose, and a recipients change its handler", async () => {
  const { host, runs } = phone();
  host.selectMessage("m1"); // Test email - please ignore, to everyone@example.org
  host.compose("replyAll");
  await settle();
  expect(host.getState().draft?.recipients.to.map((r) => r.emailAddress)).toContain("everyone@example.org");
  host.currentDraft?.addRecipient("cc", "sam.patel@example.org");
  await settle();
  expect(runs).toEqual(["onCompose:olkNewMessageCompose", "onRecipients:olkRecipientsChanged"]);
  expect(host.getState().log[1]).toMatch(/^OnNewMessageCompose: completed in \d+ ms$/);
});

test("Send sends at once: no OnMessageSend on a phone, even where the manifest's mobile part names one", async () => {
  const declaresSend: ManifestFacts = {
    ...WITH_MOBILE,
    mobileLaunchEvents: {
      ...WITH_MOBILE.mobileLaunchEvents,
      OnMessageSend: { functionName: "onSend", sendMode: "Block" },
    },
  };
  const { host, runs } = phone(declaresSend);
  host.selectMessage("m1");
  host.compose("replyAll");
  await settle();
  await host.send();
  const state = host.getState();
  expect(runs).not.toContain("onSend:olkMessageSend");
  expect(state.alert).toBeNull();
  expect(state.draft).toBeNull();
  expect(state.folder).toBe("sent");
  expect(state.messages.find((message) => message.id === state.selectedId)).toMatchObject({
    subject: "RE: Test email - please ignore",
    to: expect.arrayContaining(["everyone@example.org"]),
  });
  expect(state.log[0]).toMatch(/no OnMessageSend on a phone/);
});

test("a manifest without a MobileFormFactor runs nothing on a phone, and the desktop's events stay desktop's", async () => {
  const { host, runs } = phone(MANIFEST);
  host.compose("new");
  host.currentDraft?.addRecipient("to", "everyone@example.org");
  await settle();
  await host.send();
  expect(runs).toEqual([]);
  expect(host.getState().folder).toBe("sent");
  expect(host.declaredEvent("compose")).toBeNull();
});

test("no compose button, so nothing opens the task pane; switching to the phone closes an open one", async () => {
  const { host } = makeHost({ manifest: WITH_MOBILE });
  host.compose("new");
  host.openTaskPane();
  expect(host.getState().taskPane.open).toBe(true);
  expect(host.taskPaneButton()?.id).toBe("msgComposeOpenPaneButton");
  host.setPlatform("phone");
  expect(host.getState().taskPane.open).toBe(false);
  expect(host.taskPaneButton()).toBeNull();
  expect(host.taskPaneButtonLabel()).toBeNull();
  host.runCommand("msgComposeOpenPaneButton");
  expect(host.getState().taskPane.open).toBe(false);
});

test("getAsync lists 100 a field; the add-in sees iOS, OutlookIOS and Mailbox 1.5 whatever version is chosen", async () => {
  const { host } = phone();
  host.setMailboxVersion("1.16");
  host.compose("new");
  for (let n = 0; n < 150; n += 1) host.currentDraft?.addRecipient("to", `person${n}@example.org`);
  const listed = await ask(host, { op: "recipients.get", field: "to" });
  expect(listed.ok && (listed.value as unknown[]).length).toBe(100);
  expect(host.frameFacts()).toMatchObject({ platform: "iOS", hostName: "OutlookIOS" });
  expect(host.supportsMailbox("1.5")).toBe(true);
  expect(host.supportsMailbox("1.10")).toBe(false);
  expect(getAsyncCap("phone", "1.16")).toBe(100);
});

test("one notification an item: a second replaces the first, and insight messages are not shown", async () => {
  const { host } = phone();
  host.compose("new");
  expect(
    (await ask(host, { op: "notifications.replace", key: "a", details: informational("First") })).ok,
  ).toBe(true);
  expect((await ask(host, { op: "notifications.add", key: "b", details: informational("Second") })).ok).toBe(
    true,
  );
  expect(host.getState().draft?.notifications.map(({ key, message }) => [key, message])).toEqual([
    ["b", "Second"],
  ]);
  const insight = await ask(host, {
    op: "notifications.replace",
    key: "b",
    details: {
      type: "insightMessage",
      message: "Third",
      icon: "Icon.16x16",
      actions: [{ actionType: "showTaskPane", actionText: "Review", commandId: "msgComposeOpenPaneButton" }],
    },
  });
  expect(insight.ok).toBe(false);
  expect(host.getState().draft?.notifications.map(({ message }) => message)).toEqual(["Second"]);
  // Outlook's other limits still hold: 150 characters.
  const long = await ask(host, {
    op: "notifications.replace",
    key: "b",
    details: informational("x".repeat(151)),
  });
  expect(long.ok).toBe(false);
});

test("the other clients keep their own strictness: five notifications, insight messages, their caps", async () => {
  const { host } = makeHost();
  host.compose("new");
  for (const key of ["a", "b", "c", "d", "e"])
    expect((await ask(host, { op: "notifications.add", key, details: informational(key) })).ok).toBe(true);
  const sixth = await ask(host, { op: "notifications.add", key: "f", details: informational("f") });
  expect(sixth.ok).toBe(false);
  expect(host.getState().draft?.notifications).toHaveLength(5);
  const insight = await ask(host, {
    op: "notifications.replace",
    key: "a",
    details: {
      type: "insightMessage",
      message: "Review",
      icon: "Icon.16x16",
      actions: [{ actionType: "showTaskPane", actionText: "Review", commandId: "msgComposeOpenPaneButton" }],
    },
  });
  expect(insight.ok).toBe(true);
  expect(host.supportsMailbox("1.15")).toBe(true);
  for (const platform of ["web", "mac", "classic"] as const)
    expect(PLATFORMS[platform].formFactor).toBe("desktop");
  expect(getAsyncCap("web", "1.15")).toBe(1000);
  expect(getAsyncCap("classic", "1.15")).toBe(500);
});
