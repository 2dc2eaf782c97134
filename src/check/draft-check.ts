import { recipientsFingerprint } from "../core/decide";
import type { Policy } from "../core/policy";
import { FIELDS, type Conversation, type Decision, type Field, type RecipientInput } from "../core/types";
import type { Directory, ThreadReader } from "../directory/port";
import { settleBy } from "../kit/deadline";
import { evaluate, type CatalogueSize } from "./evaluate";
import { acknowledgementId, isAcknowledged, type Acknowledgement } from "./acknowledgement";
import type { ItemState } from "./item-state";
import {
  loadAcknowledgement,
  loadItemState,
  saveAcknowledgement,
  saveItemState,
  type SessionData,
} from "./session-store";

// One check of the draft in compose: read sender and recipients, reuse what this draft already
// knows (sessionData), ask the directory only for what is new, decide, and remember the result.
// Shared by the event handlers and the task pane so that both always agree.
//
// Checks run in the background and may finish out of order. Two rules keep a late one harmless:
// a check never writes the sender's confirmation (it has its own key, written by acknowledgeDraft
// alone), and a check that finds the recipients changed while it waited saves nothing.

/** What a check needs of the draft (src/office/compose-item.ts provides it). */
export interface DraftItem extends SessionData {
  getSender(): Promise<string>;
  /** The signed-in user's mailbox, for which the directory judges delivery restrictions. */
  getSignedIn(): Promise<string>;
  getRecipients(): Promise<RecipientInput[]>;
  /**
   * The most recipients Outlook returns per field (`recipients.getAsync`: 100, 500 or 1,000 by
   * client); a field holding that many may hold more. Absent: no cap is known.
   */
  recipientCap?(): number;
  /** The thread the draft belongs to, for incidents. Absent: no incident can match by it. */
  getConversation?(): Promise<Conversation>;
}

/** Fields that reached Outlook's cap, so that Outlook may not have listed them whole. */
export function partialFields(recipients: readonly RecipientInput[], cap: number | null): Field[] {
  if (cap === null || !(cap > 0)) return [];
  return FIELDS.filter((field) => recipients.filter((recipient) => recipient.field === field).length >= cap);
}

/** The draft's thread, or none when Outlook fails or has not said by the deadline. */
function conversationOf(
  item: DraftItem,
  deadlineAt: number,
  now: () => number,
): Promise<Conversation | null> {
  return item.getConversation
    ? settleBy(deadlineAt, () => item.getConversation!(), null, now)
    : Promise.resolve(null);
}

function capOf(item: DraftItem): number | null {
  try {
    return item.recipientCap ? item.recipientCap() : null;
  } catch {
    return null;
  }
}

export interface DraftCheck {
  readonly decision: Decision;
  /** What the check saved; when `stale`, what it would have saved. */
  readonly state: ItemState;
  /** The sender acknowledged exactly this recipient set. */
  readonly acknowledged: boolean;
  /** Addresses sent to the directory in this check (0 when everything was already known). */
  readonly asked: number;
  /**
   * The recipients changed while the check waited (or could not be read again to tell): `decision`
   * and `acknowledged` are for the set read at the start, which the draft may no longer have, and
   * nothing was saved. A newer check has the say.
   */
  readonly stale: boolean;
}

export interface DraftCheckOptions {
  readonly policy: Policy;
  readonly directory: Directory;
  readonly deadlineAt: number;
  /** At send: decide an always-blocked list without asking Graph. */
  readonly skipDirectoryWhenPolicyBlocks?: boolean;
  /** The admin's reach catalogue: sizes for lists the directory cannot answer for (./evaluate.ts). */
  readonly catalogue?: ReadonlyMap<string, CatalogueSize>;
  /** Reads a reply's thread for the storm check (./evaluate.ts). */
  readonly threads?: ThreadReader;
  readonly now?: () => number;
}

/**
 * A check that took longer than this, without asking the directory, waited on Outlook itself, long
 * enough for the sender to have changed the recipients. Outlook's own calls take milliseconds.
 */
export const RECHECK_AFTER_MS = 200;

interface Observation {
  readonly ack: Acknowledgement | null;
  readonly recipients: RecipientInput[];
}

/**
 * The confirmation, then the recipients, in that order. A confirmation that does not match
 * recipients read after it existed was overtaken by a change, and may be voided; read the other way
 * round, one given for a newer set during the read could be voided by mistake.
 */
async function observe(item: DraftItem): Promise<Observation> {
  const ack = await loadAcknowledgement(item);
  return { ack, recipients: await item.getRecipients() };
}

export async function checkDraft(item: DraftItem, options: DraftCheckOptions): Promise<DraftCheck> {
  const now = options.now ?? Date.now;
  const started = now();
  const [sender, signedIn, previous, first, conversation] = await Promise.all([
    item.getSender(),
    item.getSignedIn().catch(() => null),
    loadItemState(item),
    observe(item),
    conversationOf(item, options.deadlineAt, now),
  ]);
  const partial = partialFields(first.recipients, capOf(item));
  const { decision, answers, asked } = await evaluate(
    {
      sender,
      recipients: first.recipients,
      ...(signedIn ? { signedIn } : {}),
      ...(partial.length ? { partialFields: partial } : {}),
      ...(conversation ? { conversation } : {}),
      // The time incidents expire against: the check's own clock, so the core stays pure.
      checkedAt: started,
    },
    {
      directory: options.directory,
      policy: options.policy,
      deadlineAt: options.deadlineAt,
      known: previous.answers,
      ...(options.skipDirectoryWhenPolicyBlocks ? { skipDirectoryWhenPolicyBlocks: true } : {}),
      ...(options.catalogue ? { catalogue: options.catalogue } : {}),
      ...(options.threads ? { threads: options.threads } : {}),
      now,
    },
  );
  const outcome = (state: ItemState, seen: Observation, stale: boolean): DraftCheck => {
    const { ack } = seen;
    // Once the recipients have left the confirmed set, that confirmation stays void, even if they
    // come back to it: the sender confirmed what they saw, not a set they later changed.
    const voided =
      ack === null
        ? state.voided
        : !isAcknowledged(ack, decision.fingerprint) || state.voided === acknowledgementId(ack)
          ? acknowledgementId(ack)
          : null;
    const current = new Set(decision.recipients.map((recipient) => recipient.address));
    return {
      decision,
      state: {
        fingerprint: decision.fingerprint,
        // Only what these recipients need: a removed list's size is not carried along.
        answers: new Map([...answers].filter(([address]) => current.has(address))),
        verdict: decision.verdict,
        voided,
      },
      acknowledged: isAcknowledged(ack, decision.fingerprint) && voided === null,
      asked,
      stale,
    };
  };

  // The directory can take seconds, and Outlook itself can be slow: meanwhile the recipients may
  // have changed, or the sender confirmed in the pane. Look again before saving. A check that
  // waited on neither has only Outlook's quick reads behind it, so it skips the second look: the
  // common case (a send after composing, everything known) stays one pass of reads.
  if (asked === 0 && now() - started <= RECHECK_AFTER_MS) {
    const result = outcome(previous, first, false);
    await saveItemState(item, result.state);
    return result;
  }
  const [latest, again] = await Promise.all([loadItemState(item), observe(item).catch(() => null)]);
  // Recipients that cannot be read again cannot be shown to be unchanged.
  const changed = again === null || recipientsFingerprint(again.recipients) !== decision.fingerprint;
  // A late check must not overwrite what a newer one saved for the recipients there are now.
  if (changed) return outcome(previous, first, true);
  const result = outcome(latest, again, false);
  await saveItemState(item, result.state);
  return result;
}

/** Records the sender's acknowledgement of `decision` for this draft. */
export async function acknowledgeDraft(
  item: SessionData,
  decision: Decision,
  now: Date = new Date(),
): Promise<boolean> {
  const previous = await loadAcknowledgement(item);
  return saveAcknowledgement(item, {
    fingerprint: decision.fingerprint,
    at: now.toISOString(),
    sequence: (previous?.sequence ?? 0) + 1,
  });
}
