import { createOfficeContext } from "../../src/playground/frame/office-surface";
import {
  startJavascriptOnlyRuntime,
  type FromRuntime,
  type ToRuntime,
} from "../../src/playground/frame/javascript-runtime";
import { choicesFromAddress, searchFor } from "../../src/playground/host/address";
import type { RuntimeWorker } from "../../src/playground/host/javascript-only-runtime";
import { displayLanguageFromAddress } from "../../src/playground/host/language";
import { PlaygroundHost } from "../../src/playground/host/playground-host";
import { LISTING, makeHost, MANIFEST, settle } from "./helpers";

// Outlook's display language, played by the page: every runtime of the add-in (the task pane, the
// event frame, classic Outlook's JavaScript-only worker) reads it as Office.context.displayLanguage,
// a change starts them all again as Outlook would, and the page's address keeps it over a reload.

describe("the host gives each runtime Outlook's display language", () => {
  test("British English unless told otherwise", () => {
    const { host } = makeHost();
    expect(host.getState().displayLanguage).toBe("en-GB");
    expect(host.frameFacts().displayLanguage).toBe("en-GB");
    expect(createOfficeContext(host, "taskpane").context.displayLanguage).toBe("en-GB");
    expect(createOfficeContext(host, "events").context.displayLanguage).toBe("en-GB");
  });

  test("the language the page starts with", () => {
    const host = new PlaygroundHost({
      user: { emailAddress: "dr.amelia.hart@example.org", displayName: "Dr Amelia Hart" },
      domains: ["example.org"],
      directory: LISTING,
      manifest: MANIFEST,
      mailboxVersion: "1.15",
      displayLanguage: "cy-GB",
      applyFaults: async () => undefined,
    });
    expect(createOfficeContext(host, "taskpane").context.displayLanguage).toBe("cy-GB");
  });

  test("Cymraeg: the task pane and the event frame are loaded again and read cy-GB", () => {
    const { host } = makeHost();
    host.compose("new");
    host.openTaskPane();
    const before = host.getState();
    host.setDisplayLanguage("cy-GB");
    const after = host.getState();
    expect(after.displayLanguage).toBe("cy-GB");
    expect(after.runtimeGeneration).toBe(before.runtimeGeneration + 1);
    expect(after.taskPane).toEqual({ open: true, generation: before.taskPane.generation + 1 });
    expect(createOfficeContext(host, "taskpane").context.displayLanguage).toBe("cy-GB");
    expect(createOfficeContext(host, "events").context.displayLanguage).toBe("cy-GB");
    // The language the user writes in is another setting; it stays as it was.
    expect(createOfficeContext(host, "taskpane").context.contentLanguage).toBe("en-GB");
  });

  test("choosing the language already in force starts nothing again", () => {
    const { host } = makeHost();
    const before = host.getState();
    host.setDisplayLanguage("en-GB");
    expect(host.getState()).toBe(before);
  });

  test("a closed task pane stays closed", () => {
    const { host } = makeHost();
    host.setDisplayLanguage("cy-GB");
    expect(host.getState().taskPane.open).toBe(false);
  });
});

describe("classic Outlook's JavaScript-only runtime", () => {
  /** Records the start message and completes the send with allowEvent. */
  class FakeWorker implements RuntimeWorker {
    static started: FakeWorker[] = [];
    readonly received: ToRuntime[] = [];
    private readonly listeners: ((event: { data: FromRuntime }) => void)[] = [];
    constructor() {
      FakeWorker.started.push(this);
    }
    addEventListener(type: string, listener: (event: never) => void): void {
      if (type === "message") this.listeners.push(listener as (event: { data: FromRuntime }) => void);
    }
    private emit(data: FromRuntime): void {
      setTimeout(() => this.listeners.forEach((listener) => listener({ data })), 0);
    }
    postMessage(message: ToRuntime): void {
      this.received.push(message);
      if (message.type === "start") {
        this.emit({ type: "associate", name: "onSend" });
        this.emit({ type: "loaded" });
      } else if (message.type === "run") {
        this.emit({ type: "completed", runId: message.runId, options: { allowEvent: true } });
      }
    }
    terminate(): void {}
  }

  function classicHost() {
    FakeWorker.started = [];
    return new PlaygroundHost({
      user: { emailAddress: "dr.amelia.hart@example.org", displayName: "Dr Amelia Hart" },
      domains: ["example.org"],
      directory: LISTING,
      manifest: MANIFEST,
      mailboxVersion: "1.15",
      platform: "classic",
      applyFaults: async () => undefined,
      javascriptOnlyRuntime: {
        startWorker: () => new FakeWorker(),
        eventsUrl: "http://localhost:3000/events.js",
      },
    });
  }

  const startOf = (worker: FakeWorker | undefined) =>
    worker?.received.find((message) => message.type === "start");

  test("each worker is started with the display language chosen, before and after a change", async () => {
    const host = classicHost();
    host.compose("new");
    await settle();
    await host.send();
    expect(host.getState().folder).toBe("sent");
    expect(startOf(FakeWorker.started.at(-1))).toMatchObject({ facts: { displayLanguage: "en-GB" } });

    host.setDisplayLanguage("cy-GB");
    expect(host.eventRuntimeKind).toBe("javascript-only");
    host.compose("new");
    await settle();
    await host.send();
    expect(host.getState().folder).toBe("sent");
    expect(startOf(FakeWorker.started.at(-1))).toMatchObject({ facts: { displayLanguage: "cy-GB" } });
  });

  test("the worker's Office.context says the language it was started with", () => {
    const scope: Record<string, unknown> & { listener?: (event: { data: ToRuntime }) => void } = {};
    const posted: FromRuntime[] = [];
    Object.assign(scope, {
      postMessage: (message: FromRuntime) => posted.push(message),
      addEventListener: (_type: string, listener: (event: { data: ToRuntime }) => void) => {
        scope.listener = listener;
      },
      importScripts: () => undefined,
      fetch: () => Promise.reject(new Error("no network here")),
    });
    startJavascriptOnlyRuntime(scope as unknown as Parameters<typeof startJavascriptOnlyRuntime>[0]);
    scope.listener?.({
      data: {
        type: "start",
        eventsUrl: "http://localhost:3000/events.js",
        facts: { platform: "PC", hostName: "Outlook", nestedAppAuth: false, displayLanguage: "cy-GB" },
        mailboxVersion: "1.15",
        profile: { emailAddress: "me@example.org", displayName: "Me", timeZone: "UTC" },
      },
    });
    expect(posted).toEqual([{ type: "loaded" }]);
    const office = scope.Office as { context: { displayLanguage: string } };
    expect(office.context.displayLanguage).toBe("cy-GB");
  });
});

describe("the page's address keeps the Outlook played over a reload", () => {
  test.each([
    [null, "en-GB"],
    ["cy", "cy-GB"],
    ["cy-GB", "cy-GB"],
    ["CY_gb", "cy-GB"],
    ["en", "en-GB"],
    ["fr-FR", "en-GB"],
  ])("lang=%s plays %s", (value, language) => {
    expect(displayLanguageFromAddress(value)).toBe(language);
  });

  test("?lang=cy is read with the other choices", () => {
    expect(choicesFromAddress("?platform=classic&mailbox=1.13&naa=no&lang=cy")).toEqual({
      platform: "classic",
      mailboxVersion: "1.13",
      nestedAppAuth: false,
      displayLanguage: "cy-GB",
    });
    expect(choicesFromAddress("")).toEqual({
      platform: "web",
      mailboxVersion: "1.15",
      nestedAppAuth: true,
      displayLanguage: "en-GB",
    });
  });

  test("a switch is written back; the defaults leave the address clean; other parameters stay", () => {
    const { host } = makeHost();
    expect(searchFor("", host.getState())).toBe("");
    host.setDisplayLanguage("cy-GB");
    expect(searchFor("", host.getState())).toBe("?lang=cy");
    host.setPlatform("mac");
    expect(searchFor("?debug=1&lang=cy", host.getState())).toBe("?debug=1&lang=cy&platform=mac");
    host.setDisplayLanguage("en-GB");
    expect(searchFor("?lang=cy&platform=mac", host.getState())).toBe("?platform=mac");
    expect(choicesFromAddress(searchFor("", host.getState()))).toMatchObject({
      platform: "mac",
      displayLanguage: "en-GB",
    });
  });
});
