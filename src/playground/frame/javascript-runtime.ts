import { compareVersions } from "../host/platform";
import type { FrameFacts, HostAnswer, HostBridge, ItemOperation, UserProfile } from "../host/protocol";
import { nestedAppAuthBridge } from "./install";
import { createOfficeContext, MAILBOX_ENUMS } from "./office-surface";

// Classic Outlook on Windows runs events.js in a JavaScript-only runtime: a V8 engine "supplemented
// with support for WebSockets, Full CORS … and OfficeRuntime.storage" (docs/testing/runtimes.md),
// plus fetch and XMLHttpRequest. No DOM, no localStorage, no page address, and none of the web APIs
// that list leaves out. The playground plays it with a dedicated Worker, started afresh for every
// event as Outlook does: frame.js, run as that worker, takes away what the runtime does not have,
// puts in the Office surface (which reaches the page by messages), and only then loads events.js.

/** Globals the runtime does not have; each is removed before events.js loads. */
export const WITHHELD_GLOBALS = [
  "URL",
  "URLSearchParams",
  "TextEncoder",
  "TextDecoder",
  "TextEncoderStream",
  "TextDecoderStream",
  "AbortController",
  "AbortSignal",
  "crypto",
  "Crypto",
  "CryptoKey",
  "SubtleCrypto",
  "atob",
  "btoa",
  "localStorage",
  "sessionStorage",
  "indexedDB",
  "window",
  "document",
  "location",
  "importScripts",
] as const;

/** The page's first message to the worker. */
export interface RuntimeStart {
  readonly type: "start";
  /** events.js, as an absolute address. */
  readonly eventsUrl: string;
  readonly facts: FrameFacts;
  readonly mailboxVersion: string;
  readonly profile: UserProfile;
  /** The open item's `conversationId`, which Office.js reads without a call. */
  readonly conversationId?: string | null;
}

/** Messages from the page to the worker. */
export type ToRuntime =
  | RuntimeStart
  | {
      readonly type: "run";
      readonly runId: number;
      readonly functionName: string;
      readonly eventType: string;
    }
  | { readonly type: "answer"; readonly id: number; readonly answer: HostAnswer }
  | { readonly type: "naa"; readonly id: number; readonly response: string };

export type StorageOperation =
  | { readonly op: "getItem" | "removeItem"; readonly key: string }
  | { readonly op: "setItem"; readonly key: string; readonly value: string }
  | { readonly op: "getItems" | "removeItems"; readonly keys: readonly string[] }
  | { readonly op: "setItems"; readonly items: Readonly<Record<string, string>> }
  | { readonly op: "getKeys" };

/** Messages from the worker to the page. */
export type FromRuntime =
  | { readonly type: "associate"; readonly name: string }
  | { readonly type: "loaded" }
  | { readonly type: "failed"; readonly message: string }
  | { readonly type: "completed"; readonly runId: number; readonly options: unknown }
  | { readonly type: "item"; readonly id: number; readonly operation: ItemOperation }
  | { readonly type: "storage"; readonly id: number; readonly operation: StorageOperation }
  | { readonly type: "naa"; readonly id: number; readonly request: string };

interface WorkerScope {
  postMessage(message: FromRuntime): void;
  addEventListener(type: "message", listener: (event: { data: ToRuntime }) => void): void;
  importScripts(...urls: string[]): void;
  fetch: typeof fetch;
  [name: string]: unknown;
}

const ABSOLUTE = /^https?:\/\//i;

/** Removes `name` from the worker's global scope, however the browser defined it. */
function withhold(scope: WorkerScope, name: string): void {
  try {
    delete scope[name];
  } catch {
    // Not configurable: shadowed below.
  }
  if (name in scope) {
    try {
      Object.defineProperty(scope, name, { value: undefined, configurable: true, writable: false });
    } catch {
      // Checked by the caller.
    }
  }
}

/** Runs in the worker: waits for the page's start message, then loads events.js as classic Outlook would. */
export function startJavascriptOnlyRuntime(scope: WorkerScope): void {
  const post = (message: FromRuntime) => scope.postMessage(message);
  const load = scope.importScripts.bind(scope);
  const nativeFetch = scope.fetch.bind(scope);
  const replies = new Map<number, (answer: HostAnswer) => void>();
  const naaReplies = new Map<number, (response: string) => void>();
  const storageReplies = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const handlers = new Map<string, (event: unknown) => void>();
  let nextId = 1;

  const storageCall = (operation: StorageOperation) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      storageReplies.set(id, { resolve, reject });
      post({ type: "storage", id, operation });
    });

  function start(message: RuntimeStart): void {
    const bridge: HostBridge = {
      version: 1,
      hasItem: () => true,
      conversationId: () => message.conversationId ?? null,
      item: (operation, reply) => {
        const id = nextId++;
        replies.set(id, reply);
        post({ type: "item", id, operation });
      },
      frameFacts: () => message.facts,
      userProfile: () => message.profile,
      supportsMailbox: (version) => compareVersions(version, message.mailboxVersion) <= 0,
      officeTheme: () => ({}),
      associate: (name, handler) => {
        handlers.set(name, handler);
        post({ type: "associate", name });
      },
      subscribe: () => () => undefined,
      naa: (request, reply) => {
        const id = nextId++;
        naaReplies.set(id, reply);
        post({ type: "naa", id, request });
      },
      frameLoaded: () => post({ type: "loaded" }),
    };
    const { context } = createOfficeContext(bridge, "events");
    scope.Office = {
      context,
      // Not run in this runtime (docs/develop/initialize-add-in.md): calling it is harmless, waiting
      // for it is not.
      onReady: () => new Promise(() => undefined),
      actions: {
        associate: (name: string, handler: (event: unknown) => void) => bridge.associate(name, handler),
      },
      MailboxEnums: MAILBOX_ENUMS,
      EventType: { RecipientsChanged: "olkRecipientsChanged" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      HostType: { Outlook: "Outlook" },
      PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    };
    scope.OfficeRuntime = {
      storage: {
        getItem: (key: string) => storageCall({ op: "getItem", key: String(key) }),
        setItem: (key: string, value: string) =>
          storageCall({ op: "setItem", key: String(key), value: String(value) }),
        removeItem: (key: string) => storageCall({ op: "removeItem", key: String(key) }),
        getItems: (keys: string[]) => storageCall({ op: "getItems", keys: keys.map(String) }),
        setItems: (items: Record<string, string>) => storageCall({ op: "setItems", items: { ...items } }),
        removeItems: (keys: string[]) => storageCall({ op: "removeItems", keys: keys.map(String) }),
        getKeys: () => storageCall({ op: "getKeys" }),
      },
    };
    if (message.facts.nestedAppAuth) scope.nestedAppAuthBridge = nestedAppAuthBridge(bridge.naa);
    // No page address to resolve against: only absolute addresses can be fetched.
    scope.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const address =
        typeof input === "string" ? input : input instanceof Request ? input.url : String(input);
      if (!ABSOLUTE.test(address))
        return Promise.reject(new TypeError(`Failed to fetch: ${address} is not an absolute address`));
      return nativeFetch(input, init);
    }) as typeof fetch;
    for (const name of WITHHELD_GLOBALS) withhold(scope, name);
    const left = WITHHELD_GLOBALS.filter((name) => scope[name] !== undefined);
    if (left.length > 0) {
      post({ type: "failed", message: `the stand-in runtime could not take away ${left.join(", ")}` });
      return;
    }
    try {
      load(message.eventsUrl);
    } catch (error) {
      post({ type: "failed", message: `events.js failed to load: ${String(error)}` });
      return;
    }
    bridge.frameLoaded("events");
  }

  scope.addEventListener("message", ({ data }) => {
    switch (data.type) {
      case "start":
        return start(data);
      case "run": {
        const handler = handlers.get(data.functionName);
        const event = {
          type: data.eventType,
          completed: (options?: unknown) =>
            post({
              type: "completed",
              runId: data.runId,
              options: options === undefined ? undefined : JSON.parse(JSON.stringify(options)),
            }),
        };
        // An exception escapes as it would in Outlook: the event never completes.
        return handler?.(event);
      }
      case "answer": {
        const reply = replies.get(data.id);
        replies.delete(data.id);
        if (reply) return reply(data.answer);
        const waiting = storageReplies.get(data.id);
        storageReplies.delete(data.id);
        if (!waiting) return;
        return data.answer.ok
          ? waiting.resolve(data.answer.value)
          : waiting.reject(new Error(data.answer.error.message));
      }
      case "naa": {
        const reply = naaReplies.get(data.id);
        naaReplies.delete(data.id);
        return reply?.(data.response);
      }
    }
  });
}
