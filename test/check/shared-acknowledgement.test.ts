import { ACK_KEY, encodeAcknowledgement, type Acknowledgement } from "../../src/check/acknowledgement";
import { loadAcknowledgement, saveAcknowledgement } from "../../src/check/session-store";
import { MemoryDraft } from "../../src/office/memory-draft";
import {
  ACK_MIRROR_KEY,
  ACK_MIRROR_TTL_MS,
  newerAcknowledgement,
  readMirroredAcknowledgement,
  withAcknowledgementMirror,
  type MirrorStorage,
} from "../../src/check/shared-acknowledgement";

// On Mac the event runtime and the task pane share localStorage, not sessionData
// (docs/testing/runtimes.md): the confirmation must reach the send handler through it.

const FP = "a".repeat(64);
const OTHER_FP = "b".repeat(64);
const T0 = Date.parse("2026-11-27T09:00:00.000Z");

/** localStorage as the browser has it, shared by every runtime of the origin. */
class FakeStorage implements MirrorStorage {
  values = new Map<string, string>();
  refuse = false;
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.refuse) throw new Error("QuotaExceededError");
    this.values.set(key, value);
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
}

/** One runtime's own sessionData: on Mac, the pane's and the event runtime's are not the same. */
const runtimeSession = () => new MemoryDraft("dr.amelia.hart@example.org");

const ack = (fingerprint = FP, sequence = 1, at = new Date(T0).toISOString()): Acknowledgement => ({
  fingerprint,
  at,
  sequence,
});

function macRuntimes(now = () => T0) {
  const storage = new FakeStorage();
  const paneSession = runtimeSession();
  const eventSession = runtimeSession();
  return {
    storage,
    paneSession,
    eventSession,
    pane: withAcknowledgementMirror(paneSession, storage, now),
    events: withAcknowledgementMirror(eventSession, storage, now),
  };
}

describe("a confirmation given in the pane on Mac", () => {
  it("reaches the send handler, whose sessionData never saw it", async () => {
    const { pane, events, eventSession } = macRuntimes();
    expect(await saveAcknowledgement(pane, ack())).toBe(true);
    expect(eventSession.sessionData.size).toBe(0);
    await expect(loadAcknowledgement(events)).resolves.toEqual(ack());
  });

  it("keeps nothing in localStorage but the fingerprint, a time, a counter and an expiry", async () => {
    const { pane, storage } = macRuntimes();
    await saveAcknowledgement(pane, ack());
    expect([...storage.values.keys()]).toEqual([ACK_MIRROR_KEY]);
    expect(JSON.parse(storage.values.get(ACK_MIRROR_KEY) ?? "")).toEqual({
      v: 1,
      fp: FP,
      at: new Date(T0).toISOString(),
      n: 1,
      exp: T0 + ACK_MIRROR_TTL_MS,
    });
  });

  it("expires, and an expired copy is removed when read", async () => {
    let now = T0;
    const { pane, events, storage } = macRuntimes(() => now);
    await saveAcknowledgement(pane, ack());
    now = T0 + ACK_MIRROR_TTL_MS - 1;
    await expect(loadAcknowledgement(events)).resolves.toEqual(ack());
    now = T0 + ACK_MIRROR_TTL_MS;
    await expect(loadAcknowledgement(events)).resolves.toBeNull();
    expect(storage.values.size).toBe(0);
  });

  it("is not believed with an expiry further ahead than the mirror ever sets", () => {
    const storage = new FakeStorage();
    storage.setItem(
      ACK_MIRROR_KEY,
      JSON.stringify({ v: 1, fp: FP, at: "2026-11-27T09:00:00.000Z", n: 1, exp: T0 + 365 * 86_400_000 }),
    );
    expect(readMirroredAcknowledgement(storage, T0)).toBeNull();
  });

  it.each([["not json"], ["{}"], ['{"v":1,"fp":"","at":"x","n":1,"exp":1e15}'], ["x".repeat(2_000)]])(
    "a damaged copy (%#) reads as none and is cleared",
    (text) => {
      const storage = new FakeStorage();
      storage.setItem(ACK_MIRROR_KEY, text);
      expect(readMirroredAcknowledgement(storage, T0)).toBeNull();
      expect(storage.values.size).toBe(0);
    },
  );

  it("is not saved when localStorage refuses it, and nothing says otherwise", async () => {
    const { pane, events, storage, paneSession } = macRuntimes();
    storage.refuse = true;
    expect(await saveAcknowledgement(pane, ack())).toBe(false);
    expect(paneSession.sessionData.size).toBe(0);
    await expect(loadAcknowledgement(events)).resolves.toBeNull();
  });

  it("counts when sessionData refuses its copy, since the send handler reads localStorage", async () => {
    const { pane, events, paneSession } = macRuntimes();
    paneSession.refuseSessionData = true;
    expect(await saveAcknowledgement(pane, ack())).toBe(true);
    await expect(loadAcknowledgement(events)).resolves.toEqual(ack());
    await expect(loadAcknowledgement(pane)).resolves.toEqual(ack());
  });

  it("the newer of sessionData's and localStorage's copies wins", async () => {
    const { pane, paneSession, storage } = macRuntimes();
    await saveAcknowledgement(pane, ack(FP, 1));
    // Another draft confirmed since, on this Mac: its copy is the newer one in localStorage.
    const later = ack(OTHER_FP, 1, new Date(T0 + 60_000).toISOString());
    await saveAcknowledgement(
      withAcknowledgementMirror(runtimeSession(), storage, () => T0),
      later,
    );
    await expect(loadAcknowledgement(pane)).resolves.toEqual(later);
    // Then this draft confirmed again: its own copy is newer.
    const again = ack(FP, 2, new Date(T0 + 120_000).toISOString());
    await saveAcknowledgement(pane, again);
    expect(paneSession.sessionData.get(ACK_KEY)).toBe(encodeAcknowledgement(again));
    await expect(loadAcknowledgement(pane)).resolves.toEqual(again);
  });

  it("leaves every other key to sessionData alone", async () => {
    const { pane, paneSession, storage } = macRuntimes();
    await pane.setSessionData("reachGuard", '{"v":1}');
    await expect(pane.getSessionData("reachGuard")).resolves.toBe('{"v":1}');
    expect(paneSession.sessionData.get("reachGuard")).toBe('{"v":1}');
    expect(storage.values.size).toBe(0);
  });
});

describe("newerAcknowledgement", () => {
  it("orders by time, then by counter, and takes either when one is missing", () => {
    const early = ack(FP, 5, "2026-11-27T09:00:00.000Z");
    const late = ack(FP, 1, "2026-11-27T09:00:01.000Z");
    expect(newerAcknowledgement(early, late)).toBe(late);
    expect(newerAcknowledgement(late, early)).toBe(late);
    expect(newerAcknowledgement(ack(FP, 2), ack(FP, 3))).toEqual(ack(FP, 3));
    expect(newerAcknowledgement(null, early)).toBe(early);
    expect(newerAcknowledgement(early, null)).toBe(early);
    expect(newerAcknowledgement(null, null)).toBeNull();
  });
});
