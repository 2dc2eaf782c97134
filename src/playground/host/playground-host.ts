import { Draft, type DraftChange, type DraftSnapshot, type ItemView } from "./draft";
import { describerFor, type ListedAddress } from "./directory-listing";
import { NO_FAULTS, type PlaygroundFaults } from "./faults";
import { JavascriptOnlyRuntime, type RuntimeWorker } from "./javascript-only-runtime";
import { DEFAULT_DISPLAY_LANGUAGE, type DisplayLanguage } from "./language";
import { CONTACT_GROUPS, draftFor, INBOX, type ComposeKind, type MailMessage, type Person } from "./mail";
import { labelFor, type ManifestFacts } from "./manifest";
import { createNaaBroker, type NaaBroker } from "./naa-broker";
import {
  atLeast,
  compareVersions,
  getAsyncCap,
  MOBILE_LAUNCH_EVENTS,
  MOBILE_MAILBOX_VERSION,
  PLATFORMS,
  sessionDataLimit,
  type PlatformChoice,
} from "./platform";
import type { PolicySummary } from "./policy-summary";
import type { FrameFacts, FrameKind, HostAnswer, HostBridge, ItemOperation } from "./protocol";
import { EventRuntime } from "./runtime";

// The stand-in for Outlook: the mailbox, the compose window and its one draft, the add-in's event
// runtime and task pane, the Smart Alerts dialog, and the switches that break Graph. The React
// page (../app) only draws this state and forwards clicks; the add-in's frames reach it through
// HostBridge. Outlook's behaviour that shapes it is cited where it matters.

export interface PlaygroundEnvironment {
  readonly user: Person;
  readonly domains: readonly string[];
  readonly directory: readonly ListedAddress[];
  readonly manifest: ManifestFacts;
  /** The newest Mailbox requirement set this Outlook supports at first, e.g. "1.15". */
  readonly mailboxVersion: string;
  /** The Outlook played at first (the web unless the page's address says otherwise). */
  readonly platform?: PlatformChoice;
  /** Whether this Outlook supports NestedAppAuth 1.1 at first (yes unless told otherwise). */
  readonly nestedAppAuth?: boolean;
  /** Outlook's display language at first (British English unless told otherwise). */
  readonly displayLanguage?: DisplayLanguage;
  /** The policy the add-in was built or started with, for the page to show. */
  readonly policy?: PolicySummary | null;
  /** Sends the switches to the local Graph server. */
  readonly applyFaults: (faults: PlaygroundFaults) => Promise<void>;
  /**
   * Classic Outlook on Windows: starts a worker running frame.js as the JavaScript-only runtime, and
   * the address of events.js it loads. Without them the classic platform runs events in the frame.
   */
  readonly javascriptOnlyRuntime?: { readonly startWorker: () => RuntimeWorker; readonly eventsUrl: string };
  /** A runtime that failed outside the add-in's control (reported on the page's console). */
  readonly reportError?: (message: string) => void;
}

export interface SmartAlert {
  readonly message: string;
  /** The "Take action" button (cancelLabel), shown only with a commandId (Mailbox 1.14). */
  readonly takeAction: string | null;
  /** "Send Anyway": sendModeOverride promptUser, or the manifest's PromptUser send mode. */
  readonly sendAnyway: boolean;
}

export interface PlaygroundState {
  readonly folder: "inbox" | "sent";
  readonly messages: readonly MailMessage[];
  readonly selectedId: string | null;
  readonly draft: DraftSnapshot | null;
  readonly taskPane: { readonly open: boolean; readonly generation: number };
  readonly alert: SmartAlert | null;
  readonly sending: "idle" | "checking" | "slow";
  readonly faults: PlaygroundFaults;
  /** The newest Mailbox requirement set supported (the visitor may pretend to be an older Outlook). */
  readonly mailboxVersion: string;
  /** Which Outlook is played; changing it starts the add-in's runtimes again. */
  readonly platform: PlatformChoice;
  /** isSetSupported("NestedAppAuth", "1.1"). */
  readonly nestedAppAuth: boolean;
  /** Office.context.displayLanguage; changing it starts the add-in's runtimes again. */
  readonly displayLanguage: DisplayLanguage;
  /** Bumped whenever the event runtime's frame must be loaded again (a new platform or language). */
  readonly runtimeGeneration: number;
  /** The last launch events and how long each took, newest first, for the visitor. */
  readonly log: readonly string[];
}

/** Outlook shows "taking longer than expected" after five seconds. */
export const SLOW_SEND_MS = 5000;
/** The playground's own ceiling for a handler that never completes. */
export const HANDLER_LIMIT_MS = 60_000;

const EVENT_TYPES = {
  OnMessageCompose: "olkMessageCompose",
  OnNewMessageCompose: "olkNewMessageCompose",
  OnMessageRecipientsChanged: "olkRecipientsChanged",
  OnMessageSend: "olkMessageSend",
} as const;

/** The moments of a draft at which Outlook may raise a launch event. */
type Moment = "compose" | "recipients" | "send";

/** What Outlook shows of errorMessageMarkdown: the words, without the markup. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|_|`)/g, "")
    .replace(/^#+\s*/gm, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1");
}

export class PlaygroundHost implements HostBridge {
  readonly version = 1 as const;
  private state: PlaygroundState;
  private readonly listeners = new Set<() => void>();
  private readonly itemListeners = new Set<(args: unknown) => void>();
  private draft: Draft | null = null;
  private stopDraft: (() => void) | null = null;
  private runtime: EventRuntime;
  /** OfficeRuntime.storage in classic Outlook's JavaScript-only runtime: kept for the page's life. */
  private readonly runtimeStorage = new Map<string, string>();
  private readonly broker: NaaBroker;
  private readonly describe: ReturnType<typeof describerFor>;
  private sentCount = 0;

  constructor(private readonly env: PlaygroundEnvironment) {
    this.state = {
      folder: "inbox",
      messages: INBOX,
      selectedId: INBOX[0]?.id ?? null,
      draft: null,
      taskPane: { open: false, generation: 0 },
      alert: null,
      sending: "idle",
      faults: NO_FAULTS,
      mailboxVersion: env.mailboxVersion,
      platform: env.platform ?? "web",
      nestedAppAuth: env.nestedAppAuth ?? true,
      displayLanguage: env.displayLanguage ?? DEFAULT_DISPLAY_LANGUAGE,
      runtimeGeneration: 0,
      log: [],
    };
    this.runtime = this.makeRuntime();
    this.describe = describerFor(env.directory, env.domains);
    this.broker = createNaaBroker({
      account: { username: env.user.emailAddress, name: env.user.displayName },
      tokenRefused: () => this.state.faults.noToken,
      signedIn: () => this.update({ faults: { ...this.state.faults, noToken: false } }),
    });
  }

  // ---- React's view of the host -------------------------------------------------------------

  subscribeState = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): PlaygroundState => this.state;

  get environment(): PlaygroundEnvironment {
    return this.env;
  }

  /** Personal contact groups the sender can type by name (no address). */
  get contactGroups(): readonly string[] {
    return CONTACT_GROUPS;
  }

  /** The event runtime the current platform has: a frame, or classic Outlook's JavaScript-only one. */
  get eventRuntimeKind(): "frame" | "javascript-only" {
    return this.runtime instanceof JavascriptOnlyRuntime ? "javascript-only" : "frame";
  }

  private makeRuntime(): EventRuntime {
    const classic = this.env.javascriptOnlyRuntime;
    if (!PLATFORMS[this.state.platform].javascriptOnlyRuntime || !classic) return new EventRuntime();
    return new JavascriptOnlyRuntime({
      startWorker: classic.startWorker,
      eventsUrl: classic.eventsUrl,
      bridge: this,
      facts: () => this.frameFacts(),
      mailboxVersion: () => this.state.mailboxVersion,
      profile: () => this.userProfile(),
      storage: this.runtimeStorage,
      onError: (message) => this.env.reportError?.(message),
    });
  }

  private update(change: Partial<PlaygroundState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of [...this.listeners]) listener();
  }

  private note(line: string): void {
    this.update({ log: [line, ...this.state.log].slice(0, 8) });
  }

  // ---- The mailbox ----------------------------------------------------------------------------

  selectFolder(folder: "inbox" | "sent"): void {
    const first = this.state.messages.find((message) => message.folder === folder);
    this.update({ folder, selectedId: first?.id ?? null });
  }

  selectMessage(id: string): void {
    this.update({ selectedId: id });
  }

  /** Opens the compose window; a draft already open is discarded, as Outlook's single pop-in does. */
  compose(kind: ComposeKind): void {
    const original = this.state.messages.find((message) => message.id === this.state.selectedId) ?? null;
    this.closeDraft();
    const draft = new Draft(
      { kind, ...draftFor(kind, this.env.user, kind === "new" ? null : original) },
      this.describe,
    );
    this.draft = draft;
    this.stopDraft = draft.onChange((change) => this.draftChanged(change));
    this.update({ draft: draft.snapshot(), alert: null, sending: "idle" });
    void this.launch("compose");
  }

  discard(): void {
    this.closeDraft();
    this.update({
      draft: null,
      alert: null,
      sending: "idle",
      taskPane: { ...this.state.taskPane, open: false },
    });
  }

  /** The compose form's own edits. */
  get currentDraft(): Draft | null {
    return this.draft;
  }

  private closeDraft(): void {
    this.stopDraft?.();
    this.stopDraft = null;
    this.draft = null;
  }

  private draftChanged(change: DraftChange): void {
    if (!this.draft) return;
    this.update({ draft: this.draft.snapshot() });
    if (change.kind !== "recipients") return;
    const changedRecipientFields = { to: false, cc: false, bcc: false };
    for (const field of change.fields) changedRecipientFields[field] = true;
    const args = { type: EVENT_TYPES.OnMessageRecipientsChanged, changedRecipientFields };
    for (const listener of [...this.itemListeners]) {
      try {
        listener(args);
      } catch {
        // A task pane that has gone away.
      }
    }
    void this.launch("recipients");
  }

  /**
   * The launch event the Outlook played raises at `moment`, as its part of the manifest declares it,
   * or null. Desktop clients read the DesktopFormFactor, where a new or reopened draft is
   * OnMessageCompose. Phones read the MobileFormFactor, where it is OnNewMessageCompose, and raise
   * only the events mobile supports: never OnMessageSend (mobile-event-based.md).
   */
  declaredEvent(
    moment: Moment,
  ): { readonly event: string; readonly functionName: string; readonly sendMode: string | null } | null {
    const mobile = PLATFORMS[this.state.platform].formFactor === "mobile";
    const event = {
      compose: mobile ? "OnNewMessageCompose" : "OnMessageCompose",
      recipients: "OnMessageRecipientsChanged",
      send: "OnMessageSend",
    }[moment];
    if (mobile && !MOBILE_LAUNCH_EVENTS.includes(event)) return null;
    const declared = (mobile ? this.env.manifest.mobileLaunchEvents : this.env.manifest.launchEvents)?.[
      event
    ];
    return declared ? { event, ...declared } : null;
  }

  private async launch(moment: "compose" | "recipients"): Promise<void> {
    const declared = this.declaredEvent(moment);
    if (!declared) return;
    const { event } = declared;
    const type = EVENT_TYPES[event as keyof typeof EVENT_TYPES] ?? event;
    const outcome = await this.runtime.queue(declared.functionName, type, HANDLER_LIMIT_MS);
    if (outcome)
      this.note(
        `${event}: ${outcome.completed ? `completed in ${Math.round(outcome.elapsedMs)} ms` : "never completed"}`,
      );
  }

  // ---- Sending --------------------------------------------------------------------------------

  async send(): Promise<void> {
    const draft = this.draft;
    if (!draft || this.state.sending !== "idle") return;
    const declared = this.declaredEvent("send");
    if (!declared) {
      if (PLATFORMS[this.state.platform].formFactor === "mobile")
        this.note("Send: no OnMessageSend on a phone, so no add-in checked it");
      return this.deliver(draft);
    }
    this.update({ sending: "checking", alert: null });
    const outcome = await this.runtime.run<{
      allowEvent?: boolean;
      errorMessage?: string;
      errorMessageMarkdown?: string;
      cancelLabel?: string;
      commandId?: string;
      sendModeOverride?: string;
    }>(declared.functionName, EVENT_TYPES.OnMessageSend, HANDLER_LIMIT_MS, {
      afterMs: SLOW_SEND_MS,
      onSlow: () => this.draft === draft && this.update({ sending: "slow" }),
    });
    if (this.draft !== draft) return;
    this.note(
      `OnMessageSend: ${outcome.completed ? `decided in ${Math.round(outcome.elapsedMs)} ms` : "never completed"}`,
    );
    const options = outcome.options ?? {};
    if (outcome.completed && options.allowEvent === true) return this.deliver(draft);
    // What this Outlook makes of the options: cancelLabel, commandId and sendModeOverride came with
    // Mailbox 1.14, errorMessageMarkdown with 1.15; an older Outlook ignores them.
    const version = this.state.mailboxVersion;
    const from114 = atLeast(version, "1.14");
    const promptUser =
      declared.sendMode === "PromptUser" || (from114 && options.sendModeOverride === "promptUser");
    const markdown = atLeast(version, "1.15") ? options.errorMessageMarkdown : undefined;
    this.update({
      sending: "idle",
      alert: {
        message: outcome.completed
          ? typeof markdown === "string" && markdown
            ? plainText(markdown)
            : (options.errorMessage ?? "The add-in stopped this message.")
          : "Reach Guard did not answer, so this message was not sent.",
        takeAction:
          outcome.completed && from114 && options.commandId === this.env.manifest.taskPaneButton?.id
            ? (options.cancelLabel ?? "Take action")
            : null,
        // Block never lets the sender override; SoftBlock allows it only when the add-in failed.
        sendAnyway: outcome.completed ? promptUser : declared.sendMode !== "Block",
      },
    });
  }

  dontSend(): void {
    this.update({ alert: null });
  }

  takeAction(): void {
    this.update({ alert: null });
    this.openTaskPane();
  }

  sendAnyway(): void {
    if (this.draft && this.state.alert?.sendAnyway) this.deliver(this.draft);
  }

  private deliver(draft: Draft): void {
    const snapshot = draft.snapshot();
    this.sentCount += 1;
    const message: MailMessage = {
      id: `sent-${this.sentCount}`,
      folder: "sent",
      from: snapshot.from,
      to: snapshot.recipients.to.map((recipient) => recipient.emailAddress),
      cc: snapshot.recipients.cc.map((recipient) => recipient.emailAddress),
      bcc: snapshot.recipients.bcc.map((recipient) => recipient.emailAddress),
      subject: snapshot.subject,
      body: snapshot.body,
      conversationId: draft.conversationId() ?? `AAQkADsent-${this.sentCount}`,
      at: new Date().toISOString(),
      headers: snapshot.headers,
    };
    this.closeDraft();
    this.update({
      messages: [message, ...this.state.messages],
      folder: "sent",
      selectedId: message.id,
      draft: null,
      alert: null,
      sending: "idle",
      taskPane: { ...this.state.taskPane, open: false },
    });
  }

  // ---- The task pane and the switches ---------------------------------------------------------

  openTaskPane(): void {
    if (!this.draft || this.state.taskPane.open) return;
    this.update({ taskPane: { open: true, generation: this.state.taskPane.generation + 1 } });
  }

  closeTaskPane(): void {
    this.update({ taskPane: { ...this.state.taskPane, open: false } });
  }

  /**
   * The compose button that opens the task pane, or null. Outlook on iOS and Android has no compose
   * command surface (its extension points are for reading, meetings and launch events:
   * manifest/extensionpoint.md), so a phone shows none.
   */
  taskPaneButton(): { readonly id: string; readonly label: string } | null {
    if (PLATFORMS[this.state.platform].formFactor === "mobile") return null;
    return this.env.manifest.taskPaneButton;
  }

  /** The compose button that opens the task pane, labelled in Outlook's display language. */
  taskPaneButtonLabel(): string | null {
    const taskPaneButton = this.taskPaneButton();
    if (!taskPaneButton) return null;
    return labelFor(taskPaneButton.label, this.env.manifest.taskPaneButtonLabels, this.state.displayLanguage);
  }

  /** An info bar action or the alert's button: opens the task pane its commandId names. */
  runCommand(commandId: string): void {
    if (commandId === this.taskPaneButton()?.id) this.openTaskPane();
  }

  /** The Outlook being played. A send still being decided keeps the runtime it started in. */
  setPlatform(platform: PlatformChoice): void {
    if (platform === this.state.platform) return;
    this.update({ platform });
    this.restartRuntimes();
    // A phone has neither the task pane over a draft nor a Smart Alert to leave open.
    if (PLATFORMS[platform].formFactor === "mobile")
      this.update({ alert: null, taskPane: { ...this.state.taskPane, open: false } });
  }

  setNestedAppAuth(supported: boolean): void {
    if (supported === this.state.nestedAppAuth) return;
    this.update({ nestedAppAuth: supported });
    this.restartRuntimes();
  }

  /**
   * Outlook's display language. Outlook takes a new one only when it starts again (Outlook on the web
   * when the page reloads), so every runtime of the add-in starts again and reads it afresh.
   */
  setDisplayLanguage(language: DisplayLanguage): void {
    if (language === this.state.displayLanguage) return;
    this.update({ displayLanguage: language });
    this.restartRuntimes();
  }

  /** Each runtime reads the platform and language once, when it starts: the frames are loaded again. */
  private restartRuntimes(): void {
    this.runtime = this.makeRuntime();
    const pane = this.state.taskPane;
    this.update({
      runtimeGeneration: this.state.runtimeGeneration + 1,
      taskPane: pane.open ? { open: true, generation: pane.generation + 1 } : pane,
    });
  }

  setMailboxVersion(version: string): void {
    this.update({ mailboxVersion: version });
  }

  async setFault(name: keyof PlaygroundFaults, on: boolean): Promise<void> {
    const faults = { ...this.state.faults, [name]: on };
    this.update({ faults });
    if (name !== "noToken") await this.env.applyFaults(faults);
  }

  /**
   * A page that loads starts with every switch off, and so must the local Graph server, which
   * outlives the page: a reload never leaves Graph broken behind switches that say it is not.
   */
  async resetFaults(): Promise<void> {
    this.update({ faults: NO_FAULTS });
    await this.env.applyFaults(NO_FAULTS);
  }

  // ---- HostBridge: what the add-in's frames see ------------------------------------------------

  hasItem(): boolean {
    return this.draft !== null;
  }

  conversationId(): string | null {
    return this.draft?.conversationId() ?? null;
  }

  item(operation: ItemOperation, reply: (answer: HostAnswer) => void, frame: FrameKind = "taskpane"): void {
    const answer: HostAnswer = this.draft
      ? this.draft.run(operation, this.itemView(frame))
      : { ok: false, error: { code: 9000, name: "ItemNotFound", message: "No message is being composed." } };
    setTimeout(() => reply(answer), 0);
  }

  /** How the Outlook being played shows the item to `frame`. */
  itemView(frame: FrameKind): ItemView {
    const { platform } = this.state;
    const mailboxVersion =
      PLATFORMS[platform].formFactor === "mobile" ? MOBILE_MAILBOX_VERSION : this.state.mailboxVersion;
    return {
      sessionStore: PLATFORMS[platform].sharedSessionData ? "shared" : frame,
      getAsyncCap: getAsyncCap(platform, mailboxVersion),
      sessionDataLimit: sessionDataLimit(mailboxVersion),
      notifications: PLATFORMS[platform].formFactor,
    };
  }

  frameFacts(): FrameFacts {
    const facts = PLATFORMS[this.state.platform];
    return {
      platform: facts.officePlatform,
      hostName: facts.hostName,
      nestedAppAuth: this.state.nestedAppAuth,
      displayLanguage: this.state.displayLanguage,
    };
  }

  userProfile() {
    return { ...this.env.user, timeZone: "GMT Standard Time" };
  }

  supportsMailbox(version: string): boolean {
    const newest =
      PLATFORMS[this.state.platform].formFactor === "mobile"
        ? MOBILE_MAILBOX_VERSION
        : this.state.mailboxVersion;
    return compareVersions(version, newest) <= 0;
  }

  officeTheme() {
    return {
      bodyBackgroundColor: "#ffffff",
      bodyForegroundColor: "#242424",
      controlBackgroundColor: "#ffffff",
      controlForegroundColor: "#242424",
    };
  }

  associate(name: string, handler: (event: unknown) => void): void {
    this.runtime.associate(name, handler);
  }

  subscribe(eventType: string, listener: (args: unknown) => void): () => void {
    if (eventType !== EVENT_TYPES.OnMessageRecipientsChanged) return () => undefined;
    this.itemListeners.add(listener);
    return () => this.itemListeners.delete(listener);
  }

  naa(request: string, reply: (response: string) => void): void {
    // An Outlook without nested app authentication has no broker to answer.
    if (!this.state.nestedAppAuth) return;
    const response = this.broker.handle(request);
    setTimeout(() => reply(response), 0);
  }

  frameLoaded(kind: FrameKind): void {
    if (kind === "events") this.runtime.markLoaded();
  }
}
