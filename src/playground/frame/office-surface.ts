import { compareVersions } from "../host/platform";
import type { Field, FrameKind, HostAnswer, HostBridge, ItemOperation } from "../host/protocol";

// The Office.js surface of a compose item, built inside the add-in's own frame on top of the page's
// HostBridge. Same shapes as Office.js: `*Async(args..., [options], [callback])`, callbacks called
// later (never synchronously) with an AsyncResult { status, value, error, asyncContext }.

type Callback = (result: unknown) => void;

interface AsyncArgs {
  readonly callback: Callback | null;
  readonly asyncContext: unknown;
}

/** Office's overloads: an optional options object (with asyncContext), then an optional callback. */
function splitArgs(args: readonly unknown[]): AsyncArgs {
  const callback = (args.find((arg) => typeof arg === "function") as Callback | undefined) ?? null;
  const options = args.find((arg) => typeof arg === "object" && arg !== null) as
    { asyncContext?: unknown } | undefined;
  return { callback, asyncContext: options?.asyncContext };
}

function asyncResult(answer: HostAnswer, asyncContext: unknown) {
  return answer.ok
    ? { status: "succeeded", value: answer.value, error: undefined, asyncContext }
    : { status: "failed", value: undefined, error: { ...answer.error }, asyncContext };
}

export function createItemSurface(bridge: HostBridge, frame: FrameKind = "taskpane") {
  /** Runs `operation` and answers the caller's callback; values are copied into this frame. */
  const call = (operation: ItemOperation, rest: readonly unknown[]) => {
    const { callback, asyncContext } = splitArgs(rest);
    bridge.item(
      operation,
      (answer) => {
        const local: HostAnswer = answer.ok
          ? {
              ok: true,
              value: answer.value === undefined ? undefined : JSON.parse(JSON.stringify(answer.value)),
            }
          : answer;
        setTimeout(() => callback?.(asyncResult(local, asyncContext)), 0);
      },
      frame,
    );
  };

  const recipients = (field: Field) => ({
    getAsync: (...rest: unknown[]) => call({ op: "recipients.get", field }, rest),
    setAsync: (entries: unknown[], ...rest: unknown[]) =>
      call({ op: "recipients.set", field, entries: Array.isArray(entries) ? [...entries] : [] }, rest),
    addAsync: (entries: unknown[], ...rest: unknown[]) =>
      call({ op: "recipients.add", field, entries: Array.isArray(entries) ? [...entries] : [] }, rest),
  });

  const handlers = new Map<string, () => void>();
  const stopAll = () => {
    for (const stop of handlers.values()) stop();
    handlers.clear();
  };

  const item = {
    itemType: "message",
    to: recipients("to"),
    cc: recipients("cc"),
    bcc: recipients("bcc"),
    from: { getAsync: (...rest: unknown[]) => call({ op: "from.get" }, rest) },
    subject: { getAsync: (...rest: unknown[]) => call({ op: "subject.get" }, rest) },
    /** A plain property in Office.js: null for a new message (office.messagecompose.yml). */
    get conversationId() {
      return bridge.conversationId();
    },
    /** Only from Mailbox 1.10, the requirement set that has it, and on phones, which enable it beyond 1.5. */
    get getComposeTypeAsync() {
      const phone = ["iOS", "Android"].includes(bridge.frameFacts().platform);
      return bridge.supportsMailbox("1.10") || phone
        ? (...rest: unknown[]) => call({ op: "composeType.get" }, rest)
        : undefined;
    },
    sessionData: {
      getAsync: (key: string, ...rest: unknown[]) => call({ op: "sessionData.get", key: String(key) }, rest),
      setAsync: (key: string, value: unknown, ...rest: unknown[]) =>
        call({ op: "sessionData.set", key: String(key), value }, rest),
      removeAsync: (key: string, ...rest: unknown[]) =>
        call({ op: "sessionData.remove", key: String(key) }, rest),
      getAllAsync: (...rest: unknown[]) => call({ op: "sessionData.getAll" }, rest),
      clearAsync: (...rest: unknown[]) => call({ op: "sessionData.clear" }, rest),
    },
    internetHeaders: {
      getAsync: (names: unknown[], ...rest: unknown[]) =>
        call({ op: "headers.get", names: [...names] }, rest),
      setAsync: (headers: unknown, ...rest: unknown[]) =>
        call({ op: "headers.set", headers: JSON.parse(JSON.stringify(headers ?? null)) }, rest),
      removeAsync: (names: unknown[], ...rest: unknown[]) =>
        call({ op: "headers.remove", names: [...names] }, rest),
    },
    notificationMessages: {
      addAsync: (key: string, details: unknown, ...rest: unknown[]) =>
        call(
          { op: "notifications.add", key: String(key), details: JSON.parse(JSON.stringify(details ?? null)) },
          rest,
        ),
      replaceAsync: (key: string, details: unknown, ...rest: unknown[]) =>
        call(
          {
            op: "notifications.replace",
            key: String(key),
            details: JSON.parse(JSON.stringify(details ?? null)),
          },
          rest,
        ),
      removeAsync: (key: string, ...rest: unknown[]) =>
        call({ op: "notifications.remove", key: String(key) }, rest),
      getAllAsync: (...rest: unknown[]) => call({ op: "notifications.getAll" }, rest),
    },
    getInitializationContextAsync: (...rest: unknown[]) => call({ op: "initializationContext.get" }, rest),
    addHandlerAsync(eventType: string, handler: (args: unknown) => void, ...rest: unknown[]) {
      const { callback, asyncContext } = splitArgs(rest);
      handlers.get(eventType)?.();
      handlers.set(
        eventType,
        bridge.subscribe(eventType, (args) => handler(JSON.parse(JSON.stringify(args)))),
      );
      setTimeout(() => callback?.(asyncResult({ ok: true, value: undefined }, asyncContext)), 0);
    },
    removeHandlerAsync(eventType: string, ...rest: unknown[]) {
      const { callback, asyncContext } = splitArgs(rest);
      handlers.get(eventType)?.();
      handlers.delete(eventType);
      setTimeout(() => callback?.(asyncResult({ ok: true, value: undefined }, asyncContext)), 0);
    },
  };
  return { item, stopAll };
}

/** Office.context for a compose window in the Outlook being played, as far as Reach Guard can see it. */
export function createOfficeContext(bridge: HostBridge, frame: FrameKind = "taskpane") {
  const { item, stopAll } = createItemSurface(bridge, frame);
  const profile = bridge.userProfile();
  const facts = bridge.frameFacts();
  const context = {
    host: "Outlook",
    platform: facts.platform,
    displayLanguage: facts.displayLanguage ?? "en-GB",
    // The language the user writes in is a setting of its own in Outlook; the playground keeps it.
    contentLanguage: "en-GB",
    officeTheme: { ...bridge.officeTheme() },
    diagnostics: { host: "Outlook", platform: facts.platform, version: "16.0" },
    requirements: {
      isSetSupported: (name: string, version?: string) => {
        const set = String(name).toLowerCase();
        const wanted = String(version ?? "1.1");
        if (set === "nestedappauth") return facts.nestedAppAuth && compareVersions(wanted, "1.1") <= 0;
        return set === "mailbox" && bridge.supportsMailbox(wanted);
      },
    },
    mailbox: {
      get item() {
        return bridge.hasItem() ? item : null;
      },
      userProfile: { ...profile, accountType: "enterprise" },
      diagnostics: {
        hostName: facts.hostName,
        hostVersion: "16.0",
        ...(facts.platform === "OfficeOnline" ? { OWAView: "ThreeColumns" } : {}),
      },
    },
  };
  return { context, stopAll, facts };
}

/** The Office.MailboxEnums values Reach Guard uses, as Office.js defines them. */
export const MAILBOX_ENUMS = {
  ItemNotificationMessageType: {
    ProgressIndicator: "progressIndicator",
    InformationalMessage: "informationalMessage",
    ErrorMessage: "errorMessage",
    InsightMessage: "insightMessage",
  },
  ActionType: { ShowTaskPane: "showTaskPane" },
  SendModeOverride: { PromptUser: "promptUser" },
  RecipientType: {
    DistributionList: "distributionList",
    User: "user",
    ExternalUser: "externalUser",
    Other: "other",
  },
  ItemType: { Message: "message", Appointment: "appointment" },
} as const;
