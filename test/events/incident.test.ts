import { loadSettings } from "../../src/app/settings";
import { INFO_BAR_KEY, type SendCompletion } from "../../src/check/outcome";
import { createHandlers } from "../../src/events/handlers";
import { MemoryDraft } from "../../src/office/memory-draft";
import { createMemoryStore } from "../../src/storage/memory";
import { TableDirectory, fakeEvent, list } from "./fakes";

// The incident switch end to end in one Outlook: the service desk publishes a new policy.json while
// a reply to the storm is open; the next compose check reads it (compose always asks the host), says
// so in the info bar and keeps it as the saved copy, which the send then uses without asking again.

const SENDER = "dr.amelia.hart@example.org";
const BASE = "https://addin.example.org/reach-guard";
const CONFIG = { clientId: "6f1c2b3a-0d4e-4f5a-8b9c-0123456789ab", tenantId: "example.org" };
const BEFORE = { warnAt: 50, blockAt: 5000 };
const STORM = {
  id: "storm-2026-11-27",
  message: "IT Service Desk: please do not reply to this thread",
  expires: "2026-11-28T10:00:00Z",
  subject: "Test email - please ignore",
  list: "staff-news@example.org",
};
const NOW = Date.parse("2026-11-27T10:00:00Z");

/** The add-in's host, whose policy.json the service desk can change, recording every request. */
function host() {
  const files = new Map<string, unknown>([
    ["policy.json", BEFORE],
    ["config.json", CONFIG],
  ]);
  const requested: string[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    const name = String(input).slice(String(input).lastIndexOf("/") + 1);
    requested.push(name);
    return files.has(name)
      ? new Response(JSON.stringify(files.get(name)))
      : new Response("not found", { status: 404 });
  };
  return { files, requested, fetch: fetch as typeof globalThis.fetch };
}

function outlookWith(
  draft: MemoryDraft,
  hosted: ReturnType<typeof host>,
  directory = new TableDirectory({ "staff-news@example.org": list(30) }),
) {
  const store = createMemoryStore();
  return createHandlers({
    item: () => draft,
    loadSettings: (moment) =>
      loadSettings({
        baseUrl: BASE,
        store,
        fetch: hosted.fetch,
        timeoutMs: 1000,
        ...(moment === "send" ? { preferSaved: true } : {}),
      }),
    directory: () => directory,
    supportsMailbox: () => true,
    now: () => NOW,
  });
}

async function send(handlers: ReturnType<typeof createHandlers>) {
  const event = fakeEvent<SendCompletion>();
  void handlers.onMessageSend(event);
  return event.done;
}

describe("an incident published while a reply to the storm is open", () => {
  const reply = () =>
    MemoryDraft.to(SENDER, { to: ["staff-news@example.org"] }).answering(
      "AAQkADStorm=",
      "RE: Test email - please ignore",
    );

  it("reaches the draft at its next compose check, and then its send", async () => {
    const hosted = host();
    const draft = reply();
    const handlers = outlookWith(draft, hosted);

    await handlers.onMessageCompose(fakeEvent());
    expect(draft.infoBars.has(INFO_BAR_KEY)).toBe(false);

    hosted.files.set("policy.json", { ...BEFORE, incidents: [STORM] });
    await handlers.onMessageRecipientsChanged(fakeEvent());
    expect(draft.infoBars.get(INFO_BAR_KEY)?.message).toBe(
      "Replies to “Test email - please ignore” are stopped during an incident. Reply to the sender only, or remove the list.",
    );

    const asked = hosted.requested.length;
    const options = await send(handlers);
    expect(options?.allowEvent).toBe(false);
    expect(options?.errorMessage).toBe(
      "Replies to “Test email - please ignore” are stopped during an incident. IT Service Desk: please do not reply to this thread.",
    );
    // The send used the copy the compose check saved: it did not ask the host again.
    expect(hosted.requested.slice(asked)).not.toContain("policy.json");
  });

  it("lets the reply go once the sender writes to the sender only", async () => {
    const hosted = host();
    hosted.files.set("policy.json", { ...BEFORE, incidents: [STORM] });
    const draft = reply();
    const handlers = outlookWith(draft, hosted);
    await handlers.onMessageCompose(fakeEvent());
    draft.recipients = [{ field: "to", emailAddress: "c.jones@example.org" }];
    await handlers.onMessageRecipientsChanged(fakeEvent());
    expect(draft.infoBars.has(INFO_BAR_KEY)).toBe(false);
    expect((await send(handlers))?.allowEvent).toBe(true);
  });

  it("blocks at send without asking Graph, even when Graph hangs", async () => {
    const hosted = host();
    hosted.files.set("policy.json", { ...BEFORE, incidents: [STORM] });
    const directory = new TableDirectory();
    directory.mode = "hang";
    const draft = reply();
    const handlers = outlookWith(draft, hosted, directory);
    // A first check at send: nothing known of the list, and Graph would never answer.
    const options = await send(handlers);
    expect(options?.allowEvent).toBe(false);
    expect(options?.errorMessage).toContain("stopped during an incident");
    expect(directory.asked).toEqual([]);
  });

  it("does nothing once the incident has expired", async () => {
    const hosted = host();
    hosted.files.set("policy.json", {
      ...BEFORE,
      incidents: [{ ...STORM, expires: "2026-11-27T09:59:00Z" }],
    });
    const draft = reply();
    const handlers = outlookWith(draft, hosted);
    await handlers.onMessageCompose(fakeEvent());
    expect((await send(handlers))?.allowEvent).toBe(true);
  });
});
