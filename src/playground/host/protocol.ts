// The contract between the playground page (which stands in for Outlook) and the add-in's frames
// (the event runtime and the task pane). The frames build their own Office.js surface from it
// (../frame), so every object the add-in touches belongs to its own frame, as in Outlook, and
// only plain data crosses: strings, numbers, arrays and records.

export type Field = "to" | "cc" | "bcc";
export const FIELDS: readonly Field[] = ["to", "cc", "bcc"];

/** Office.EmailAddressDetails as Outlook gives it. */
export interface RecipientDetails {
  readonly emailAddress: string;
  readonly displayName: string;
  /** Office.MailboxEnums.RecipientType values; a hint only, as in Outlook. */
  readonly recipientType: "user" | "distributionList" | "externalUser" | "other";
}

/** Office.NotificationMessageDetails, as the add-in hands it over. */
export interface NotificationDetails {
  readonly type: string;
  readonly message: string;
  readonly icon?: string;
  readonly persistent?: boolean;
  readonly actions?: readonly {
    readonly actionType: string;
    readonly actionText: string;
    readonly commandId: string;
    readonly contextData?: unknown;
  }[];
}

/** A failure as Office.js reports it in AsyncResult.error. */
export interface HostError {
  readonly code: number;
  readonly name: string;
  readonly message: string;
}

export type HostAnswer =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: HostError };

/** Operations on the item being composed; arguments and answers are plain data. */
export type ItemOperation =
  | { readonly op: "recipients.get"; readonly field: Field }
  | {
      readonly op: "recipients.set" | "recipients.add";
      readonly field: Field;
      readonly entries: readonly unknown[];
    }
  | { readonly op: "from.get" }
  | { readonly op: "subject.get" }
  | { readonly op: "composeType.get" }
  | { readonly op: "sessionData.get" | "sessionData.remove"; readonly key: string }
  | { readonly op: "sessionData.set"; readonly key: string; readonly value: unknown }
  | { readonly op: "sessionData.getAll" | "sessionData.clear" }
  | { readonly op: "headers.get"; readonly names: readonly unknown[] }
  | { readonly op: "headers.set"; readonly headers: unknown }
  | { readonly op: "headers.remove"; readonly names: readonly unknown[] }
  | {
      readonly op: "notifications.add" | "notifications.replace";
      readonly key: string;
      readonly details: unknown;
    }
  | { readonly op: "notifications.remove"; readonly key: string }
  | { readonly op: "notifications.getAll" }
  | { readonly op: "initializationContext.get" };

/** The add-in's runtimes: the event runtime (a frame, or classic Outlook's JavaScript-only one) and the task pane. */
export type FrameKind = "events" | "taskpane";

/** What the Outlook being played tells a runtime about itself, fixed for that runtime's life. */
export interface FrameFacts {
  /** Office.context.platform. */
  readonly platform: "OfficeOnline" | "Mac" | "PC" | "iOS" | "Android";
  /** Office.context.mailbox.diagnostics.hostName. */
  readonly hostName: string;
  /** isSetSupported("NestedAppAuth", "1.1"), and whether Outlook offers nestedAppAuthBridge at all. */
  readonly nestedAppAuth: boolean;
  /** Office.context.displayLanguage, e.g. "cy-GB"; "en-GB" when not given. */
  readonly displayLanguage?: string;
}

export interface UserProfile {
  readonly emailAddress: string;
  readonly displayName: string;
  readonly timeZone: string;
}

/** What the page offers each frame, as `window.parent.reachGuardPlayground`. */
export interface HostBridge {
  readonly version: 1;
  hasItem(): boolean;
  /** `item.conversationId`, a plain property in Office.js: null for a new message or no item. */
  conversationId(): string | null;
  /**
   * Runs one item operation for the runtime `frame`; the answer is given asynchronously, as Outlook
   * does. The runtime matters where Outlook keeps apart what each sees (sessionData on Mac).
   */
  item(operation: ItemOperation, reply: (answer: HostAnswer) => void, frame?: FrameKind): void;
  /** The platform and what it supports, read once when a runtime starts. */
  frameFacts(): FrameFacts;
  userProfile(): UserProfile;
  /** Mailbox requirement sets this stand-in Outlook supports. */
  supportsMailbox(version: string): boolean;
  officeTheme(): Readonly<Record<string, string>>;
  /** Office.actions.associate from the event runtime. */
  associate(name: string, handler: (event: unknown) => void): void;
  /** Item events (RecipientsChanged) for the task pane's addHandlerAsync. */
  subscribe(eventType: string, listener: (args: unknown) => void): () => void;
  /** One nested app authentication request (a JSON string); the broker answers with one JSON string. */
  naa(request: string, reply: (response: string) => void): void;
  /** The frame has installed its Office surface and loaded the add-in. */
  frameLoaded(kind: FrameKind): void;
}

export const BRIDGE_GLOBAL = "reachGuardPlayground";
