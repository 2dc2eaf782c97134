// The sender's confirmation, kept under its own sessionData key and written only by the task pane
// (acknowledgeDraft). Checks run in the background and may finish out of order; were the
// confirmation part of their state, a slow check's save could overwrite one given while it ran.
// With its own key, nothing a check saves can ever drop it.

export const ACK_KEY = "reachGuard.ack";
/**
 * sessionData allows 50,000 characters per add-in per item (SESSION_DATA_LIMIT, src/office/outlook-rules.ts), keys and values of every key together.
 * The record is about 100 characters (a fingerprint, a time and a counter); this ceiling, with the
 * check's state capped at SESSION_LIMIT, keeps both keys together within that (a test adds them up).
 */
export const ACK_LIMIT = 1_000;

export interface Acknowledgement {
  /** The recipient fingerprint the sender confirmed; any change to the recipients voids it. */
  readonly fingerprint: string;
  readonly at: string;
  /**
   * Counts the confirmations given on this draft, so that a new one differs from one a change of
   * recipients voided even when the clock has not moved (see ItemState.voided).
   */
  readonly sequence: number;
}

export function encodeAcknowledgement(ack: Acknowledgement): string {
  return JSON.stringify({ v: 1, fp: ack.fingerprint, at: ack.at, n: ack.sequence });
}

/** The confirmation in `text`, or null when it is absent or not readable: never throws. */
export function decodeAcknowledgement(text: string | null): Acknowledgement | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as unknown;
    if (typeof raw !== "object" || raw === null) return null;
    const { v, fp, at, n } = raw as Record<string, unknown>;
    if (v !== 1 || typeof fp !== "string" || fp === "" || typeof at !== "string") return null;
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) return null;
    return { fingerprint: fp, at, sequence: n };
  } catch {
    return null;
  }
}

/** Names one confirmation, so that the check's state can record that it was voided. */
export function acknowledgementId(ack: Acknowledgement): string {
  return `${ack.sequence}/${ack.fingerprint}/${ack.at}`;
}

/** The confirmation was given for exactly this recipient set. */
export function isAcknowledged(ack: Acknowledgement | null, fingerprint: string): boolean {
  return ack !== null && ack.fingerprint === fingerprint;
}
