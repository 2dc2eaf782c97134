import { BRIDGE_GLOBAL, type FrameKind, type HostBridge } from "../host/protocol";
import { createOfficeContext, MAILBOX_ENUMS } from "./office-surface";

// Runs in the add-in's frame after office.js and before the add-in's own bundle. Outside Outlook,
// office.js defines Office.context itself once it has started, so the stand-in context goes in
// after that, and Office.onReady resolves only then, with what Outlook on the web reports. The
// event runtime's Office.actions.associate and nested app authentication's bridge lead to the page.

interface OfficeGlobal {
  onReady(callback?: (info: unknown) => void): Promise<unknown>;
  actions?: { associate(name: string, handler: (event: unknown) => void): void };
  EventType?: Record<string, string>;
  MailboxEnums?: unknown;
  context?: unknown;
}

/**
 * Office.js defines `Office.context` as a getter over its app factory once it has started, and does
 * not let it be redefined; the factory's setter is where Outlook's own context would go.
 */
function putContext(scope: Window, office: OfficeGlobal, context: unknown): void {
  const descriptor = Object.getOwnPropertyDescriptor(office, "context");
  if (!descriptor || descriptor.configurable) {
    Object.defineProperty(office, "context", { configurable: true, enumerable: true, get: () => context });
    return;
  }
  const factory = (
    scope as unknown as { OSF?: { _OfficeAppFactory?: { setContext?(value: unknown): void } } }
  ).OSF?._OfficeAppFactory;
  if (typeof factory?.setContext !== "function")
    throw new Error("This office.js cannot take a stand-in context");
  factory.setContext(context);
}

/** Nested app authentication: MSAL talks to Outlook through this object (JSON strings both ways). */
export function nestedAppAuthBridge(naa: HostBridge["naa"]) {
  const listeners = new Set<(response: string) => void>();
  return {
    addEventListener: (name: string, listener: (response: string) => void) => {
      if (name === "message") listeners.add(listener);
    },
    removeEventListener: (name: string, listener: (response: string) => void) => {
      if (name === "message") listeners.delete(listener);
    },
    postMessage: (message: string) =>
      naa(String(message), (response) => {
        for (const listener of [...listeners]) listener(response);
      }),
  };
}

export function installPlaygroundOffice(scope: Window & typeof globalThis, kind: FrameKind): void {
  const bridge = (scope.parent as unknown as Record<string, HostBridge | undefined>)[BRIDGE_GLOBAL];
  const office = (scope as unknown as { Office?: OfficeGlobal }).Office;
  if (!bridge || !office) {
    scope.console.error("Reach Guard playground: open this page through the playground, not on its own.");
    return;
  }
  // office.js sends a framed page that no Office host introduced to about:blank, unless the page
  // opts out; it reads this once its second script has loaded, after this one has run.
  (scope as unknown as Record<string, unknown>).OsfOptOut = true;
  const { context, stopAll, facts } = createOfficeContext(bridge, kind);
  const originalReady = office.onReady.bind(office);
  const ready = originalReady().then(() => {
    putContext(scope, office, context);
    office.MailboxEnums = MAILBOX_ENUMS;
    office.EventType = { ...(office.EventType ?? {}), RecipientsChanged: "olkRecipientsChanged" };
    return { host: "Outlook", platform: facts.platform };
  });
  office.onReady = (callback) =>
    ready.then((info) => {
      callback?.(info);
      return info;
    });
  office.actions = { associate: (name, handler) => bridge.associate(name, handler) };

  // An Outlook without NestedAppAuth 1.1 offers no bridge at all.
  if (facts.nestedAppAuth)
    (scope as unknown as Record<string, unknown>).nestedAppAuthBridge = nestedAppAuthBridge(
      bridge.naa.bind(bridge),
    );

  scope.addEventListener("pagehide", stopAll);
  scope.addEventListener("load", () => void ready.then(() => bridge.frameLoaded(kind)));
}
