import { within } from "../kit/deadline";
import { officeCall } from "./office-call";

type OfficeLike = typeof Office;

/** Whether this Outlook supports a requirement set; false when it cannot say. */
export function supportsRequirement(
  name: string,
  version: string,
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
): boolean {
  try {
    return office?.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

/** Whether this Outlook supports a Mailbox requirement set; false when it cannot say. */
export function supportsMailbox(
  version: string,
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
): boolean {
  return supportsRequirement("Mailbox", version, office);
}

/**
 * Nested app authentication (NestedAppAuth 1.1): web, classic Windows 2409+, Mac 16.89+. Without it
 * MSAL cannot get a token in Outlook at all, so it is not even started.
 */
export function supportsNestedAppAuth(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
): boolean {
  return supportsRequirement("NestedAppAuth", "1.1", office);
}

/** Office's theme colours where the host gives them (task pane), else null. */
export function officeTheme(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
): { bodyBackgroundColor?: string } | null {
  try {
    return (office?.context?.officeTheme as { bodyBackgroundColor?: string } | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Calls `listener` when Outlook reports changed recipients; resolves with a function that stops it. */
export async function onRecipientsChanged(
  listener: () => void,
  office: OfficeLike = (globalThis as { Office?: OfficeLike }).Office as OfficeLike,
): Promise<() => void> {
  const current = office.context.mailbox.item as Office.MessageCompose;
  const type = office.EventType?.RecipientsChanged ?? ("olkRecipientsChanged" as unknown as Office.EventType);
  // A refused registration rejects (OfficeCallError): resolving anyway would leave the caller
  // believing it hears of changes it never will.
  await officeCall<void>("addHandlerAsync", (done) => current.addHandlerAsync(type, listener, done));
  return () => {
    try {
      current.removeHandlerAsync(type, () => undefined);
    } catch {
      // The item has closed (the pane is going away with it): nothing is left to stop.
    }
  };
}

/**
 * Resolves when Office.js has started, true when a message is open to work on. Resolves false when
 * Office.js is missing (the page opened outside Outlook) or has not started after `waitMs`.
 */
export function officeReady(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
  waitMs = 10_000,
): Promise<boolean> {
  const hasItem = (): boolean => {
    try {
      return Boolean(office?.context?.mailbox?.item);
    } catch {
      return false;
    }
  };
  if (!office || typeof office.onReady !== "function") return Promise.resolve(false);
  const started = () => office.onReady().then(hasItem, hasItem);
  return within(waitMs, started, hasItem).catch(hasItem);
}

/**
 * Calls `listener` with the new theme when the user changes Office's theme (Mailbox 1.14); resolves
 * with a function that stops it, a no-op where the host cannot report theme changes.
 */
export async function onOfficeThemeChanged(
  listener: (theme: { bodyBackgroundColor?: string } | null) => void,
  office: OfficeLike = (globalThis as { Office?: OfficeLike }).Office as OfficeLike,
): Promise<() => void> {
  if (!supportsMailbox("1.14", office)) return () => undefined;
  try {
    const mailbox = office.context.mailbox;
    const type =
      office.EventType?.OfficeThemeChanged ?? ("officeThemeChanged" as unknown as Office.EventType);
    const handler = (args?: { officeTheme?: { bodyBackgroundColor?: string } }) =>
      listener(args?.officeTheme ?? officeTheme(office));
    await officeCall<void>("mailbox.addHandlerAsync", (done) => mailbox.addHandlerAsync(type, handler, done));
    return () => mailbox.removeHandlerAsync(type, () => undefined);
  } catch {
    return () => undefined;
  }
}

/**
 * Where this Outlook runs, as Office says: `PC`, `Mac`, `OfficeOnline` (the web and new Outlook on
 * Windows), `iOS`, `Android`; null when it cannot say. `Office.context.platform` from Mailbox 1.5,
 * `Office.context.diagnostics.platform` where only that is present.
 */
export function officePlatform(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
): string | null {
  try {
    const context = office?.context as
      { platform?: unknown; diagnostics?: { platform?: unknown } } | undefined;
    const platform = context?.platform ?? context?.diagnostics?.platform;
    return typeof platform === "string" && platform !== "" ? platform : null;
  } catch {
    return null;
  }
}

/**
 * Which Outlook this is (Mailbox 1.1): `Outlook` (classic on Windows, and Mac), `newOutlookWindows`,
 * `OutlookWebApp`, `OutlookIOS`, `OutlookAndroid`; null when it cannot say.
 */
export function outlookHostName(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
): string | null {
  try {
    const hostName = (office?.context?.mailbox?.diagnostics as { hostName?: unknown } | undefined)?.hostName;
    return typeof hostName === "string" && hostName !== "" ? hostName : null;
  } catch {
    return null;
  }
}

/**
 * Outlook on iOS or Android, by either signal: Mailbox 1.5 there, with launch events and a few later
 * APIs enabled beyond it (outlook/outlook-mobile-apis.md), so isSetSupported undersells it.
 */
export function isMobile(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
): boolean {
  const platform = officePlatform(office);
  const hostName = outlookHostName(office);
  return (
    platform === "iOS" || platform === "Android" || hostName === "OutlookIOS" || hostName === "OutlookAndroid"
  );
}

/**
 * Outlook on Mac, where data shared between the event runtime and the task pane lives in
 * localStorage rather than in sessionData (docs/testing/runtimes.md).
 */
export function isMac(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
): boolean {
  return officePlatform(office) === "Mac";
}

/**
 * Calls `listener` when Outlook opens the task pane again while it is already open (from a Smart
 * Alert or an info bar's button): with a handler registered, Outlook hands the pane the new context
 * instead of reloading it (InitializationContextChanged, Mailbox 1.15, on the item). Resolves with a
 * function that stops it; a no-op where the client cannot report it (the pane then reloads, as ever).
 */
export async function onInitializationContextChanged(
  listener: () => void,
  office: OfficeLike = (globalThis as { Office?: OfficeLike }).Office as OfficeLike,
): Promise<() => void> {
  if (!supportsMailbox("1.15", office)) return () => undefined;
  try {
    const current = office.context.mailbox.item as Office.MessageCompose;
    const type =
      office.EventType?.InitializationContextChanged ??
      ("olkInitializationContextChanged" as unknown as Office.EventType);
    await officeCall<void>("addHandlerAsync", (done) =>
      current.addHandlerAsync(type, () => listener(), done),
    );
    return () => {
      try {
        current.removeHandlerAsync(type, () => undefined);
      } catch {
        // The item has closed, and the pane with it.
      }
    };
  } catch {
    return () => undefined;
  }
}

/** Outlook's display language (`Office.context.displayLanguage`, e.g. "cy-GB"); undefined when not told. */
export function displayLanguage(
  office: typeof Office | undefined = (globalThis as { Office?: typeof Office }).Office,
): string | undefined {
  try {
    const language = office?.context?.displayLanguage;
    return typeof language === "string" && language !== "" ? language : undefined;
  } catch {
    return undefined;
  }
}
