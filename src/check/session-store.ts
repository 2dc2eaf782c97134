import {
  ACK_KEY,
  ACK_LIMIT,
  decodeAcknowledgement,
  encodeAcknowledgement,
  type Acknowledgement,
} from "./acknowledgement";
import { decodeItemState, encodeItemState, SESSION_KEY, type ItemState } from "./item-state";

/** The part of a compose item that holds per-item session data (see src/office/compose-item.ts). */
export interface SessionData {
  getSessionData(key: string): Promise<string | null>;
  setSessionData(key: string, value: string): Promise<void>;
}

/** Reads the draft's state; a failing or empty sessionData gives the empty state. */
export async function loadItemState(item: SessionData): Promise<ItemState> {
  try {
    return decodeItemState(await item.getSessionData(SESSION_KEY));
  } catch {
    return decodeItemState(null);
  }
}

/** Saves the draft's state; resolves false when Outlook refused (the next handler starts afresh). */
export async function saveItemState(item: SessionData, state: ItemState): Promise<boolean> {
  try {
    await item.setSessionData(SESSION_KEY, encodeItemState(state));
    return true;
  } catch {
    return false;
  }
}

/** Reads the sender's confirmation; a failing or empty sessionData gives none. */
export async function loadAcknowledgement(item: SessionData): Promise<Acknowledgement | null> {
  try {
    return decodeAcknowledgement(await item.getSessionData(ACK_KEY));
  } catch {
    return null;
  }
}

/** Saves the sender's confirmation; resolves false when Outlook refused or it would not fit. */
export async function saveAcknowledgement(item: SessionData, ack: Acknowledgement): Promise<boolean> {
  const text = encodeAcknowledgement(ack);
  // Only a fingerprint far longer than the core makes could do this; refusing keeps the budget whole.
  if (text.length > ACK_LIMIT) return false;
  try {
    await item.setSessionData(ACK_KEY, text);
    return true;
  } catch {
    return false;
  }
}
