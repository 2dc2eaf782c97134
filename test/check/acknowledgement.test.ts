import {
  ACK_KEY,
  ACK_LIMIT,
  acknowledgementId,
  decodeAcknowledgement,
  encodeAcknowledgement,
  isAcknowledged,
  type Acknowledgement,
} from "../../src/check/acknowledgement";
import { SESSION_DATA_LIMIT } from "../../src/office/outlook-rules";
import { encodeItemState, SESSION_KEY, SESSION_LIMIT } from "../../src/check/item-state";

const ACK: Acknowledgement = { fingerprint: "3f9a0c1d2b4e5f60", at: "2026-11-24T09:30:00.000Z", sequence: 3 };

describe("encode and decode", () => {
  it("round-trips", () => {
    expect(decodeAcknowledgement(encodeAcknowledgement(ACK))).toEqual(ACK);
  });

  it.each([
    [null],
    [""],
    ["not json"],
    ["null"],
    ["[]"],
    ["42"],
    ['"text"'],
    ['{"v":2,"fp":"3f9a","at":"x","n":1}'],
    ['{"v":1,"at":"x","n":1}'],
    ['{"v":1,"fp":"","at":"x","n":1}'],
    ['{"v":1,"fp":7,"at":"x","n":1}'],
    ['{"v":1,"fp":"3f9a","n":1}'],
    ['{"v":1,"fp":"3f9a","at":"x"}'],
    ['{"v":1,"fp":"3f9a","at":"x","n":0}'],
    ['{"v":1,"fp":"3f9a","at":"x","n":1.5}'],
    ['{"v":1,"fp":"3f9a","at":"x","n":"1"}'],
  ])("gives no confirmation for %p", (text) => {
    expect(decodeAcknowledgement(text)).toBeNull();
  });

  it("does not read the check's state, old or new, as a confirmation", () => {
    const old = JSON.stringify({ v: 1, fp: ACK.fingerprint, verdict: "warn", ack: ACK, answers: {} });
    expect(decodeAcknowledgement(old)).toBeNull();
    const state = encodeItemState({
      fingerprint: ACK.fingerprint,
      answers: new Map(),
      verdict: "warn",
      voided: null,
    });
    expect(decodeAcknowledgement(state)).toBeNull();
  });
});

describe("isAcknowledged", () => {
  it("holds only for the recipient set that was acknowledged", () => {
    expect(isAcknowledged(ACK, "3f9a0c1d2b4e5f60")).toBe(true);
    expect(isAcknowledged(ACK, "3f9a0c1d2b4e5f61")).toBe(false);
    expect(isAcknowledged(null, "")).toBe(false);
  });

  it("names each confirmation apart, even two given in the same millisecond", () => {
    expect(acknowledgementId(ACK)).not.toBe(acknowledgementId({ ...ACK, sequence: 4 }));
    expect(acknowledgementId(ACK)).not.toBe(acknowledgementId({ ...ACK, fingerprint: "0123456789abcdef" }));
  });
});

describe("Outlook's 50,000 characters of sessionData, every key together", () => {
  it("holds the largest check state and the confirmation side by side", () => {
    expect(SESSION_KEY.length + SESSION_LIMIT + ACK_KEY.length + ACK_LIMIT).toBeLessThanOrEqual(
      SESSION_DATA_LIMIT,
    );
    // A state of many lists, cut to fit, and a confirmation with a fingerprint as long as a whole
    // SHA-256 in hex, with a long sequence number: still well inside.
    const lists = new Map(
      Array.from({ length: 3000 }, (_, index) => [
        `distribution-list-${index}@clinical.example.org`,
        {
          entry: { kind: "list", members: 100, externalMembers: 0, restricted: false, moderated: false },
          source: "cache",
        } as const,
      ]),
    );
    const ack = { fingerprint: "f".repeat(64), at: "2026-11-24T09:30:00.000Z", sequence: 2 ** 40 };
    const state = encodeItemState({
      fingerprint: "f".repeat(64),
      answers: lists,
      verdict: "warn",
      voided: acknowledgementId(ack),
    });
    const record = encodeAcknowledgement(ack);
    expect(record.length).toBeLessThan(ACK_LIMIT / 4);
    expect(SESSION_KEY.length + state.length + ACK_KEY.length + record.length).toBeLessThanOrEqual(
      SESSION_DATA_LIMIT,
    );
  });
});
