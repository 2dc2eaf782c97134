import { HANDLER_LIMIT_MS, SLOW_SEND_MS } from "../../src/playground/host/playground-host";
import { makeHost, settle } from "./helpers";

// The stand-in Outlook's behaviour around the add-in: which launch event runs when, what the Smart
// Alerts dialog offers for each `event.completed` option, and what reaches Sent items.

type Completable = { type: string; completed(options?: unknown): void };

function withRuntime(handlers: Record<string, (event: Completable) => void>) {
  const made = makeHost();
  for (const [name, handler] of Object.entries(handlers))
    made.host.associate(name, (event) => handler(event as Completable));
  made.host.frameLoaded("events");
  return made;
}

test("reply all addresses the sender and the list, drops my own address, and runs OnMessageCompose", async () => {
  const seen: string[] = [];
  const { host } = withRuntime({ onCompose: (event) => (seen.push(event.type), event.completed()) });
  host.selectMessage("m2"); // from the medical director to clinical leads, Cc me
  host.compose("replyAll");
  await settle();
  const draft = host.getState().draft;
  expect(draft?.subject).toBe("RE: Winter rota: views by Friday");
  expect(draft?.recipients.to.map((r) => r.emailAddress)).toEqual([
    "medical.director@example.org",
    "clinical-leads@example.org",
  ]);
  expect(draft?.recipients.cc).toEqual([]);
  expect(seen).toEqual(["olkMessageCompose"]);
  expect(host.getState().log[0]).toMatch(/^OnMessageCompose: completed in \d+ ms$/);
});

test("a recipients change tells the task pane and runs OnMessageRecipientsChanged", async () => {
  const runs: string[] = [];
  const { host } = withRuntime({
    onCompose: (event) => event.completed(),
    onRecipients: (event) => (runs.push(event.type), event.completed()),
  });
  const heard: unknown[] = [];
  host.compose("new");
  const stop = host.subscribe("olkRecipientsChanged", (args) => heard.push(args));
  host.currentDraft?.addRecipient("to", "ward7-team@example.org");
  await settle();
  expect(heard).toEqual([
    { type: "olkRecipientsChanged", changedRecipientFields: { to: true, cc: false, bcc: false } },
  ]);
  expect(runs).toEqual(["olkRecipientsChanged"]);
  stop();
  host.currentDraft?.addRecipient("cc", "sam.patel@example.org");
  await settle();
  expect(heard).toHaveLength(1);
});

test("an allowed send reaches Sent items with the headers the add-in set", async () => {
  const { host } = withRuntime({
    onCompose: (event) => event.completed(),
    onRecipients: (event) => event.completed(),
    onSend: (event) =>
      host.item({ op: "headers.set", headers: { "X-Reach-Guard": "verdict=warn; ack=yes" } }, () =>
        event.completed({ allowEvent: true }),
      ),
  });
  host.compose("new");
  host.currentDraft?.addRecipient("to", "ward7-team@example.org");
  host.currentDraft?.setSubject("Bay 3");
  await host.send();
  const state = host.getState();
  expect(state.draft).toBeNull();
  expect(state.folder).toBe("sent");
  const sent = state.messages.find((message) => message.id === state.selectedId);
  expect(sent).toMatchObject({
    subject: "Bay 3",
    to: ["ward7-team@example.org"],
    headers: { "X-Reach-Guard": "verdict=warn; ack=yes" },
  });
});

test("a block shows the message and Take action (commandId), never Send anyway", async () => {
  const { host } = withRuntime({
    onCompose: (event) => event.completed(),
    onSend: (event) =>
      event.completed({
        allowEvent: false,
        errorMessage: "Too many people.",
        cancelLabel: "Review recipients",
        commandId: "msgComposeOpenPaneButton",
      }),
  });
  host.compose("new");
  await host.send();
  expect(host.getState().alert).toEqual({
    message: "Too many people.",
    takeAction: "Review recipients",
    sendAnyway: false,
  });
  host.sendAnyway();
  expect(host.getState().draft).not.toBeNull();
  host.takeAction();
  expect(host.getState().alert).toBeNull();
  expect(host.getState().taskPane.open).toBe(true);
});

test("a warning with sendModeOverride promptUser offers Send anyway, which sends", async () => {
  const { host } = withRuntime({
    onCompose: (event) => event.completed(),
    onSend: (event) =>
      event.completed({ allowEvent: false, errorMessage: "312 people.", sendModeOverride: "promptUser" }),
  });
  host.compose("new");
  await host.send();
  expect(host.getState().alert).toMatchObject({ sendAnyway: true, takeAction: null });
  host.sendAnyway();
  expect(host.getState().folder).toBe("sent");
});

test("a send handler that never completes: 'taking longer' after 5 s, then not sent (SoftBlock allows Send anyway)", async () => {
  jest.useFakeTimers();
  try {
    const { host } = withRuntime({ onCompose: (event) => event.completed(), onSend: () => undefined });
    host.compose("new");
    const sending = host.send();
    await jest.advanceTimersByTimeAsync(SLOW_SEND_MS + 1);
    expect(host.getState().sending).toBe("slow");
    await jest.advanceTimersByTimeAsync(HANDLER_LIMIT_MS);
    await sending;
    expect(host.getState().alert).toMatchObject({ sendAnyway: true, takeAction: null });
    expect(host.getState().alert?.message).toMatch(/did not answer/);
  } finally {
    jest.useRealTimers();
  }
});

test("the Outlook version switch changes what the add-in may detect", () => {
  const { host } = makeHost();
  expect(host.supportsMailbox("1.14")).toBe(true);
  host.setMailboxVersion("1.13");
  expect(host.supportsMailbox("1.14")).toBe(false);
  expect(host.supportsMailbox("1.12")).toBe(true);
  expect(host.supportsMailbox("1.9")).toBe(true);
});

test("switches go to the Graph server, except No token, which the broker keeps", async () => {
  const { host, applied } = makeHost();
  await host.setFault("down", true);
  await host.setFault("noToken", true);
  expect(applied).toEqual([{ slow: false, throttled: false, down: true, noToken: false }]);
  const responses: string[] = [];
  host.naa(JSON.stringify({ method: "GetToken", requestId: "r1", tokenParams: {} }), (text) =>
    responses.push(text),
  );
  await settle();
  expect(JSON.parse(responses[0] ?? "{}")).toMatchObject({ requestId: "r1", success: false });
  // Signing in from the task pane gets a token and ends the state, as signing in would.
  host.naa(JSON.stringify({ method: "GetTokenPopup", requestId: "r2", tokenParams: {} }), (text) =>
    responses.push(text),
  );
  await settle();
  expect(JSON.parse(responses[1] ?? "{}")).toMatchObject({ requestId: "r2", success: true });
  expect(host.getState().faults.noToken).toBe(false);
});

test("item operations without a draft fail as Outlook's do, and the task pane only opens over a draft", async () => {
  const { host } = makeHost();
  const answers: unknown[] = [];
  host.item({ op: "subject.get" }, (answer) => answers.push(answer));
  await settle();
  expect(answers[0]).toMatchObject({ ok: false });
  host.openTaskPane();
  expect(host.getState().taskPane.open).toBe(false);
});
