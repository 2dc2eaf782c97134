import { readStoredEntry } from "../core/stored-entry";
import type { DirectoryAnswer, DirectoryEntry, Verdict } from "../core/types";
import { ACK_LIMIT } from "./acknowledgement";

// What the checks remember about one draft while it is composed, kept in the item's sessionData
// so that the event handlers and the task pane share it on every platform (OfficeRuntime.storage is
// not shared per item). It holds directory answers (address -> size) for one recipient set: no
// message text, no tokens. The sender's confirmation lives under its own key (./acknowledgement.ts),
// which checks never write. sessionData allows 50,000 characters per add-in per item, all keys
// together: this state stays within SESSION_LIMIT, leaving room for the confirmation (ACK_LIMIT).

export const SESSION_KEY = "reachGuard";
export const SESSION_LIMIT = 45_000;

export interface ItemState {
  /** The recipient set `answers` and `verdict` were worked out for. */
  readonly fingerprint: string;
  readonly answers: ReadonlyMap<string, DirectoryAnswer>;
  readonly verdict: Verdict | null;
  /**
   * The confirmation (acknowledgementId) that the recipients have since moved away from. Recorded
   * here, by the checks, because the confirmation's own key is the pane's alone; it keeps a
   * confirmation from coming back when the recipients return to the confirmed set.
   */
  readonly voided: string | null;
}

export const EMPTY_STATE: ItemState = {
  fingerprint: "",
  answers: new Map(),
  verdict: null,
  voided: null,
};

/** `p`, `e`, `l,<members>,<external or ->,<restricted 0/1>,<moderated 0/1>`, `u,<cause>`. */
function encodeEntry(entry: DirectoryEntry): string {
  switch (entry.kind) {
    case "person":
      return "p";
    case "external":
      return "e";
    case "list":
      return `l,${entry.members},${entry.externalMembers ?? "-"},${entry.restricted ? 1 : 0},${entry.moderated ? 1 : 0}`;
    case "unknown":
      return `u,${entry.cause}`;
  }
}

/** Digits only: Number() reads "", " " and "1e3" as numbers, which would turn a damaged size into a small list. */
function digits(text: string | undefined): number {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** What encodeEntry wrote back as an entry, checked as every stored entry is (../core/stored-entry). */
function decodeEntry(code: unknown): DirectoryEntry | null {
  if (code === "p") return { kind: "person" };
  if (code === "e") return { kind: "external" };
  if (typeof code !== "string") return null;
  const [kind, ...parts] = code.split(",");
  if (kind === "u" && parts.length === 1) return readStoredEntry({ kind: "unknown", cause: parts[0] });
  if (kind === "l" && parts.length === 4) {
    const [members, external, restricted, moderated] = parts;
    const flag = (text: string | undefined) => (text === "1" ? true : text === "0" ? false : undefined);
    return readStoredEntry({
      kind: "list",
      members: digits(members),
      externalMembers: external === "-" ? null : digits(external),
      restricted: flag(restricted),
      moderated: flag(moderated),
    });
  }
  return null;
}

export function encodeItemState(state: ItemState): string {
  const all = [...state.answers].map(([address, answer]) => [address, encodeEntry(answer.entry)] as const);
  const encode = (answers: readonly (readonly [string, string])[]) =>
    JSON.stringify({
      v: 1,
      fp: state.fingerprint,
      verdict: state.verdict,
      voided: state.voided,
      answers: Object.fromEntries(answers),
    });
  let text = encode(all);
  // Too big for sessionData: people are cheap to look up again (and cached), lists are what matter.
  if (text.length > SESSION_LIMIT) text = encode(all.filter(([, code]) => code !== "p" && code !== "e"));
  if (text.length > SESSION_LIMIT) text = encode([]);
  return text;
}

/** The state in `text`, or the empty state when it is absent or not readable: never throws. */
export function decodeItemState(text: string | null): ItemState {
  if (!text) return EMPTY_STATE;
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (raw.v !== 1 || typeof raw.fp !== "string") return EMPTY_STATE;
    const answers = new Map<string, DirectoryAnswer>();
    const stored =
      typeof raw.answers === "object" && raw.answers !== null ? (raw.answers as Record<string, unknown>) : {};
    for (const [address, code] of Object.entries(stored)) {
      const entry = decodeEntry(code);
      // Remembered answers count as cached ones: they came from Graph earlier in this draft.
      if (entry) answers.set(address, { entry, source: "cache" });
    }
    // An `ack` field here is from the version that kept the confirmation in this key: it is ignored,
    // so a draft confirmed before an update is asked to confirm again (the safe way round).
    const voided = typeof raw.voided === "string" && raw.voided.length <= ACK_LIMIT ? raw.voided : null;
    const verdict =
      raw.verdict === "allow" || raw.verdict === "warn" || raw.verdict === "block" ? raw.verdict : null;
    return { fingerprint: raw.fp, answers, verdict, voided };
  } catch {
    return EMPTY_STATE;
  }
}
