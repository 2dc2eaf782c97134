import { createContext, runInContext, type Context } from "node:vm";
import { MAILBOX_ENUMS } from "../../src/playground/frame/office-surface";
import { createNaaBroker } from "../../src/playground/host/naa-broker";
import { atLeast } from "../../src/playground/host/platform";
import { LATER_BUILTINS } from "./events-vm";

// A stand-in for the JavaScript-only runtime in which classic Outlook on Windows runs events.js, with
// an Outlook that is as strict as the real one where it matters to Reach Guard. What each part rests on:
//
// Documented by Microsoft (docs/testing/runtimes.md, docs/develop/event-based-activation.md,
// the office.* reference pages):
// - a JavaScript engine (V8 here, the same as the newer runtimes) with fetch, absolute URLs only;
//   XMLHttpRequest and WebSockets exist too, but Reach Guard uses neither, so they are left out;
// - OfficeRuntime.storage (getItem/setItem/removeItem, promises of strings);
// - no DOM, no localStorage, no cookies; Office.onReady and Office.initialize are not run;
// - Office.actions.associate; Office.context.mailbox.item with to/cc/bcc.getAsync (EmailAddressDetails
//   with recipientType), from.getAsync (Mailbox 1.7), sessionData (1.11), internetHeaders (1.8),
//   notificationMessages (150-character messages, an icon for insight messages);
//   Office.context.mailbox.userProfile; Office.context.requirements.isSetSupported; event.completed
//   with the Smart Alerts options of Mailbox 1.12 to 1.15; callbacks that receive an AsyncResult
//   ({status, value, error}) later, never during the call.
//
// Assumed (not documented, so a design must be safe either way):
// - console, setTimeout and clearTimeout exist (Microsoft's samples log to the runtime log with console);
// - Intl (ECMA-402) is not promised, so it is taken away;
// - none of URL, URLSearchParams, TextEncoder, TextDecoder, AbortController, crypto, atob, btoa,
//   structuredClone, queueMicrotask, self, navigator, window or document exists: they are absent here,
//   and reading one is a ReferenceError;
// - where nested app authentication works (NestedAppAuth 1.1, Version 2409 and later), the runtime
//   gives MSAL what its nested path reads: `window` (taken to be the global object, as in the React
//   Native runtime this one derives from), `window.nestedAppAuthBridge` (JSON strings both ways, as
//   in the task pane) and `crypto.getRandomValues` (MSAL's request ids; CryptoOps refuses to start
//   without `window.crypto`). Microsoft's own sample (Office-Add-in-samples, Outlook-Event-SSO-NAA)
//   runs MSAL's nested path in this runtime, which cannot work without them. `naaHost` adds them;
//   without it they are absent too.

/** The globals a bundle must not need on its own: absent from the runtime, or not promised by it. */
export const ABSENT_GLOBALS = [
  "URL",
  "URLSearchParams",
  "TextEncoder",
  "TextDecoder",
  "AbortController",
  "AbortSignal",
  "crypto",
  "atob",
  "btoa",
  "structuredClone",
  "queueMicrotask",
  "self",
  "navigator",
  "window",
  "document",
  "localStorage",
  "sessionStorage",
  "XMLHttpRequest",
  "Headers",
  "Request",
  "Response",
  "Blob",
  "File",
  "FormData",
  "BroadcastChannel",
  "MessageChannel",
  "performance",
  "Buffer",
  "process",
  "require",
  "setImmediate",
] as const;

export type RecipientType = "user" | "externalUser" | "distributionList" | "other";

export interface Recipient {
  readonly emailAddress: string;
  readonly displayName: string;
  readonly recipientType: RecipientType;
}

export type MailboxVersion = "1.12" | "1.13" | "1.14" | "1.15";

export interface DraftSetup {
  readonly to?: readonly Recipient[];
  readonly cc?: readonly Recipient[];
  readonly bcc?: readonly Recipient[];
  /** The signed-in user, who is also the sender unless `from` says otherwise. */
  readonly user: { readonly emailAddress: string; readonly displayName: string };
  readonly from?: { readonly emailAddress: string; readonly displayName: string };
  /** The highest Mailbox requirement set this Outlook supports. */
  readonly mailbox: MailboxVersion;
  /** NestedAppAuth 1.1, as Office.context.requirements reports it. */
  readonly nestedAppAuth: boolean;
  /**
   * `window` (the global object), with `window.nestedAppAuthBridge` answered as Outlook's broker
   * would (a token, or "interaction required" when `refuseTokens` is set) unless `bridge` is false,
   * and `crypto.getRandomValues` unless `crypto` is false. None of them when not given.
   */
  /** Office.onReady: there and never resolving (default), missing, or throwing when called. */
  readonly onReady?: "pending" | "missing" | "throws";
  readonly naaHost?:
    | {
        readonly bridge?: boolean;
        readonly crypto?: boolean;
        readonly refuseTokens?: boolean;
      }
    | undefined;
}

export interface NotificationRecord {
  readonly type: string;
  readonly message: string;
  readonly icon?: string;
  readonly actions?: readonly unknown[];
}

export interface Completion {
  readonly options: Record<string, unknown> | undefined;
  /** Milliseconds from the handler's start. */
  readonly at: number;
}

export interface EventRun {
  readonly completions: readonly Completion[];
  /** Office calls made, by name (e.g. "to.getAsync"). */
  readonly calls: readonly string[];
}

export interface RuntimeRecord {
  /** Every URL the bundle fetched, with its Authorization header. */
  readonly fetched: { readonly url: string; readonly authorization: string | null }[];
  /** Requests MSAL sent over the bridge, by method. */
  readonly bridgeRequests: string[];
  /** What the bundle wrote with console.error and console.warn (console.log is the runtime log). */
  readonly consoleErrors: string[];
  readonly consoleLogs: string[];
  /** Office.onReady calls. */
  readonly onReadyCalls: number;
}

export interface Outlook {
  readonly context: Context;
  readonly record: RuntimeRecord;
  /** Handler names passed to Office.actions.associate, in order. */
  readonly registered: readonly string[];
  readonly headers: Map<string, string>;
  readonly notifications: Map<string, NotificationRecord>;
  readonly sessionData: Map<string, string>;
  /**
   * Calls one registered handler as Outlook does and resolves once `settleMs` has passed after its
   * first `event.completed` (or after `giveUpMs` without one), and not before `watchUntilMs` from
   * its start, so that a second call would be seen.
   */
  dispatch(
    name: string,
    options?: { settleMs?: number; giveUpMs?: number; watchUntilMs?: number },
  ): Promise<EventRun>;
  /** Clears every timer the bundle left behind. */
  dispose(): void;
}

const ASYNC_SUCCEEDED = "succeeded";
const ASYNC_FAILED = "failed";
const INFO_BAR_LIMIT = 150;
const ERROR_MESSAGE_LIMIT = 500;
const CANCEL_LABEL_LIMIT = 20;

/**
 * Starts a fresh runtime and loads `code` into it, as classic Outlook does for each event (every send
 * is a cold start there). `fetchImpl` is the only way out; it should reach local servers only.
 */
export function startOutlook(code: string, draft: DraftSetup, fetchImpl: typeof fetch): Outlook {
  const record: {
    fetched: { url: string; authorization: string | null }[];
    bridgeRequests: string[];
    consoleErrors: string[];
    consoleLogs: string[];
    onReadyCalls: number;
  } = { fetched: [], bridgeRequests: [], consoleErrors: [], consoleLogs: [], onReadyCalls: 0 };
  const registered: string[] = [];
  const handlers = new Map<string, (event: unknown) => unknown>();
  const headers = new Map<string, string>();
  const notifications = new Map<string, NotificationRecord>();
  const sessionData = new Map<string, string>();
  const storage = new Map<string, string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let calls: string[] = [];

  const timerApi = {
    setTimeout(callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) {
      const handle = setTimeout(
        (...passed: unknown[]) => {
          timers.delete(handle);
          callback(...passed);
        },
        ms,
        ...args,
      );
      timers.add(handle);
      return handle;
    },
    clearTimeout(handle: ReturnType<typeof setTimeout> | undefined) {
      if (handle === undefined) return;
      timers.delete(handle);
      clearTimeout(handle);
    },
  };
  // Office answers later, never during the call (Office.js queues every callback).
  const later = (work: () => void) => timerApi.setTimeout(work, 1);

  const text = (value: unknown) =>
    typeof value === "string"
      ? value
      : value instanceof Error
        ? (value.stack ?? value.message)
        : String(value);
  const console = {
    log: (...values: unknown[]) => void record.consoleLogs.push(values.map(text).join(" ")),
    info: (...values: unknown[]) => void record.consoleLogs.push(values.map(text).join(" ")),
    debug: (...values: unknown[]) => void record.consoleLogs.push(values.map(text).join(" ")),
    warn: (...values: unknown[]) => void record.consoleErrors.push(values.map(text).join(" ")),
    error: (...values: unknown[]) => void record.consoleErrors.push(values.map(text).join(" ")),
  };

  const context = createContext({ console, ...timerApi });
  runInContext(LATER_BUILTINS, context);
  // ECMA-402 is not promised either: Reach Guard writes its figures itself (src/present/figures.ts).
  runInContext("delete this.Intl;", context);
  // Values handed to the bundle are made in its own realm, as the runtime's would be: an array from
  // Node's realm would bring Node's Array.prototype (flat, at, ...) with it.
  const innerParse = runInContext("JSON.parse", context) as (text: string) => unknown;
  const inner = <T>(value: T): T => (value === undefined ? value : (innerParse(JSON.stringify(value)) as T));
  const InnerPromise = runInContext("Promise", context) as PromiseConstructor;
  const innerError = runInContext("(function (m) { return new TypeError(m); })", context) as (
    message: string,
  ) => Error;

  const succeeded = (value?: unknown) => {
    const result = inner({ status: ASYNC_SUCCEEDED, value: value ?? null, error: null }) as Record<
      string,
      unknown
    >;
    if (value === undefined) result.value = undefined;
    return result;
  };
  const failed = (code: number, name: string, message: string) =>
    inner({ status: ASYNC_FAILED, value: null, error: { code, name, message } });

  /** The callback of an Office async method: the last function argument (options come before it). */
  function callbackOf(args: unknown[], operation: string): (result: unknown) => void {
    const callback = args[args.length - 1];
    if (typeof callback !== "function") throw innerError(`${operation}: no callback`);
    return callback as (result: unknown) => void;
  }
  type Outcome = { readonly value?: unknown } | { readonly error: [number, string, string] };
  const ok = (value?: unknown): Outcome => (value === undefined ? {} : { value });
  const refuse = (code: number, name: string, message: string): Outcome => ({ error: [code, name, message] });
  function asyncMethod(operation: string, run: (args: unknown[]) => Outcome) {
    return (...args: unknown[]) => {
      calls.push(operation);
      const callback = callbackOf(args, operation);
      const outcome = run(args);
      later(() => callback("error" in outcome ? failed(...outcome.error) : succeeded(outcome.value)));
    };
  }

  const fields = { to: draft.to ?? [], cc: draft.cc ?? [], bcc: draft.bcc ?? [] };
  const recipients = (field: keyof typeof fields) => ({
    getAsync: asyncMethod(`${field}.getAsync`, () => ({
      value: fields[field].map((one) => ({ ...one })),
    })),
    setAsync: asyncMethod(`${field}.setAsync`, () => refuse(9999, "NotInThisTest", "not used here")),
  });
  const supports = (version: string) => atLeast(draft.mailbox, version);

  const item = {
    itemType: "message",
    to: recipients("to"),
    cc: recipients("cc"),
    bcc: recipients("bcc"),
    from: {
      getAsync: asyncMethod("from.getAsync", () => ({ value: draft.from ?? draft.user })),
    },
    sessionData: {
      getAsync: asyncMethod("sessionData.getAsync", ([key]) =>
        sessionData.has(String(key))
          ? { value: sessionData.get(String(key)) }
          : refuse(9057, "KeyNotFound", "The key was not found."),
      ),
      setAsync: asyncMethod("sessionData.setAsync", ([key, value]) => {
        if (typeof value !== "string") return refuse(9058, "InvalidValue", "Not a string.");
        sessionData.set(String(key), value);
        return ok();
      }),
      getAllAsync: asyncMethod("sessionData.getAllAsync", () => ({ value: Object.fromEntries(sessionData) })),
      removeAsync: asyncMethod("sessionData.removeAsync", ([key]) => {
        sessionData.delete(String(key));
        return ok();
      }),
    },
    internetHeaders: {
      setAsync: asyncMethod("internetHeaders.setAsync", ([values]) => {
        for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
          if (!/^X-/i.test(name) || typeof value !== "string" || /[\r\n]/.test(value))
            return refuse(9020, "InvalidHeader", `bad header ${name}`);
          headers.set(name, value);
        }
        return ok();
      }),
      removeAsync: asyncMethod("internetHeaders.removeAsync", ([names]) => {
        for (const name of names as string[]) headers.delete(name);
        return ok();
      }),
      getAsync: asyncMethod("internetHeaders.getAsync", ([names]) => ({
        value: Object.fromEntries(
          (names as string[]).filter((name) => headers.has(name)).map((name) => [name, headers.get(name)]),
        ),
      })),
    },
    notificationMessages: {
      replaceAsync: asyncMethod("notificationMessages.replaceAsync", ([key, details]) => {
        const shown = details as NotificationRecord;
        if (typeof key !== "string" || key.length === 0 || key.length > 32)
          return refuse(9999, "InvalidKey", "bad key");
        if (typeof shown.message !== "string" || shown.message.length > INFO_BAR_LIMIT)
          return refuse(9041, "MessageTooLong", "The message is longer than 150 characters.");
        if (shown.type === "insightMessage" && !shown.icon)
          return refuse(9999, "MissingIcon", "An insight message needs an icon.");
        if (!notifications.has(key) && notifications.size >= 5)
          return refuse(9040, "TooManyNotifications", "Five notifications at most.");
        notifications.set(key, JSON.parse(JSON.stringify(shown)) as NotificationRecord);
        return ok();
      }),
      addAsync: asyncMethod("notificationMessages.addAsync", () => ({
        error: [9999, "NotInThisTest", "Reach Guard replaces its one notification"],
      })),
      removeAsync: asyncMethod("notificationMessages.removeAsync", ([key]) => {
        if (!notifications.delete(String(key)))
          return refuse(9043, "KeyNotFound", "The notification was not found.");
        return ok();
      }),
      getAllAsync: asyncMethod("notificationMessages.getAllAsync", () => ({
        value: [...notifications].map(([key, value]) => ({ key, ...value })),
      })),
    },
  };

  const Office = inner({
    MailboxEnums: MAILBOX_ENUMS,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  }) as Record<string, unknown>;
  Office.actions = {
    associate(name: unknown, handler: unknown) {
      if (typeof name !== "string" || typeof handler !== "function")
        throw innerError("associate(name, handler) needs a name and a function");
      registered.push(name);
      handlers.set(name, handler as (event: unknown) => unknown);
    },
  };
  // Not run by the JavaScript-only runtime; present here so that a call to it is seen. It never
  // resolves, as in a runtime that never starts Office.js the way a page does.
  if (draft.onReady !== "missing") {
    Office.onReady = () => {
      record.onReadyCalls += 1;
      if (draft.onReady === "throws") throw innerError("Office.onReady is not available here");
      return new InnerPromise(() => undefined);
    };
  }
  Office.context = {
    mailbox: {
      item,
      userProfile: inner({ emailAddress: draft.user.emailAddress, displayName: draft.user.displayName }),
    },
    requirements: {
      isSetSupported(name: unknown, version?: unknown) {
        const wanted = version === undefined ? "1.1" : String(version);
        if (name === "Mailbox") return supports(wanted);
        if (name === "NestedAppAuth") return draft.nestedAppAuth && wanted === "1.1";
        return false;
      },
    },
  };

  const OfficeRuntime = {
    storage: {
      getItem: (key: unknown) => InnerPromise.resolve(storage.get(String(key)) ?? null),
      setItem: (key: unknown, value: unknown) => {
        if (typeof value !== "string") return InnerPromise.reject(innerError("storage holds strings"));
        storage.set(String(key), value);
        return InnerPromise.resolve(undefined);
      },
      removeItem: (key: unknown) => {
        storage.delete(String(key));
        return InnerPromise.resolve(undefined);
      },
    },
  };

  const runtimeFetch = (input: unknown, init?: { headers?: Record<string, string> }) => {
    const url = String(input);
    const headersIn = init?.headers ?? {};
    const authorization =
      Object.entries(headersIn).find(([name]) => name.toLowerCase() === "authorization")?.[1] ?? null;
    record.fetched.push({ url, authorization });
    // Relative URLs are refused by the runtime; only the local servers may be reached from a test.
    if (!/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url))
      return InnerPromise.reject(innerError(`fetch refused: ${url}`));
    return InnerPromise.resolve(fetchImpl(url, init as RequestInit));
  };

  Object.assign(context, { Office, OfficeRuntime, fetch: runtimeFetch });

  const naaHost = draft.naaHost;
  if (naaHost) {
    const broker = createNaaBroker({
      account: { username: draft.user.emailAddress, name: draft.user.displayName },
      tokenRefused: () => naaHost.refuseTokens === true,
      signedIn: () => undefined,
    });
    const listeners = new Set<(response: string) => void>();
    const bridge = {
      addEventListener(name: string, listener: (response: string) => void) {
        if (name === "message") listeners.add(listener);
      },
      removeEventListener(name: string, listener: (response: string) => void) {
        if (name === "message") listeners.delete(listener);
      },
      postMessage(message: string) {
        const request = JSON.parse(String(message)) as { method?: string };
        record.bridgeRequests.push(String(request.method));
        const response = broker.handle(String(message));
        later(() => {
          for (const listener of [...listeners]) listener(response);
        });
      },
    };
    const getRandomValues = (array: Uint8Array | Uint32Array) => {
      for (let index = 0; index < array.length; index++)
        array[index] = Math.floor(Math.random() * 2 ** (8 * array.BYTES_PER_ELEMENT));
      return array;
    };
    runInContext("this.window = this;", context);
    if (naaHost.bridge !== false) Object.assign(context, { nestedAppAuthBridge: bridge });
    if (naaHost.crypto !== false) Object.assign(context, { crypto: { getRandomValues } });
  }

  runInContext(code, context, { filename: "events.js", timeout: 5000 });

  return {
    context,
    record,
    registered,
    headers,
    notifications,
    sessionData,
    async dispatch(name, { settleMs = 300, giveUpMs = 10_000, watchUntilMs = 0 } = {}) {
      const handler = handlers.get(name);
      if (!handler) throw new Error(`no handler registered as ${name}`);
      calls = [];
      const completions: Completion[] = [];
      const started = Date.now();
      let firstDone: () => void = () => undefined;
      const first = new Promise<void>((resolve) => (firstDone = resolve));
      const event = inner({ type: name }) as Record<string, unknown>;
      event.completed = (options?: Record<string, unknown>) => {
        completions.push({
          options:
            options === undefined
              ? undefined
              : (JSON.parse(JSON.stringify(options)) as Record<string, unknown>),
          at: Date.now() - started,
        });
        firstDone();
        if (options !== undefined) checkCompletion(options, supports);
      };
      handler(event);
      let giveUp: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([first, new Promise<void>((resolve) => (giveUp = setTimeout(resolve, giveUpMs)))]);
      clearTimeout(giveUp);
      const elapsed = Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, Math.max(settleMs, watchUntilMs - elapsed)));
      return { completions, calls: [...calls] };
    },
    dispose() {
      for (const handle of timers) clearTimeout(handle);
      timers.clear();
    },
  };
}

/** event.completed's options as Outlook checks them: an unknown or too new option is refused. */
function checkCompletion(options: Record<string, unknown>, supports: (version: string) => boolean): void {
  const allowed: Record<string, string> = {
    allowEvent: "1.12",
    errorMessage: "1.12",
    cancelLabel: "1.14",
    commandId: "1.14",
    contextData: "1.14",
    sendModeOverride: "1.14",
    errorMessageMarkdown: "1.15",
  };
  for (const key of Object.keys(options)) {
    const version = allowed[key];
    if (!version || !supports(version)) throw new TypeError(`event.completed: ${key} is not supported here`);
  }
  if (typeof options.allowEvent !== "boolean")
    throw new TypeError("event.completed: allowEvent must be a boolean");
  if (typeof options.errorMessage === "string" && options.errorMessage.length > ERROR_MESSAGE_LIMIT)
    throw new TypeError("event.completed: errorMessage is longer than 500 characters");
  if (typeof options.cancelLabel === "string" && options.cancelLabel.length > CANCEL_LABEL_LIMIT)
    throw new TypeError("event.completed: cancelLabel is longer than 20 characters");
}
