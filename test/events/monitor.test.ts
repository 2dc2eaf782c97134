import { parseHeader } from "../../src/core/header";
import { HEADER_NAME, INFO_BAR_KEY, type SendCompletion } from "../../src/check/outcome";
import { createHandlers } from "../../src/events/handlers";
import { MemoryDraft } from "../../src/office/memory-draft";
import { TableDirectory, fakeEvent, list, settingsWith } from "./fakes";

// A pilot across a tenant: the handlers Outlook runs, under a policy in monitor mode.

const SENDER = "dr.amelia.hart@example.org";
const POLICY = {
  mode: "monitor" as const,
  warnAt: 50,
  blockAt: 5000,
  blockedAddresses: ["everyone@example.org"],
  directoryUnavailable: "block" as const,
  sendTimeoutMs: 1000,
};

function handlersFor(draft: MemoryDraft) {
  const directory = new TableDirectory({ "all-staff-news@example.org": list(12000) });
  return createHandlers({
    item: () => draft,
    loadSettings: async () => settingsWith(POLICY),
    directory: () => directory,
    supportsMailbox: () => true,
  });
}

async function send(draft: MemoryDraft) {
  const event = fakeEvent<SendCompletion>();
  void handlersFor(draft).onMessageSend(event);
  const options = await event.done;
  return { options, calls: event.calls, header: parseHeader(draft.headers.get(HEADER_NAME) ?? "") };
}

describe("monitor mode in Outlook's handlers", () => {
  it("sends a message to an always-blocked list without a dialog, recording the block it would be", async () => {
    const { calls, header } = await send(MemoryDraft.to(SENDER, { to: ["everyone@example.org"] }));
    expect(calls).toEqual([{ allowEvent: true }]);
    expect(header).toMatchObject({ verdict: "allow", mode: "monitor", wouldBe: "block", check: "done" });
  });

  it("stamps ordinary mail too", async () => {
    const { calls, header } = await send(MemoryDraft.to(SENDER, { to: ["sam.patel@example.org"] }));
    expect(calls).toEqual([{ allowEvent: true }]);
    expect(header).toMatchObject({ verdict: "allow", mode: "monitor", wouldBe: "allow", reach: 1 });
  });

  it("sends a message whose check broke, recording the directoryUnavailable verdict it would get", async () => {
    const draft = MemoryDraft.to(SENDER, { to: ["all-staff-news@example.org"] });
    draft.failRecipients = true;
    const { calls, header } = await send(draft);
    expect(calls).toEqual([{ allowEvent: true }]);
    expect(header).toMatchObject({ verdict: "allow", mode: "monitor", wouldBe: "block", check: "failed" });
  });

  it("shows no info bar while composing", async () => {
    const draft = MemoryDraft.to(SENDER, { to: ["all-staff-news@example.org"] });
    const event = fakeEvent<undefined>();
    await handlersFor(draft).onMessageCompose(event);
    expect(event.calls).toEqual([undefined]);
    expect(draft.infoBars.has(INFO_BAR_KEY)).toBe(false);
  });
});
