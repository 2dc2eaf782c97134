import { EMPTY_STATE, SESSION_KEY, encodeItemState, type ItemState } from "../../src/check/item-state";
import {
  ACK_KEY,
  ACK_LIMIT,
  encodeAcknowledgement,
  type Acknowledgement,
} from "../../src/check/acknowledgement";
import {
  loadAcknowledgement,
  loadItemState,
  saveAcknowledgement,
  saveItemState,
} from "../../src/check/session-store";
import { MemoryDraft } from "../../src/office/memory-draft";

const STATE: ItemState = {
  fingerprint: "3f9a0c1d2b4e5f60",
  answers: new Map([["everyone@example.org", { entry: { kind: "person" }, source: "cache" }]]),
  verdict: "block",
  voided: null,
};
const ACK: Acknowledgement = { fingerprint: "3f9a0c1d2b4e5f60", at: "2026-11-24T09:30:00.000Z", sequence: 1 };

function sessionData(fail: { read?: boolean; write?: boolean } = {}) {
  const item = new MemoryDraft("dr.amelia.hart@example.org");
  item.failSessionData = fail.read === true;
  item.refuseSessionData = fail.write === true;
  return { item, values: item.sessionData };
}

describe("session store", () => {
  it("saves under its key and loads the same state back", async () => {
    const { item, values } = sessionData();
    await expect(saveItemState(item, STATE)).resolves.toBe(true);
    expect(values.get(SESSION_KEY)).toBe(encodeItemState(STATE));
    await expect(loadItemState(item)).resolves.toEqual(STATE);
  });

  it("loads the empty state when nothing was saved or sessionData cannot be read", async () => {
    await expect(loadItemState(sessionData().item)).resolves.toEqual(EMPTY_STATE);
    await expect(loadItemState(sessionData({ read: true }).item)).resolves.toEqual(EMPTY_STATE);
  });

  it("resolves false, never rejects, when Outlook refuses the write", async () => {
    await expect(saveItemState(sessionData({ write: true }).item, STATE)).resolves.toBe(false);
  });
});

describe("acknowledgement store", () => {
  it("saves under its own key, beside the check's state and never in it", async () => {
    const { item, values } = sessionData();
    await saveItemState(item, STATE);
    await expect(saveAcknowledgement(item, ACK)).resolves.toBe(true);
    expect(values.get(ACK_KEY)).toBe(encodeAcknowledgement(ACK));
    expect(values.get(SESSION_KEY)).toBe(encodeItemState(STATE));
    await expect(loadAcknowledgement(item)).resolves.toEqual(ACK);
    // A check saving its state afterwards leaves the confirmation where it is.
    await saveItemState(item, { ...STATE, verdict: "warn" });
    await expect(loadAcknowledgement(item)).resolves.toEqual(ACK);
  });

  it("loads none when nothing was saved, sessionData cannot be read, or only the old combined key holds one", async () => {
    await expect(loadAcknowledgement(sessionData().item)).resolves.toBeNull();
    await expect(loadAcknowledgement(sessionData({ read: true }).item)).resolves.toBeNull();
    const { item, values } = sessionData();
    values.set(
      SESSION_KEY,
      JSON.stringify({ v: 1, fp: ACK.fingerprint, verdict: "warn", ack: ACK, answers: {} }),
    );
    await expect(loadAcknowledgement(item)).resolves.toBeNull();
  });

  it("resolves false, never rejects, when Outlook refuses the write or the record would not fit", async () => {
    await expect(saveAcknowledgement(sessionData({ write: true }).item, ACK)).resolves.toBe(false);
    const { item, values } = sessionData();
    await expect(saveAcknowledgement(item, { ...ACK, fingerprint: "f".repeat(ACK_LIMIT) })).resolves.toBe(
      false,
    );
    expect(values.has(ACK_KEY)).toBe(false);
  });
});
