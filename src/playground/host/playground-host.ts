import { Draft, type DraftChange, type DraftSnapshot } from "./draft";
import { describerFor, type ListedAddress } from "./directory-listing";
import { NO_FAULTS, type PlaygroundFaults } from "./faults";
import { draftFor, INBOX, type ComposeKind, type MailMessage, type Person } from "./mail";
import type { ManifestFacts } from "./manifest";
import { createNaaBroker, type NaaBroker } from "./naa-broker";
import type { FrameKind, HostAnswer, HostBridge, ItemOperation } from "./protocol";
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
  /** Sends the switches to the local Graph server. */
  readonly applyFaults: (faults: PlaygroundFaults) => Promise<void>;
}

export interface SmartAlert {
  readonly message: string;
  /** The "Take action" button (cancelLabel), shown only with a commandId (Mailbox 1.14). */
  readonly takeAction: string | null;
  /** "Send anyway": sendModeOverride promptUser, or the manifest's PromptUser send mode. */
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
  /** The last launch events and how long each took, newest first, for the visitor. */
  readonly log: readonly string[];
}

/** Outlook shows "taking longer than expected" after five seconds. */
export const SLOW_SEND_MS = 5000;
/** The playground's own ceiling for a handler that never completes. */
export const HANDLER_LIMIT_MS = 60_000;

const EVENT_TYPES = {
  OnMessageCompose: "olkMessageCompose",
  OnMessageRecipientsChanged: "olkRecipientsChanged",
  OnMessageSend: "olkMessageSend",
} as const;

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split(".").map(Number);
  const [bMajor = 0, bMinor = 0] = b.split(".").map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

export class PlaygroundHost implements HostBridge {
  readonly version = 1 as const;
  private state: PlaygroundState;
  private readonly listeners = new Set<() => void>();
  private readonly itemListeners = new Set<(args: unknown) => void>();
  private draft: Draft | null = null;
  private stopDraft: (() => void) | null = null;
  private readonly runtime = new EventRuntime();
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
      log: [],
    };
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
    void this.launch("OnMessageCompose");
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
    void this.launch("OnMessageRecipientsChanged");
  }

  private async launch(event: "OnMessageCompose" | "OnMessageRecipientsChanged"): Promise<void> {
    const declared = this.env.manifest.launchEvents[event];
    if (!declared) return;
    const outcome = await this.runtime.queue(declared.functionName, EVENT_TYPES[event], HANDLER_LIMIT_MS);
    if (outcome)
      this.note(
        `${event}: ${outcome.completed ? `completed in ${Math.round(outcome.elapsedMs)} ms` : "never completed"}`,
      );
  }

  // ---- Sending --------------------------------------------------------------------------------

  async send(): Promise<void> {
    const draft = this.draft;
    if (!draft || this.state.sending !== "idle") return;
    const declared = this.env.manifest.launchEvents.OnMessageSend;
    if (!declared) return this.deliver(draft);
    this.update({ sending: "checking", alert: null });
    const outcome = await this.runtime.run<{
      allowEvent?: boolean;
      errorMessage?: string;
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
    const promptUser = declared.sendMode === "PromptUser" || options.sendModeOverride === "promptUser";
    this.update({
      sending: "idle",
      alert: {
        message: outcome.completed
          ? (options.errorMessage ?? "The add-in stopped this message.")
          : "Reach Guard did not answer, so this message was not sent.",
        takeAction:
          outcome.completed && options.commandId === this.env.manifest.taskPaneButton?.id
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

  /** An info bar action or the alert's button: opens the task pane its commandId names. */
  runCommand(commandId: string): void {
    if (commandId === this.env.manifest.taskPaneButton?.id) this.openTaskPane();
  }

  setMailboxVersion(version: string): void {
    this.update({ mailboxVersion: version });
  }

  async setFault(name: keyof PlaygroundFaults, on: boolean): Promise<void> {
    const faults = { ...this.state.faults, [name]: on };
    this.update({ faults });
    if (name !== "noToken") await this.env.applyFaults(faults);
  }

  // ---- HostBridge: what the add-in's frames see ------------------------------------------------

  hasItem(): boolean {
    return this.draft !== null;
  }

  item(operation: ItemOperation, reply: (answer: HostAnswer) => void): void {
    const answer: HostAnswer = this.draft
      ? this.draft.run(operation)
      : { ok: false, error: { code: 9000, name: "ItemNotFound", message: "No message is being composed." } };
    setTimeout(() => reply(answer), 0);
  }

  userProfile() {
    return { ...this.env.user, timeZone: "GMT Standard Time" };
  }

  supportsMailbox(version: string): boolean {
    return compareVersions(version, this.state.mailboxVersion) <= 0;
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
    const response = this.broker.handle(request);
    setTimeout(() => reply(response), 0);
  }

  frameLoaded(kind: FrameKind): void {
    if (kind === "events") this.runtime.markLoaded();
  }
}
