import { decide } from "../../src/core/decide";
import { parsePolicy, type PolicyInput } from "../../src/core/policy";
import type { Decision, DirectoryAnswer, DirectoryEntry, Field, RecipientInput } from "../../src/core/types";
import type { Directory } from "../../src/directory/port";
import type { Fix, PaneSnapshot, TaskPaneBackend } from "../../src/taskpane/backend";

// Real decisions from the core, and a backend the component tests drive by hand.

export { list } from "../events/fakes";
export const external: DirectoryEntry = { kind: "external" };
export const down: DirectoryEntry = { kind: "unknown", cause: "unavailable" };
export const noToken: DirectoryEntry = { kind: "unknown", cause: "no-token" };

export const SENDER = "dr.amelia.hart@example.org";

/** A decision as the core makes it: addresses not in `entries` are people. */
export function decisionFor(
  fields: Partial<Record<Field, readonly string[]>>,
  entries: Record<string, DirectoryEntry> = {},
  policy: PolicyInput = {},
  sender = SENDER,
): Decision {
  const recipients: RecipientInput[] = [];
  for (const field of ["to", "cc", "bcc"] as const) {
    for (const emailAddress of fields[field] ?? []) recipients.push({ field, emailAddress });
  }
  const answers = new Map<string, DirectoryAnswer>(
    recipients.map(({ emailAddress }) => [
      emailAddress.toLowerCase(),
      { entry: entries[emailAddress] ?? { kind: "person" }, source: "graph" },
    ]),
  );
  return decide({ sender, recipients }, parsePolicy(policy), answers);
}

export function snapshotOf(decision: Decision, extra: Partial<PaneSnapshot> = {}): PaneSnapshot {
  return {
    decision,
    acknowledged: false,
    needsSignIn: false,
    directoryUnavailableVerdict: "warn",
    settingsProblems: [],
    ...extra,
  };
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/**
 * A backend whose evaluations answer with `next` (a snapshot, an error, or a pending promise), and
 * which records every call. `changeRecipients()` plays Office's RecipientsChanged event.
 */
export class FakeBackend implements TaskPaneBackend {
  next: PaneSnapshot | Error | Promise<PaneSnapshot>;
  evaluations = 0;
  fixes: Fix[] = [];
  acknowledged: Decision[] = [];
  signIns = 0;
  fixAnswer: string | Error = "Moved 1 recipient to Bcc.";
  signInAnswer: Error | null = null;
  private listeners = new Set<() => void>();

  constructor(first: PaneSnapshot | Error | Promise<PaneSnapshot>) {
    this.next = first;
  }

  readonly evaluate = jest.fn(async (): Promise<PaneSnapshot> => {
    this.evaluations += 1;
    const next = this.next;
    if (next instanceof Error) throw next;
    return next;
  });

  readonly applyFix = jest.fn(async (fix: Fix): Promise<string> => {
    this.fixes.push(fix);
    if (this.fixAnswer instanceof Error) throw this.fixAnswer;
    return this.fixAnswer;
  });

  readonly acknowledge = jest.fn(async (decision: Decision): Promise<void> => {
    this.acknowledged.push(decision);
  });

  readonly signIn = jest.fn(async (): Promise<void> => {
    this.signIns += 1;
    if (this.signInAnswer) throw this.signInAnswer;
  });

  onRecipientsChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  changeRecipients(next: PaneSnapshot): void {
    this.next = next;
    for (const listener of [...this.listeners]) listener();
  }

  private reopenedListeners = new Set<() => void>();

  onReopened(listener: () => void): () => void {
    this.reopenedListeners.add(listener);
    return () => this.reopenedListeners.delete(listener);
  }

  get reopenedSubscribers(): number {
    return this.reopenedListeners.size;
  }

  /** Outlook opens the pane again (from a Smart Alert or the info bar) while it is open. */
  reopen(next: PaneSnapshot): void {
    this.next = next;
    for (const listener of [...this.reopenedListeners]) listener();
  }
}

/**
 * A directory that holds its first answer until `release()`, as a slow Graph would; later calls
 * go straight to `inner`. `called` resolves once the held call has begun, so a test knows the check
 * has read the recipients and is waiting.
 */
export function heldDirectory(inner: Directory) {
  const gate = deferred<void>();
  const started = deferred<void>();
  let held = false;
  const directory: Directory = {
    async resolve(addresses, options) {
      if (!held) {
        held = true;
        started.resolve();
        await gate.promise;
      }
      return inner.resolve(addresses, options);
    },
  };
  return { directory, called: started.promise, release: () => gate.resolve() };
}
