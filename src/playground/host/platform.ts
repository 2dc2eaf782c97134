import { sessionDataLimitFor } from "../../office/outlook-rules";
// Which Outlook the playground pretends to be, and the limits Microsoft documents for each, so that
// an add-in that would break in one of them breaks here too. Sources: office.recipients.yml
// (getAsync, setAsync, addAsync), docs/testing/runtimes.md (the JavaScript-only runtime, data shared
// between the event runtime and the task pane), office.sessiondata.yml, the Mailbox and
// NestedAppAuth requirement sets, and for phones outlook/mobile-event-based.md,
// outlook/outlook-mobile-apis.md and office.notificationmessages.yml.

/** The Outlook clients the playground can stand in for. */
export type PlatformChoice = "web" | "mac" | "classic" | "phone";
export const PLATFORM_CHOICES: readonly PlatformChoice[] = ["web", "mac", "classic", "phone"];

export interface PlatformFacts {
  /** What `Office.context.platform` says. */
  readonly officePlatform: "OfficeOnline" | "Mac" | "PC" | "iOS";
  /** `mailbox.diagnostics.hostName`. */
  readonly hostName: string;
  /**
   * Whether `sessionData` written by the event runtime is the one the task pane reads. On Mac it is
   * not: data shared between the two lives in localStorage there (docs/testing/runtimes.md).
   */
  readonly sharedSessionData: boolean;
  /**
   * Classic Outlook on Windows runs events.js in a JavaScript-only runtime (no DOM, no localStorage,
   * OfficeRuntime.storage instead), and starts it afresh for every event.
   */
  readonly javascriptOnlyRuntime: boolean;
  /**
   * Which part of the manifest this client reads: Outlook on iOS and Android reads only the
   * MobileFormFactor, which has launch events but no compose button and no OnMessageSend.
   */
  readonly formFactor: "desktop" | "mobile";
}

export const PLATFORMS: Readonly<Record<PlatformChoice, PlatformFacts>> = {
  web: {
    officePlatform: "OfficeOnline",
    hostName: "OutlookWebApp",
    sharedSessionData: true,
    javascriptOnlyRuntime: false,
    formFactor: "desktop",
  },
  mac: {
    officePlatform: "Mac",
    hostName: "OutlookMac",
    sharedSessionData: false,
    javascriptOnlyRuntime: false,
    formFactor: "desktop",
  },
  classic: {
    officePlatform: "PC",
    hostName: "Outlook",
    sharedSessionData: true,
    javascriptOnlyRuntime: true,
    formFactor: "desktop",
  },
  // Outlook on iOS (Android behaves the same for everything played here). The event runtime is the
  // HTML page in the phone's web view, not the JavaScript-only runtime (docs/testing/runtimes.md:
  // that runtime is classic Windows' only). Whether the pane and the events share sessionData is
  // not documented; no task pane opens over a draft on a phone, so nothing depends on it.
  phone: {
    officePlatform: "iOS",
    hostName: "OutlookIOS",
    sharedSessionData: true,
    javascriptOnlyRuntime: false,
    formFactor: "mobile",
  },
};

/**
 * The launch events Outlook on iOS and Android raises (mobile-event-based.md): any other event the
 * MobileFormFactor declares never runs there. No OnMessageSend: a phone has no Smart Alerts.
 */
export const MOBILE_LAUNCH_EVENTS: readonly string[] = [
  "OnNewMessageCompose",
  "OnMessageRecipientsChanged",
  "OnMessageFromChanged",
];

/**
 * Mobile supports Mailbox 1.5, with a few later APIs and the launch events enabled beyond it
 * (outlook-mobile-apis.md): isSetSupported answers for 1.5 and below only.
 */
export const MOBILE_MAILBOX_VERSION = "1.5";

export function isPlatformChoice(value: unknown): value is PlatformChoice {
  return typeof value === "string" && (PLATFORM_CHOICES as readonly string[]).includes(value);
}

/** Mailbox requirement sets the visitor may pick; each older one takes something away. */
export const MAILBOX_VERSIONS = ["1.12", "1.13", "1.14", "1.15", "1.16"] as const;
export type MailboxVersion = (typeof MAILBOX_VERSIONS)[number];
export const DEFAULT_MAILBOX_VERSION: MailboxVersion = "1.15";

export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split(".").map(Number);
  const [bMajor = 0, bMinor = 0] = b.split(".").map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

export function atLeast(version: string, wanted: string): boolean {
  return compareVersions(version, wanted) >= 0;
}

/**
 * How many recipients `getAsync` returns from one field (only resolved entries; the rest of a longer
 * field is silently left out): 500 in classic Outlook on Windows up to Mailbox 1.15, 1,000 there
 * with 1.16 and in Outlook on the web and new Outlook, 100 on mobile. Mac is not stated; the
 * playground takes the lower figure, 500, since a cap the add-in does not expect must never
 * make a figure look exact.
 */
export function getAsyncCap(platform: PlatformChoice | "mobile", mailboxVersion: string): number {
  if (platform === "mobile" || platform === "phone") return 100;
  if (platform === "web") return 1000;
  if (platform === "classic") return atLeast(mailboxVersion, "1.16") ? 1000 : 500;
  return 500;
}

/** sessionData's limit for the Mailbox version played (Outlook's rule: src/office/outlook-rules.ts). */
export function sessionDataLimit(mailboxVersion: string): number {
  return sessionDataLimitFor(atLeast(mailboxVersion, "1.16"));
}
