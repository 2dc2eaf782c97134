import { parseHeader } from "../../src/core/header";
import { ALERT_LIMIT, INFO_BAR_LIMIT } from "../../src/core/limits";
import { SEND_HARD_LIMIT_MS } from "../../src/check/deadlines";
import { createHandlers, type HandlerDeps } from "../../src/events/handlers";
import { HEADER_NAME, INFO_BAR_KEY, PROMPT_USER, type SendCompletion } from "../../src/check/outcome";
import { acknowledgeDraft, checkDraft } from "../../src/check/draft-check";
import type { Settings } from "../../src/app/settings";
import { TASK_PANE_COMMAND_ID } from "../../src/office/compose-item";
import { MemoryDraft as FakeDraft } from "../../src/office/memory-draft";
import { TableDirectory, fakeEvent, list, settingsWith } from "./fakes";
import { heldDirectory } from "../taskpane/fakes";

const SENDER = "dr.amelia.hart@example.org";
const POLICY = {
  warnAt: 50,
  blockAt: 5000,
  blockedAddresses: ["everyone@example.org"],
  broadcasters: ["comms@example.org"],
  directoryUnavailable: "warn" as const,
  sendTimeoutMs: 1000,
  supportContact: "IT service desk, 0113 496 0000",
};

function setup(options: {
  draft: FakeDraft;
  table?: ConstructorParameters<typeof TableDirectory>[0];
  mailbox114?: boolean;
  settings?: Settings;
}) {
  const directory = new TableDirectory(
    options.table ?? { "clinical-leads@example.org": list(300), "ward7-team@example.org": list(12) },
  );
  const settings = options.settings ?? settingsWith(POLICY);
  const deps: HandlerDeps = {
    item: () => options.draft,
    loadSettings: async () => settings,
    directory: () => directory,
    supportsMailbox: (version) => (options.mailbox114 ?? true) || version < "1.14",
  };
  return { handlers: createHandlers(deps), directory, deps, settings };
}

async function send(handlers: ReturnType<typeof createHandlers>) {
  const event = fakeEvent<SendCompletion>();
  const started = Date.now();
  // Outlook waits for completed(), not for the handler's promise.
  void handlers.onMessageSend(event);
  const options = await event.done;
  return { options, calls: event.calls, elapsed: Date.now() - started };
}

describe("OnMessageSend", () => {
  it("lets ordinary mail go at once, with no header", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["ward7-team@example.org", "sam.patel@example.org"] });
    const { handlers } = setup({ draft });
    const { options, calls } = await send(handlers);
    expect(calls).toEqual([{ allowEvent: true }]);
    expect(options).toEqual({ allowEvent: true });
    expect(draft.headers.has(HEADER_NAME)).toBe(false);
  });

  it("warns with Send Anyway and a Review recipients button where Mailbox 1.14 is supported", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["clinical-leads@example.org"] });
    const { handlers } = setup({ draft });
    const { options } = await send(handlers);
    expect(options).toMatchObject({
      allowEvent: false,
      sendModeOverride: PROMPT_USER,
      cancelLabel: "Review recipients",
      commandId: TASK_PANE_COMMAND_ID,
    });
    expect(options!.errorMessage).toBe(
      "This message reaches 300 people through clinical-leads@example.org. Select Send Anyway if you meant this, or Review recipients to change it.",
    );
    expect(options!.errorMessage).toContain("Send Anyway");
    expect(options!.errorMessage!.length).toBeLessThanOrEqual(ALERT_LIMIT);
    // Stamped before the alert, since Send anyway lets the message go without another check.
    expect(parseHeader(draft.headers.get(HEADER_NAME)!)).toMatchObject({
      verdict: "warn",
      reach: 300,
      ack: false,
    });
  });

  it("warns without the newer options on an Outlook before Mailbox 1.14", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["clinical-leads@example.org"] });
    const { handlers } = setup({ draft, mailbox114: false });
    const { options } = await send(handlers);
    expect(options).toEqual({
      allowEvent: false,
      errorMessage: expect.stringContaining("Review recipients"),
    });
    expect(options!.errorMessage).not.toContain("Send Anyway");
  });

  it("blocks an always-blocked list without asking the directory", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["Everyone@Example.org"], cc: ["ward7-team@example.org"] });
    const { handlers, directory } = setup({ draft });
    const { options } = await send(handlers);
    expect(options).toMatchObject({ allowEvent: false, commandId: TASK_PANE_COMMAND_ID });
    expect(options).not.toHaveProperty("sendModeOverride");
    expect(options!.errorMessage).toMatch(
      /^Everyone@Example\.org is blocked by your organisation\. Remove it to send/,
    );
    expect(directory.asked).toEqual([]);
  });

  it("blocks 840,000 people by the reach limit", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["all-staff@example.org"] });
    const { handlers } = setup({ draft, table: { "all-staff@example.org": list(840000) } });
    const { options } = await send(handlers);
    expect(options!.allowEvent).toBe(false);
    expect(options!.errorMessage).toContain("840,000");
    expect(options!.errorMessage).toContain("0113 496 0000");
  });

  it("lets an acknowledged warning go and stamps ack=yes", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["clinical-leads@example.org"] });
    const { handlers, directory, settings } = setup({ draft });
    const check = await checkDraft(draft, {
      policy: settings.policy,
      directory,
      deadlineAt: Date.now() + 1000,
    });
    await acknowledgeDraft(draft, check.decision);
    const { options } = await send(handlers);
    expect(options).toEqual({ allowEvent: true });
    expect(parseHeader(draft.headers.get(HEADER_NAME)!)).toMatchObject({
      verdict: "warn",
      ack: true,
      fingerprint: check.decision.fingerprint,
    });
  });

  it("voids the acknowledgement when the recipients change", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["clinical-leads@example.org"] });
    const { handlers, directory, settings } = setup({ draft });
    const check = await checkDraft(draft, {
      policy: settings.policy,
      directory,
      deadlineAt: Date.now() + 1000,
    });
    await acknowledgeDraft(draft, check.decision);
    draft.recipients.push({ field: "cc", emailAddress: "priya.shah@example.org" });
    const { options } = await send(handlers);
    expect(options!.allowEvent).toBe(false);
    draft.recipients.pop();
    // Back to the confirmed set: the acknowledgement was voided, not hidden.
    expect((await send(handlers)).options!.allowEvent).toBe(false);
  });

  it("lets a broadcaster's acknowledged block go, and nobody else's", async () => {
    const table = { "all-staff@example.org": list(840000) };
    const comms = FakeDraft.to("comms@example.org", { bcc: ["all-staff@example.org"] });
    const first = setup({ draft: comms, table });
    const check = await checkDraft(comms, {
      policy: first.settings.policy,
      directory: first.directory,
      deadlineAt: Date.now() + 1000,
    });
    expect(check.decision.acknowledgeable).toBe(true);
    await acknowledgeDraft(comms, check.decision);
    expect((await send(first.handlers)).options).toEqual({ allowEvent: true });

    const doctor = FakeDraft.to(SENDER, { bcc: ["all-staff@example.org"] });
    const second = setup({ draft: doctor, table });
    const doctorCheck = await checkDraft(doctor, {
      policy: second.settings.policy,
      directory: second.directory,
      deadlineAt: Date.now() + 1000,
    });
    await acknowledgeDraft(doctor, doctorCheck.decision);
    expect((await send(second.handlers)).options!.allowEvent).toBe(false);
  });

  it("uses what composing learnt: no directory call at send for the same recipients", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["clinical-leads@example.org", "sam.patel@example.org"] });
    const { handlers, directory } = setup({ draft });
    const compose = fakeEvent<undefined>();
    await handlers.onMessageCompose(compose);
    expect(directory.asked).toHaveLength(1);
    await send(handlers);
    expect(directory.asked).toHaveLength(1);
    draft.recipients.push({ field: "cc", emailAddress: "new.person@example.org" });
    await send(handlers);
    expect(directory.asked[1]).toEqual(["new.person@example.org"]);
  });

  it.each([
    ["warn", false],
    ["block", false],
    ["allow", true],
  ] as const)(
    "decides by directoryUnavailable=%s when the directory hangs, within the send timeout",
    async (verdict, allowed) => {
      const draft = FakeDraft.to(SENDER, { to: ["big-list@example.org"] });
      const { handlers, directory } = setup({
        draft,
        settings: settingsWith({ ...POLICY, directoryUnavailable: verdict }),
      });
      directory.mode = "hang";
      const { options, elapsed } = await send(handlers);
      expect(options!.allowEvent).toBe(allowed);
      expect(elapsed).toBeGreaterThanOrEqual(POLICY.sendTimeoutMs - 20);
      expect(elapsed).toBeLessThan(POLICY.sendTimeoutMs + 300);
      if (!allowed)
        expect(options!.errorMessage).toMatch(
          /^Reach Guard cannot check the size of big-list@example\.org right now\./,
        );
    },
  );

  it.each(["unavailable", "not-permitted", "no-token"] as const)(
    "decides a %s directory by the policy",
    async (cause) => {
      const draft = FakeDraft.to(SENDER, { to: ["big-list@example.org"] });
      const { handlers, directory } = setup({
        draft,
        settings: settingsWith({ ...POLICY, directoryUnavailable: "block" }),
      });
      directory.mode = "fail";
      directory.failure = { kind: "unknown", cause };
      const { options } = await send(handlers);
      expect(options).toMatchObject({ allowEvent: false, commandId: TASK_PANE_COMMAND_ID });
      expect(options).not.toHaveProperty("sendModeOverride");
    },
  );

  it("names malformed recipients and decides by invalidAddress", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["ward 7 team", "/o=NHS/ou=Exchange/cn=Recipients/cn=abc"] });
    const { handlers } = setup({ draft, settings: settingsWith({ ...POLICY, invalidAddress: "warn" }) });
    const { options } = await send(handlers);
    expect(options!.allowEvent).toBe(false);
    expect(options!.errorMessage).toContain(
      "“ward 7 team” and “/o=NHS/ou=Exchange/cn=Recipients/cn=abc” are not email addresses.",
    );
  });

  it("completes by the policy when the mailbox fails", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["a@example.org"] });
    draft.failRecipients = true;
    const { handlers } = setup({
      draft,
      settings: settingsWith({ ...POLICY, directoryUnavailable: "block" }),
    });
    const { options, calls } = await send(handlers);
    expect(calls).toHaveLength(1);
    expect(options).toMatchObject({
      allowEvent: false,
      errorMessage: expect.stringContaining("could not check"),
    });
  });

  it("completes by the built-in policy when even the settings never come", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["a@example.org"] });
    const { deps } = setup({ draft });
    const handlers = createHandlers({ ...deps, loadSettings: () => new Promise(() => undefined) });
    const { options, calls, elapsed } = await send(handlers);
    expect(calls).toHaveLength(1);
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: PROMPT_USER });
    expect(elapsed).toBeGreaterThanOrEqual(SEND_HARD_LIMIT_MS - 20);
    expect(elapsed).toBeLessThan(5000);
  });

  it("retries without the newer options when Outlook rejects them, never turning a warning into a send", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["clinical-leads@example.org"] });
    const { handlers } = setup({ draft });
    const calls: (SendCompletion | undefined)[] = [];
    await handlers.onMessageSend({
      completed(options) {
        calls.push(options);
        if (options?.sendModeOverride) throw new Error("Invalid parameter");
      },
    });
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ allowEvent: false, errorMessage: calls[0]!.errorMessage });
  });
});

describe("OnMessageCompose and OnMessageRecipientsChanged", () => {
  it("shows one info bar for a reply to all staff, within 150 characters, with the task-pane action", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["all-staff@example.org"] });
    const { handlers } = setup({ draft, table: { "all-staff@example.org": list(840000) } });
    const event = fakeEvent<undefined>();
    await handlers.onMessageCompose(event);
    expect(event.calls).toEqual([undefined]);
    const bar = draft.infoBars.get(INFO_BAR_KEY);
    expect(bar?.message).toBe(
      "This message reaches about 840,000 people through all-staff@example.org, over your organisation's limit of 5,000. Remove it before sending.",
    );
    expect(bar!.message.length).toBeLessThanOrEqual(INFO_BAR_LIMIT);
    expect(bar?.actionText).toBe("Review recipients");
  });

  it("stays quiet for ordinary mail and removes the bar when the list is taken out", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["clinical-leads@example.org"] });
    const { handlers } = setup({ draft });
    await handlers.onMessageCompose(fakeEvent());
    expect(draft.infoBars.size).toBe(1);
    draft.recipients = [{ field: "to", emailAddress: "sam.patel@example.org" }];
    const event = fakeEvent<undefined>();
    await handlers.onMessageRecipientsChanged(event);
    expect(event.calls).toHaveLength(1);
    expect(draft.infoBars.size).toBe(0);
  });

  it("says sign-in failed when no token can be had, for a possible list", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["clinical-leads@example.org"] });
    const { handlers, directory } = setup({ draft });
    directory.mode = "fail";
    directory.failure = { kind: "unknown", cause: "no-token" };
    await handlers.onMessageCompose(fakeEvent());
    expect(draft.infoBars.get(INFO_BAR_KEY)?.message).toBe(
      "Reach Guard could not sign in to check the size of clinical-leads@example.org. Check before sending.",
    );
  });

  it("completes even when the mailbox fails", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["a@example.org"] });
    draft.failRecipients = true;
    const { handlers } = setup({ draft });
    const event = fakeEvent<undefined>();
    await handlers.onMessageRecipientsChanged(event);
    expect(event.calls).toEqual([undefined]);
  });
});

describe("a compose-time check overtaken by a change of recipients", () => {
  function slowFirstCheck(draft: FakeDraft) {
    const { deps, directory, settings } = setup({ draft });
    const held = heldDirectory(directory);
    const handlers = createHandlers({ ...deps, directory: () => held.directory });
    return { handlers, held, directory, settings };
  }

  it("leaves the info bar to the newer check", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["clinical-leads@example.org"] });
    const { handlers, held } = slowFirstCheck(draft);
    const compose = fakeEvent<undefined>();
    const composing = handlers.onMessageCompose(compose);
    await held.called;
    draft.recipients = [{ field: "to", emailAddress: "sam.patel@example.org" }];
    await handlers.onMessageRecipientsChanged(fakeEvent());
    expect(draft.infoBars.size).toBe(0);
    held.release();
    await composing;
    expect(compose.calls).toEqual([undefined]);
    // The warning for the clinical leads is for recipients the message no longer has.
    expect(draft.infoBars.size).toBe(0);
  });

  it("does not undo the sender's confirmation: the send goes, stamped ack=yes", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["clinical-leads@example.org"] });
    const { handlers, held, directory, settings } = slowFirstCheck(draft);
    const composing = handlers.onMessageCompose(fakeEvent());
    await held.called;
    draft.recipients.push({ field: "cc", emailAddress: "ward7-team@example.org" });
    await handlers.onMessageRecipientsChanged(fakeEvent());
    expect(draft.infoBars.get(INFO_BAR_KEY)?.message).toMatch(/312 people/);
    // The sender confirms the new set in the task pane, which takes the bar away.
    const inPane = await checkDraft(draft, {
      policy: settings.policy,
      directory,
      deadlineAt: Date.now() + 1000,
    });
    await acknowledgeDraft(draft, inPane.decision);
    await draft.removeInfoBar(INFO_BAR_KEY);
    held.release();
    await composing;
    expect(draft.infoBars.size).toBe(0);
    const { options } = await send(handlers);
    expect(options).toEqual({ allowEvent: true });
    expect(parseHeader(draft.headers.get(HEADER_NAME)!)).toMatchObject({
      verdict: "warn",
      reach: 312,
      ack: true,
      fingerprint: inPane.decision.fingerprint,
    });
  });
});

describe("the audit trail at send", () => {
  const header = (draft: FakeDraft) => parseHeader(draft.headers.get(HEADER_NAME) ?? "");

  it("stamps a message the hard stop lets go as not checked, with the verdict it was given", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["clinical-leads@example.org"] });
    const { deps } = setup({ draft });
    const handlers = createHandlers({ ...deps, loadSettings: () => new Promise(() => undefined) });
    const { options } = await send(handlers);
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: PROMPT_USER });
    expect(header(draft)).toEqual({
      verdict: "warn",
      reach: null,
      accuracy: "incomplete",
      ack: false,
      fingerprint: null,
      check: "failed",
      mode: "enforce",
      wouldBe: "warn",
    });
  });

  it("stamps a message a policy of allow lets go after the check broke", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["a@example.org"] });
    draft.failRecipients = true;
    const { handlers } = setup({
      draft,
      settings: settingsWith({ ...POLICY, directoryUnavailable: "allow" }),
    });
    const { options } = await send(handlers);
    expect(options).toEqual({ allowEvent: true });
    expect(header(draft)).toMatchObject({ verdict: "allow", check: "failed", reach: null });
  });

  it("writes an outage's unknown reach as unknown, not 0, when Send anyway is offered", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["north-region@example.org"] });
    const { handlers, directory } = setup({ draft });
    directory.mode = "fail";
    const { options } = await send(handlers);
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: PROMPT_USER });
    expect(draft.headers.get(HEADER_NAME)).toMatch(
      /^verdict=warn; reach=unknown; accuracy=incomplete; ack=no; fp=[0-9a-f]{64}; check=done$/,
    );
  });

  it("takes the provisional header away from ordinary mail once it is decided", async () => {
    const draft = FakeDraft.to(SENDER, { to: ["sam.patel@example.org"] });
    const written: string[] = [];
    const set = draft.setInternetHeaders.bind(draft);
    draft.setInternetHeaders = async (headers) => {
      written.push(headers[HEADER_NAME] ?? "");
      await set(headers);
    };
    const { handlers } = setup({ draft });
    expect((await send(handlers)).options).toEqual({ allowEvent: true });
    expect(written).toEqual([expect.stringContaining("check=failed")]);
    expect(draft.headers.has(HEADER_NAME)).toBe(false);
  });

  it("still blocks an always-blocked list when the directory cannot even be built", async () => {
    // A Graph root the client refuses used to throw here, and the failure offered "Send anyway".
    const draft = FakeDraft.to(SENDER, { to: ["everyone@example.org", "ward7-team@example.org"] });
    const { deps } = setup({ draft });
    const handlers = createHandlers({
      ...deps,
      directory: () => {
        throw new Error("The Graph root is not one Reach Guard may call");
      },
    });
    const { options } = await send(handlers);
    expect(options).toMatchObject({
      allowEvent: false,
      errorMessage: expect.stringContaining("everyone@example.org"),
    });
    expect(options).not.toHaveProperty("sendModeOverride");
    expect(header(draft)).toMatchObject({ verdict: "block", check: "done" });
  });

  it("counts a list restricted for the signed-in user in full when sending from a shared mailbox", async () => {
    const board = { ...list(6000), restricted: true } as ReturnType<typeof list>;
    const own = FakeDraft.to(SENDER, { to: ["board@example.org"] });
    expect(
      (await send(setup({ draft: own, table: { "board@example.org": board } }).handlers)).options,
    ).toEqual({
      allowEvent: true,
    });
    const shared = FakeDraft.to("chair@example.org", { to: ["board@example.org"] });
    shared.signedIn = SENDER;
    const { options } = await send(setup({ draft: shared, table: { "board@example.org": board } }).handlers);
    expect(options).toMatchObject({ allowEvent: false });
    expect(options).not.toHaveProperty("sendModeOverride");
  });
});

describe("the degraded world: the directory cannot answer", () => {
  function typed(entries: [string, string][]): FakeDraft {
    return new FakeDraft(
      SENDER,
      entries.map(([emailAddress, recipientType]) => ({
        field: "to" as const,
        emailAddress,
        displayName: emailAddress,
        recipientType,
      })),
    );
  }

  it.each(["unavailable", "timeout", "not-permitted", "no-token"] as const)(
    "sends a reply to one colleague with no alert, no bar and no header (%s)",
    async (cause) => {
      const draft = typed([["sam.patel@example.org", "user"]]);
      const { handlers, directory } = setup({ draft });
      directory.mode = "fail";
      directory.failure = { kind: "unknown", cause };
      const { options, calls } = await send(handlers);
      expect(calls).toEqual([{ allowEvent: true }]);
      expect(options).toEqual({ allowEvent: true });
      expect(draft.headers.has(HEADER_NAME)).toBe(false);

      const compose = fakeEvent<undefined>();
      void handlers.onMessageCompose(compose);
      await compose.done;
      expect(draft.infoBars.size).toBe(0);
    },
  );

  it("gives a distribution list the directoryUnavailable verdict, naming it", async () => {
    const draft = typed([
      ["sam.patel@example.org", "user"],
      ["ward7-team@example.org", "distributionList"],
    ]);
    const { handlers, directory } = setup({
      draft,
      settings: settingsWith({ ...POLICY, directoryUnavailable: "block" }),
    });
    directory.mode = "fail";
    const { options } = await send(handlers);
    expect(options).toMatchObject({
      allowEvent: false,
      errorMessage: expect.stringContaining("ward7-team@example.org"),
    });
    expect(options).not.toHaveProperty("sendModeOverride");
    expect(parseHeader(draft.headers.get(HEADER_NAME) ?? "")).toMatchObject({
      verdict: "block",
      check: "done",
      accuracy: "incomplete",
    });
  });

  it("still blocks the always-blocked list Outlook calls a user", async () => {
    const draft = typed([["everyone@example.org", "user"]]);
    const { handlers, directory } = setup({ draft });
    directory.mode = "fail";
    const { options } = await send(handlers);
    expect(options).toMatchObject({ allowEvent: false });
    expect(options).not.toHaveProperty("sendModeOverride");
    expect(directory.asked).toEqual([]);
  });

  it("asks for the send directory at send and the compose one while composing", async () => {
    const draft = typed([["sam.patel@example.org", "user"]]);
    const { deps } = setup({ draft });
    const moments: string[] = [];
    const handlers = createHandlers({
      ...deps,
      directory: (settings, moment) => {
        moments.push(moment);
        return deps.directory(settings, moment);
      },
    });
    await send(handlers);
    const event = fakeEvent<undefined>();
    void handlers.onMessageFromChanged(event);
    await event.done;
    expect(moments).toEqual(["send", "compose"]);
  });
});
