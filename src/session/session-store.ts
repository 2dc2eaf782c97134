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
