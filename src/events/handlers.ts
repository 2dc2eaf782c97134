import { DEFAULT_POLICY, type Policy } from "../core/policy";
import type { DraftItem } from "../app/draft-check";
import { checkDraft } from "../app/draft-check";
import type { Settings } from "../app/settings";
import type { Directory } from "../directory/port";
import { guardCompletion, type CompletableEvent } from "./completion";
import {
  failedCheckCompletion,
  HEADER_NAME,
  INFO_BAR_KEY,
  infoBarFor,
  sendPlanFor,
  withoutNewerOptions,
  type SendCompletion,
} from "./outcome";

// The three launch-event handlers, written against small interfaces so that tests and the
// playground drive the very same code Outlook runs. The entry (./index.ts) binds them to Office.js.

/** What the handlers need of the draft (src/office/compose-item.ts provides it). */
export interface EventItem extends DraftItem {
  showInfoBar(
    key: string,
    bar: { readonly message: string; readonly actionText: string | null },
  ): Promise<void>;
  removeInfoBar(key: string): Promise<void>;
  setInternetHeaders(headers: Readonly<Record<string, string>>): Promise<void>;
  removeInternetHeaders(names: readonly string[]): Promise<void>;
}

export interface HandlerDeps {
  item(): EventItem;
  /** `send` prefers the saved copy, to keep the decision fast. */
  loadSettings(moment: "compose" | "send"): Promise<Settings>;
  directory(settings: Settings): Directory;
  /** Mailbox requirement sets, detected at run time (Office.context.requirements). */
  supportsMailbox(version: string): boolean;
  now?: () => number;
}

/** While composing nothing waits on the check, so it may take longer than at send. */
export const COMPOSE_DEADLINE_MS = 8000;
/** The last moment a send decision may come: Outlook says "taking longer than expected" at 5 s. */
export const SEND_HARD_LIMIT_MS = 4600;

export interface Handlers {
  onMessageCompose(event: CompletableEvent<undefined>): Promise<void>;
  onMessageRecipientsChanged(event: CompletableEvent<undefined>): Promise<void>;
  onMessageSend(event: CompletableEvent<SendCompletion>): Promise<void>;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const now = deps.now ?? Date.now;

  async function refreshInfoBar(event: CompletableEvent<undefined>): Promise<void> {
    const completion = guardCompletion(event, COMPOSE_DEADLINE_MS + 2000, () => undefined);
    try {
      const settings = await deps.loadSettings("compose");
      const item = deps.item();
      const check = await checkDraft(item, {
        policy: settings.policy,
        directory: deps.directory(settings),
        deadlineAt: now() + COMPOSE_DEADLINE_MS,
        now,
      });
      // The recipients changed while it ran: the event for that change brings a current check, and
      // this one's bar (or its removal) would overwrite it.
      if (check.stale) return;
      const { show } = infoBarFor(check.decision, check.acknowledged);
      if (show) await item.showInfoBar(INFO_BAR_KEY, show);
      else await item.removeInfoBar(INFO_BAR_KEY);
    } catch {
      // The early warning is a courtesy: the send check still runs. Nothing to tell the user here.
    } finally {
      completion.complete();
    }
  }

  async function onMessageSend(event: CompletableEvent<SendCompletion>): Promise<void> {
    const started = now();
    const newerAlerts = deps.supportsMailbox("1.14");
    let policy: Policy = DEFAULT_POLICY;
    const completion = guardCompletion<SendCompletion>(
      event,
      SEND_HARD_LIMIT_MS,
      () => failedCheckCompletion(policy.directoryUnavailable, newerAlerts),
      withoutNewerOptions,
    );
    try {
      const settings = await deps.loadSettings("send");
      policy = settings.policy;
      const item = deps.item();
      const check = await checkDraft(item, {
        policy,
        directory: deps.directory(settings),
        deadlineAt: started + policy.sendTimeoutMs,
        skipDirectoryWhenPolicyBlocks: true,
      });
      const plan = sendPlanFor(check.decision, check.acknowledged, policy, newerAlerts);
      if (completion.done) return;
      try {
        if (plan.header) await item.setInternetHeaders({ [HEADER_NAME]: plan.header });
        else await item.removeInternetHeaders([HEADER_NAME]);
      } catch {
        // The header is for audit; failing to write it must not change what the user may do.
      }
      completion.complete(plan.completion);
    } catch {
      completion.complete(failedCheckCompletion(policy.directoryUnavailable, newerAlerts));
    }
  }

  return {
    onMessageCompose: refreshInfoBar,
    onMessageRecipientsChanged: refreshInfoBar,
    onMessageSend,
  };
}
