import type { Policy } from "../core/policy";
import type { Decision, RecipientInput } from "../core/types";
import type { Directory } from "../directory/port";
import { evaluate } from "../engine/evaluate";
import { isAcknowledged, loadItemState, saveItemState, type ItemState, type SessionData } from "../session";

// One check of the draft in compose: read sender and recipients, reuse what this draft already
// knows (sessionData), ask the directory only for what is new, decide, and remember the result.
// Shared by the event handlers and the task pane so that both always agree.

/** What a check needs of the draft (src/office/compose-item.ts provides it). */
export interface DraftItem extends SessionData {
  getSender(): Promise<string>;
  getRecipients(): Promise<RecipientInput[]>;
}

export interface DraftCheck {
  readonly decision: Decision;
  readonly state: ItemState;
  /** The sender acknowledged exactly this recipient set. */
  readonly acknowledged: boolean;
  /** Addresses sent to the directory in this check (0 when everything was already known). */
  readonly asked: number;
}

export interface DraftCheckOptions {
  readonly policy: Policy;
  readonly directory: Directory;
  readonly deadlineAt: number;
  /** At send: decide an always-blocked list without asking Graph. */
  readonly skipDirectoryWhenPolicyBlocks?: boolean;
}

export async function checkDraft(item: DraftItem, options: DraftCheckOptions): Promise<DraftCheck> {
  const [sender, recipients, previous] = await Promise.all([
    item.getSender(),
    item.getRecipients(),
    loadItemState(item),
  ]);
  const { decision, answers, asked } = await evaluate(
    { sender, recipients },
    {
      directory: options.directory,
      policy: options.policy,
      deadlineAt: options.deadlineAt,
      known: previous.answers,
      ...(options.skipDirectoryWhenPolicyBlocks ? { skipDirectoryWhenPolicyBlocks: true } : {}),
    },
  );
  // Asking the directory can take seconds, and meanwhile the sender may have confirmed in the task
  // pane: read the state again, so that a fresh acknowledgement of these recipients is kept.
  const latest = asked > 0 ? await loadItemState(item) : previous;
  const confirmed = isAcknowledged(latest, decision.fingerprint) ? latest : previous;
  const acknowledged = isAcknowledged(confirmed, decision.fingerprint);
  const current = new Set(decision.recipients.map((recipient) => recipient.address));
  const state: ItemState = {
    fingerprint: decision.fingerprint,
    // Only what these recipients need: a removed list's size is not carried along.
    answers: new Map([...answers].filter(([address]) => current.has(address))),
    verdict: decision.verdict,
    // A changed recipient set voids the acknowledgement.
    acknowledgement: acknowledged ? confirmed.acknowledgement : null,
  };
  await saveItemState(item, state);
  return { decision, state, acknowledged, asked };
}

/** Records the sender's acknowledgement of `decision` for this draft. */
export async function acknowledgeDraft(
  item: SessionData,
  decision: Decision,
  now: Date = new Date(),
): Promise<boolean> {
  const previous = await loadItemState(item);
  return saveItemState(item, {
    ...previous,
    acknowledgement: { fingerprint: decision.fingerprint, at: now.toISOString() },
  });
}
