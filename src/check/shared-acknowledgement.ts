import {
  ACK_KEY,
  ACK_LIMIT,
  decodeAcknowledgement,
  encodeAcknowledgement,
  type Acknowledgement,
} from "./acknowledgement";
import type { SessionData } from "./session-store";

// On Mac the event runtime and the task pane do not share sessionData: Microsoft documents
// localStorage as the way to share data between them there (docs/testing/runtimes.md), and
// sessionData on Windows. The sender's confirmation is therefore mirrored into localStorage on Mac,
// and read back from whichever of the two holds the newer one, behind the same SessionData shape,
// so the handlers and the draft check read it as they always have.
//
// localStorage outlives the draft and is shared by every draft (and every add-in of the same
// origin), so the mirror holds only what the confirmation already is (the recipient fingerprint, a
// SHA-256 digest, a time and a counter: never an address or any message content) and expires soon.
// There is no identifier of an unsaved draft that both runtimes can read, so the mirror is bound to
// the draft by the recipient fingerprint and its expiry: one entry, the latest confirmation. A
// confirmation counts only for the exact recipient set it names; one from another draft is simply
// one that does not match (and is recorded as voided there, which changes nothing here).

/** localStorage key of the mirrored confirmation (localStorage is shared with the whole origin). */
export const ACK_MIRROR_KEY = "reachGuard.ack.shared";
/**
 * How long a mirrored confirmation lasts: long enough to confirm in the pane, finish the message
 * and send, short enough that a later draft to the same people is asked again.
 */
export const ACK_MIRROR_TTL_MS = 15 * 60_000;

/** The part of `window.localStorage` the mirror uses. */
export interface MirrorStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface Mirrored {
  readonly ack: Acknowledgement;
  readonly expires: number;
}

function encodeMirror(ack: Acknowledgement, expires: number): string {
  return JSON.stringify({ v: 1, fp: ack.fingerprint, at: ack.at, n: ack.sequence, exp: expires });
}

function decodeMirror(text: string | null): Mirrored | null {
  if (!text || text.length > ACK_LIMIT) return null;
  try {
    const raw = JSON.parse(text) as unknown;
    if (typeof raw !== "object" || raw === null) return null;
    const { exp, ...rest } = raw as Record<string, unknown>;
    if (typeof exp !== "number" || !Number.isFinite(exp)) return null;
    const ack = decodeAcknowledgement(JSON.stringify(rest));
    return ack ? { ack, expires: exp } : null;
  } catch {
    return null;
  }
}

/** The mirrored confirmation, or null when there is none, it has expired or cannot be read. */
export function readMirroredAcknowledgement(storage: MirrorStorage, now: number): Acknowledgement | null {
  let text: string | null;
  try {
    text = storage.getItem(ACK_MIRROR_KEY);
  } catch {
    return null;
  }
  const mirrored = decodeMirror(text);
  // An expiry further ahead than the mirror ever sets is a damaged or forged entry: not believed.
  if (mirrored && mirrored.expires > now && mirrored.expires <= now + ACK_MIRROR_TTL_MS) return mirrored.ack;
  if (text !== null) {
    try {
      storage.removeItem(ACK_MIRROR_KEY);
    } catch {
      // Left for the next read to try again.
    }
  }
  return null;
}

/** Mirrors `ack`; throws when the browser refuses to store it. */
export function writeMirroredAcknowledgement(
  storage: MirrorStorage,
  ack: Acknowledgement,
  now: number,
): void {
  storage.setItem(ACK_MIRROR_KEY, encodeMirror(ack, now + ACK_MIRROR_TTL_MS));
}

/** The later of two confirmations (by time, then by counter); either may be null. */
export function newerAcknowledgement(
  a: Acknowledgement | null,
  b: Acknowledgement | null,
): Acknowledgement | null {
  if (!a || !b) return a ?? b;
  const at = Date.parse(a.at) - Date.parse(b.at);
  if (Number.isFinite(at) && at !== 0) return at > 0 ? a : b;
  return a.sequence >= b.sequence ? a : b;
}

/**
 * `session` with the confirmation (ACK_KEY) also kept in `storage`: written there first (on Mac the
 * documented way for it to reach the send handler, so a refusal there is a failure), then to
 * sessionData as ever; read from both, the newer winning. Every other key (and a value that is not
 * a confirmation) passes straight through.
 */
export function withAcknowledgementMirror<Item extends SessionData>(
  session: Item,
  storage: MirrorStorage,
  now: () => number = Date.now,
): Item {
  return {
    ...session,
    async getSessionData(key: string) {
      const stored = await session.getSessionData(key);
      if (key !== ACK_KEY) return stored;
      const mirrored = readMirroredAcknowledgement(storage, now());
      const fromSession = decodeAcknowledgement(stored);
      const newer = newerAcknowledgement(fromSession, mirrored);
      if (newer === null) return stored;
      return newer === fromSession ? stored : encodeAcknowledgement(newer);
    },

    async setSessionData(key: string, value: string) {
      const ack = key === ACK_KEY ? decodeAcknowledgement(value) : null;
      if (!ack) {
        await session.setSessionData(key, value);
        return;
      }
      writeMirroredAcknowledgement(storage, ack, now());
      // Stored where the send handler reads it; sessionData is a second copy, which a refusal
      // must not turn into "not saved" when the confirmation will in fact count.
      await session.setSessionData(key, value).catch(() => undefined);
    },
  };
}
