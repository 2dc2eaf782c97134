import { DEFAULT_POLICY, type Policy } from "../core/policy";
import { checkWhileComposing, showWarning, type WarnableItem } from "../check/compose-warning";
import { SEND_HARD_LIMIT_MS, COMPOSE_DEADLINE_MS } from "../check/deadlines";
import { checkDraft } from "../check/draft-check";
import type { Settings } from "../app/settings";
import type { Directory, ThreadReader } from "../directory/port";
import { wordsFor, type Words } from "../present/words";
import { unavailableDirectory } from "../directory/unavailable";
import { guardCompletion, type CompletableEvent } from "../check/completion";
import {
  failedCheckCompletion,
  HEADER_NAME,
  sendPlanFor,
  uncheckedHeaderFor,
  uncheckedVerdict,
  withoutNewerOptions,
  type SendCompletion,
} from "../check/outcome";

// The three launch-event handlers, written against small interfaces so that tests and the
// playground drive the very same code Outlook runs. The entry (./index.ts) binds them to Office.js.

/** What the handlers need of the draft (src/office/compose-item.ts provides it). */
export interface EventItem extends WarnableItem {
  setInternetHeaders(headers: Readonly<Record<string, string>>): Promise<void>;
  removeInternetHeaders(names: readonly string[]): Promise<void>;
}

export interface HandlerDeps {
  item(): EventItem;
  /** `send` prefers the saved copy, to keep the decision fast. */
  loadSettings(moment: "compose" | "send"): Promise<Settings>;
  /** `send` remembers an outage and does not wait for Graph again; `compose` probes for recovery. */
  directory(settings: Settings, moment: "compose" | "send"): Directory;
  /** Reads a reply's thread for the storm check; absent, or failing to build: no storm check. */
  threads?(settings: Settings, moment: "compose" | "send"): ThreadReader;
  /** Mailbox requirement sets, detected at run time (Office.context.requirements). */
  supportsMailbox(version: string): boolean;
  /** The words in Outlook's display language; British English when absent. */
  words?: () => Words;
  now?: () => number;
}

export interface Handlers {
  onMessageCompose(event: CompletableEvent<undefined>): Promise<void>;
  onMessageRecipientsChanged(event: CompletableEvent<undefined>): Promise<void>;
  /** A shared or delegated From changes who may post where, and who is a broadcaster (Mailbox 1.13). */
  onMessageFromChanged(event: CompletableEvent<undefined>): Promise<void>;
  onMessageSend(event: CompletableEvent<SendCompletion>): Promise<void>;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const now = deps.now ?? Date.now;
  const words = (): Words => {
    try {
      return deps.words ? deps.words() : wordsFor("en-GB");
    } catch {
      return wordsFor("en-GB");
    }
  };

  async function refreshInfoBar(event: CompletableEvent<undefined>): Promise<void> {
    const completion = guardCompletion(event, COMPOSE_DEADLINE_MS + 2000, () => undefined);
    try {
      const settings = await deps.loadSettings("compose");
      const item = deps.item();
      const check = await checkWhileComposing(item, {
        policy: settings.policy,
        directory: directoryFor(settings, "compose"),
        ...(settings.catalogue ? { catalogue: settings.catalogue.lists } : {}),
        ...threadsFor(settings, "compose"),
        now,
      });
      await showWarning(item, check, words());
      // The warning is shown; classic Outlook ends this runtime at completion, so a catalogue
      // download begun by this load (at most every few hours) is let finish first.
      await settings.catalogueRefresh;
    } catch {
      // The early warning is a courtesy: the send check still runs. Nothing to tell the user here.
    } finally {
      completion.complete();
    }
  }

  /** The directory for these settings; one that cannot be built answers "unavailable" instead. */
  function directoryFor(settings: Settings, moment: "compose" | "send"): Directory {
    try {
      return deps.directory(settings, moment);
    } catch {
      return unavailableDirectory();
    }
  }

  /** The thread reader, as an option to spread; none when it is absent or cannot be built. */
  function threadsFor(settings: Settings, moment: "compose" | "send"): { threads?: ThreadReader } {
    try {
      return deps.threads ? { threads: deps.threads(settings, moment) } : {};
    } catch {
      return {};
    }
  }

  async function onMessageSend(event: CompletableEvent<SendCompletion>): Promise<void> {
    const started = now();
    const newerAlerts = deps.supportsMailbox("1.14");
    const said = words();
    let policy: Policy = DEFAULT_POLICY;
    const completion = guardCompletion<SendCompletion>(
      event,
      SEND_HARD_LIMIT_MS,
      () => failedCheckCompletion(uncheckedVerdict(policy), newerAlerts, said),
      withoutNewerOptions,
    );
    let item: EventItem | null = null;
    let unchecked: Promise<void> | null = null;
    // The header is for audit; failing to write it must not change what the user may do.
    const stamp = (write: () => Promise<void>): Promise<void> => write().catch(() => undefined);
    const markUnchecked = (draft: EventItem) =>
      stamp(() => draft.setInternetHeaders({ [HEADER_NAME]: uncheckedHeaderFor(policy) }));
    try {
      const draft = deps.item();
      item = draft;
      // Until the check decides, the draft says it was not checked: if the hard stop lets it go, or
      // "Send Anyway" does after a failure, the mail-flow rule still sees that it left unchecked.
      // Written first, with the verdict the hard stop would give, then again if the policy differs.
      unchecked = markUnchecked(draft);
      const settings = await deps.loadSettings("send");
      const before = uncheckedHeaderFor(policy);
      policy = settings.policy;
      if (uncheckedHeaderFor(policy) !== before) unchecked = unchecked.then(() => markUnchecked(draft));
      const check = await checkDraft(draft, {
        policy,
        directory: directoryFor(settings, "send"),
        deadlineAt: started + policy.sendTimeoutMs,
        skipDirectoryWhenPolicyBlocks: true,
        ...(settings.catalogue ? { catalogue: settings.catalogue.lists } : {}),
        ...threadsFor(settings, "send"),
      });
      const plan = sendPlanFor(check.decision, check.acknowledged, policy, newerAlerts, said);
      // In order: the decided header must land after the provisional one, never under it.
      await unchecked;
      if (completion.done) return;
      await stamp(() =>
        plan.header
          ? draft.setInternetHeaders({ [HEADER_NAME]: plan.header })
          : draft.removeInternetHeaders([HEADER_NAME]),
      );
      completion.complete(plan.completion);
    } catch {
      // The check broke, yet the message may still go ("Send Anyway", or a policy that allows): it
      // carries the header that says it left unchecked.
      if (item && !completion.done) await (unchecked ?? markUnchecked(item));
      completion.complete(failedCheckCompletion(uncheckedVerdict(policy), newerAlerts, said));
    }
  }

  return {
    onMessageCompose: refreshInfoBar,
    onMessageRecipientsChanged: refreshInfoBar,
    onMessageFromChanged: refreshInfoBar,
    onMessageSend,
  };
}
