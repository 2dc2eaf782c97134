import { createOfficeContext } from "../../src/playground/frame/office-surface";
import type { FromRuntime, ToRuntime } from "../../src/playground/frame/javascript-runtime";
import { describerFor } from "../../src/playground/host/directory-listing";
import { CONTACT_GROUP_ERROR, Draft } from "../../src/playground/host/draft";
import { NO_FAULTS } from "../../src/playground/host/faults";
import {
  JavascriptOnlyRuntime,
  runStorage,
  type RuntimeWorker,
} from "../../src/playground/host/javascript-only-runtime";
import { RECIPIENTS_PER_CALL } from "../../src/office/compose-item";
import { getAsyncCap } from "../../src/playground/host/platform";
import type { HostAnswer } from "../../src/playground/host/protocol";
import { LISTING, makeHost, settle } from "./helpers";

// The stand-in Outlook fails where Outlook fails: recipient types, the getAsync caps, the
// 100-recipient writes, error 5010 on personal contact groups, sessionData kept apart on Mac, the
// Smart Alert each Mailbox version draws, NestedAppAuth 1.1, and classic Outlook's JavaScript-only
// runtime started afresh for every event.

const describe_ = describerFor(
  [...LISTING, { address: "project-phoenix@example.org", displayName: "Project Phoenix", type: "m365" }],
  ["example.org"],
);
const addresses = (count: number, prefix = "person") =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}@example.org`);

function answer(run: (reply: (answer: HostAnswer) => void) => void): Promise<HostAnswer> {
  return new Promise((resolve) => run(resolve));
}

describe("recipient types, as Outlook reports them", () => {
  test.each([
    ["sam.patel@example.org", "user"],
    ["ward7-team@example.org", "distributionList"],
    ["everyone@example.org", "other"], // a dynamic list
    ["project-phoenix@example.org", "other"], // a Microsoft 365 group
    ["ana.silva@partner-university.example", "externalUser"], // a guest
    ["someone@elsewhere.example", "externalUser"], // another organisation
    ["no.such.person@example.org", "other"], // unresolved: the address book does not know it
  ])("%s is %s", (address, type) => {
    expect(describe_(address).recipientType).toBe(type);
  });

  test("a personal contact group has a name and no address, and is `other`", () => {
    const draft = new Draft(
      { kind: "new", from: { emailAddress: "me@example.org", displayName: "Me" } },
      describe_,
    );
    draft.addContactGroup("to", "Ward round friends");
    expect(draft.run({ op: "recipients.get", field: "to" })).toEqual({
      ok: true,
      value: [{ emailAddress: "", displayName: "Ward round friends", recipientType: "other" }],
    });
  });
});

describe("getAsync caps, setAsync and addAsync limits", () => {
  test("the caps Microsoft documents per client and Mailbox version", () => {
    expect(getAsyncCap("classic", "1.15")).toBe(500);
    expect(getAsyncCap("classic", "1.16")).toBe(1000);
    expect(getAsyncCap("web", "1.13")).toBe(1000);
    expect(getAsyncCap("mobile", "1.15")).toBe(100);
    expect(getAsyncCap("mac", "1.15")).toBe(500);
  });

  test("a field longer than the cap comes back cut short, with nothing saying so", async () => {
    const { host } = makeHost();
    host.compose("new");
    for (const address of addresses(600)) host.currentDraft?.addRecipient("to", address);
    const count = async () => {
      const result = await answer((reply) =>
        host.item({ op: "recipients.get", field: "to" }, reply, "events"),
      );
      return result.ok ? (result.value as unknown[]).length : -1;
    };
    expect(await count()).toBe(600); // the web: 1,000
    host.setPlatform("classic");
    expect(await count()).toBe(500);
    host.setMailboxVersion("1.16");
    expect(await count()).toBe(600);
  });

  test("setAsync and addAsync refuse more than 100 recipients a call", () => {
    const draft = new Draft(
      { kind: "new", from: { emailAddress: "me@example.org", displayName: "Me" } },
      describe_,
    );
    for (const op of ["recipients.set", "recipients.add"] as const) {
      expect(draft.run({ op, field: "to", entries: addresses(RECIPIENTS_PER_CALL + 1) })).toMatchObject({
        ok: false,
        error: { name: "NumberOfRecipientsExceeded" },
      });
    }
    expect(draft.run({ op: "recipients.set", field: "to", entries: addresses(100) }).ok).toBe(true);
    expect(draft.run({ op: "recipients.add", field: "to", entries: addresses(100, "more") }).ok).toBe(true);
    expect(draft.snapshot().recipients.to).toHaveLength(200);
  });

  test("setAsync on a field holding a personal contact group fails with 5010, and changes nothing", () => {
    const draft = new Draft(
      { kind: "new", from: { emailAddress: "me@example.org", displayName: "Me" } },
      describe_,
    );
    draft.addRecipient("to", "everyone@example.org");
    draft.addContactGroup("to", "Ward round friends");
    const before = draft.snapshot().recipients.to;
    expect(
      draft.run({ op: "recipients.set", field: "to", entries: ["sam.patel@example.org"] }),
    ).toMatchObject({
      ok: false,
      error: { code: CONTACT_GROUP_ERROR },
    });
    // Nor can what getAsync gave be written back to another field.
    expect(
      draft.run({
        op: "recipients.set",
        field: "bcc",
        entries: before.map((recipient) => ({ ...recipient })),
      }),
    ).toMatchObject({ ok: false, error: { code: CONTACT_GROUP_ERROR } });
    expect(draft.snapshot().recipients.to).toEqual(before);
    // Adding to the field still works.
    expect(draft.run({ op: "recipients.add", field: "to", entries: ["sam.patel@example.org"] }).ok).toBe(
      true,
    );
  });
});

describe("sessionData between the event runtime and the task pane", () => {
  async function shared(platform: "web" | "mac" | "classic"): Promise<HostAnswer> {
    const { host } = makeHost();
    host.setPlatform(platform);
    host.compose("new");
    await answer((reply) =>
      host.item({ op: "sessionData.set", key: "ack", value: "yes" }, reply, "taskpane"),
    );
    return answer((reply) => host.item({ op: "sessionData.get", key: "ack" }, reply, "events"));
  }

  test("shared on the web and in classic Outlook on Windows", async () => {
    expect(await shared("web")).toEqual({ ok: true, value: "yes" });
    expect(await shared("classic")).toEqual({ ok: true, value: "yes" });
  });

  test("each runtime's own on Mac (Microsoft: share through localStorage there)", async () => {
    expect(await shared("mac")).toMatchObject({ ok: false, error: { name: "KeyNotFound" } });
  });
});

describe("the platform and NestedAppAuth each runtime is told", () => {
  test("Office.context.platform, and NestedAppAuth 1.1 only when switched on", () => {
    const { host } = makeHost();
    const contextNow = () => createOfficeContext(host, "events").context;
    expect(contextNow().platform).toBe("OfficeOnline");
    expect(contextNow().requirements.isSetSupported("NestedAppAuth", "1.1")).toBe(true);
    host.setPlatform("mac");
    expect(contextNow().platform).toBe("Mac");
    host.setPlatform("classic");
    expect(contextNow().platform).toBe("PC");
    host.setNestedAppAuth(false);
    expect(contextNow().requirements.isSetSupported("NestedAppAuth", "1.1")).toBe(false);
    expect(host.getState().runtimeGeneration).toBe(3);
  });

  test("without nested app authentication the broker never answers", async () => {
    const { host } = makeHost();
    host.setNestedAppAuth(false);
    const replies: string[] = [];
    host.naa(JSON.stringify({ requestId: "1", method: "GetToken" }), (response) => replies.push(response));
    await settle();
    expect(replies).toEqual([]);
  });
});

describe("the Smart Alert each Mailbox version draws", () => {
  const options = {
    errorMessage: "Plain words.",
    errorMessageMarkdown: "**Formatted** words.",
    cancelLabel: "Review recipients",
    commandId: "msgComposeOpenPaneButton",
    sendModeOverride: "promptUser",
  };

  async function alertOn(version: string) {
    const { host } = makeHost({ mailboxVersion: version });
    host.associate("onSend", (event) => (event as { completed(options: unknown): void }).completed(options));
    host.frameLoaded("events");
    host.compose("new");
    await host.send();
    return host.getState().alert;
  }

  test.each(["1.12", "1.13"])("%s: no Take action, no Send anyway, the plain message", async (version) => {
    expect(await alertOn(version)).toEqual({ message: "Plain words.", takeAction: null, sendAnyway: false });
  });

  test("1.14: Take action and Send anyway, still the plain message", async () => {
    expect(await alertOn("1.14")).toEqual({
      message: "Plain words.",
      takeAction: "Review recipients",
      sendAnyway: true,
    });
  });

  test("1.15: errorMessageMarkdown is shown", async () => {
    expect((await alertOn("1.15"))?.message).toBe("Formatted words.");
  });
});

test("loading the page turns every fault off, on the page and on the local Graph server", async () => {
  const { host, applied } = makeHost();
  await host.setFault("down", true);
  await host.resetFaults();
  expect(host.getState().faults).toEqual(NO_FAULTS);
  expect(applied.at(-1)).toEqual(NO_FAULTS);
});

describe("classic Outlook's JavaScript-only runtime, a worker per event", () => {
  /** A worker that runs one handler: it stores a value, reads the item, then completes. */
  class FakeWorker implements RuntimeWorker {
    static started: FakeWorker[] = [];
    terminated = false;
    received: ToRuntime[] = [];
    private runId = -1;
    private readonly listeners: ((event: { data: FromRuntime }) => void)[] = [];
    constructor() {
      FakeWorker.started.push(this);
    }
    addEventListener(type: string, listener: (event: never) => void): void {
      if (type === "message") this.listeners.push(listener as (event: { data: FromRuntime }) => void);
    }
    emit(data: FromRuntime): void {
      setTimeout(() => this.listeners.forEach((listener) => listener({ data })), 0);
    }
    postMessage(message: ToRuntime): void {
      this.received.push(message);
      if (message.type === "start") {
        this.emit({ type: "associate", name: "onSend" });
        this.emit({ type: "loaded" });
      } else if (message.type === "run") {
        this.runId = message.runId;
        this.emit({ type: "storage", id: 1, operation: { op: "getItem", key: "count" } });
        this.emit({ type: "item", id: 2, operation: { op: "recipients.get", field: "to" } });
      } else if (message.type === "answer" && message.id === 1) {
        const count = Number((message.answer as { value: string | null }).value ?? 0) + 1;
        this.emit({
          type: "storage",
          id: 3,
          operation: { op: "setItem", key: "count", value: String(count) },
        });
      } else if (message.type === "answer" && message.id === 2) {
        this.emit({ type: "completed", runId: this.runId, options: { allowEvent: true } });
      }
    }
    terminate(): void {
      this.terminated = true;
    }
  }

  test("each run starts a worker, ends it on completion, and keeps OfficeRuntime.storage", async () => {
    FakeWorker.started = [];
    const storage = new Map<string, string>();
    const items: unknown[] = [];
    const runtime = new JavascriptOnlyRuntime({
      startWorker: () => new FakeWorker(),
      eventsUrl: "http://localhost:3000/events.js",
      bridge: {
        item: (operation, reply, frame) => (
          items.push([operation.op, frame]),
          reply({ ok: true, value: [] })
        ),
        naa: () => undefined,
      },
      facts: () => ({ platform: "PC", hostName: "Outlook", nestedAppAuth: false }),
      mailboxVersion: () => "1.15",
      profile: () => ({ emailAddress: "me@example.org", displayName: "Me", timeZone: "UTC" }),
      storage,
    });
    const first = await runtime.run("onSend", "olkMessageSend", 1000);
    const second = await runtime.run("onSend", "olkMessageSend", 1000);
    expect([first.completed, second.completed]).toEqual([true, true]);
    expect(first.options).toEqual({ allowEvent: true });
    expect(FakeWorker.started).toHaveLength(2);
    expect(FakeWorker.started.every((worker) => worker.terminated)).toBe(true);
    expect(FakeWorker.started[0]?.received[0]).toMatchObject({
      type: "start",
      eventsUrl: "http://localhost:3000/events.js",
      facts: { platform: "PC" },
    });
    expect(items).toEqual([
      ["recipients.get", "events"],
      ["recipients.get", "events"],
    ]);
    await settle(20);
    expect(storage.get("count")).toBe("2");
  });

  test("OfficeRuntime.storage operations", () => {
    const storage = new Map<string, string>();
    runStorage(storage, { op: "setItems", items: { a: "1", b: "2" } });
    expect(runStorage(storage, { op: "getItems", keys: ["a", "c"] })).toEqual({
      ok: true,
      value: { a: "1", c: null },
    });
    runStorage(storage, { op: "removeItems", keys: ["a"] });
    expect(runStorage(storage, { op: "getKeys" })).toEqual({ ok: true, value: ["b"] });
  });
});
