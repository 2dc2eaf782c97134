import { ACK_LIMIT } from "../../src/check/acknowledgement";
import type { DirectoryAnswer, DirectoryEntry, UnknownCause } from "../../src/core/types";
import {
  decodeItemState,
  EMPTY_STATE,
  encodeItemState,
  SESSION_LIMIT,
  type ItemState,
} from "../../src/check/item-state";

const fromCache = (entry: DirectoryEntry): DirectoryAnswer => ({ entry, source: "cache" });
const list = (members: number, externalMembers: number | null = 0, restricted = false, moderated = false) =>
  ({ kind: "list", members, externalMembers, restricted, moderated }) as const;
const CAUSES: UnknownCause[] = [
  "count-missing",
  "not-found",
  "contact-group",
  "unavailable",
  "timeout",
  "not-permitted",
  "no-token",
];

function state(answers: [string, DirectoryEntry][], rest: Partial<ItemState> = {}): ItemState {
  return {
    fingerprint: "3f9a0c1d2b4e5f60",
    answers: new Map(answers.map(([address, entry]) => [address, fromCache(entry)])),
    verdict: "warn",
    voided: "2/0123456789abcdef/2026-11-24T09:30:00.000Z",
    ...rest,
  };
}

describe("encode and decode", () => {
  it("round-trips every kind of answer, the verdict and the voided confirmation", () => {
    const original = state([
      ["sam.patel@example.org", { kind: "person" }],
      ["guest@partner.example.com", { kind: "external" }],
      ["everyone@example.org", list(840_000, null)],
      ["board@example.org", list(12, 3, true, true)],
      ...CAUSES.map((cause, index): [string, DirectoryEntry] => [
        `u${index}@example.org`,
        { kind: "unknown", cause },
      ]),
    ]);
    expect(decodeItemState(encodeItemState(original))).toEqual(original);
  });

  it("marks answers from an earlier handler as cached, whatever their source was", () => {
    const graph = {
      ...state([]),
      answers: new Map([["a@example.org", { entry: list(5), source: "graph" as const }]]),
    };
    expect(decodeItemState(encodeItemState(graph)).answers.get("a@example.org")).toEqual(fromCache(list(5)));
  });

  it("round-trips a state with nothing decided yet", () => {
    const fresh = state([], { verdict: null, voided: null, fingerprint: "" });
    expect(decodeItemState(encodeItemState(fresh))).toEqual(fresh);
  });
});

describe("decode of what is not ours", () => {
  it.each([
    [null],
    [""],
    ["not json"],
    ["null"],
    ["[]"],
    ["42"],
    ['"text"'],
    ['{"v":2,"fp":"x","answers":{}}'],
    ['{"v":1,"answers":{}}'],
    ['{"v":1,"fp":7}'],
  ])("gives the empty state for %p", (text) => {
    expect(decodeItemState(text)).toEqual(EMPTY_STATE);
  });

  it("keeps the readable answers and drops the rest, never guessing a size", () => {
    const text = JSON.stringify({
      v: 1,
      fp: "abc",
      verdict: "maybe",
      voided: 5,
      answers: {
        "ok@example.org": "l,300,0,0,0",
        "letters@example.org": "l,abc,-,0,0",
        "empty-count@example.org": "l,,-,0,0",
        "spaced@example.org": "l, ,-,0,0",
        "exponent@example.org": "l,1e3,-,0,0",
        "negative@example.org": "l,-4,-,0,0",
        "short@example.org": "l,5,-,0",
        "external-bad@example.org": "l,5,,0,0",
        "cause@example.org": "u,bogus",
        "cause-extra@example.org": "u,timeout,x",
        "huge@example.org": "l,1000000000000,-,0,0",
        "huge-external@example.org": "l,5,99999999999999999999,0,0",
        "negative-external@example.org": "l,5,-2,0,0",
        "fraction@example.org": "l,2.5,-,0,0",
        "flag@example.org": "l,5,-,yes,0",
        "empty-flag@example.org": "l,5,-,0,",
        "number@example.org": 42,
        "kind@example.org": "x",
      },
    });
    const decoded = decodeItemState(text);
    expect([...decoded.answers.keys()]).toEqual(["ok@example.org"]);
    expect(decoded).toMatchObject({ fingerprint: "abc", verdict: null, voided: null });
  });
});

describe("the largest size believed", () => {
  it("is twelve digits, as every stored size (core/stored-entry)", () => {
    const at = (code: string) =>
      decodeItemState(JSON.stringify({ v: 1, fp: "abc", answers: { "x@example.org": code } })).answers.get(
        "x@example.org",
      );
    expect(at("l,999999999999,999999999999,1,1")).toEqual(
      fromCache(list(999_999_999_999, 999_999_999_999, true, true)),
    );
    expect(at("l,1000000000000,-,0,0")).toBeUndefined();
  });
});

describe("the voided confirmation", () => {
  it("is dropped when it is longer than any confirmation could name", () => {
    const text = JSON.stringify({
      v: 1,
      fp: "abc",
      verdict: "warn",
      voided: "x".repeat(ACK_LIMIT + 1),
      answers: {},
    });
    expect(decodeItemState(text).voided).toBeNull();
  });
});

describe("the 45,000-character limit", () => {
  const people = (count: number) =>
    Array.from({ length: count }, (_, index): [string, DirectoryEntry] => [
      `person.number.${index}@clinical.example.org`,
      { kind: "person" },
    ]);
  const lists = (count: number) =>
    Array.from({ length: count }, (_, index): [string, DirectoryEntry] => [
      `distribution-list-${index}@clinical.example.org`,
      list(100 + index),
    ]);

  it("drops people first and keeps the lists, which are what matter", () => {
    const big = state([...people(2000), ...lists(20)]);
    const text = encodeItemState(big);
    expect(text.length).toBeLessThanOrEqual(SESSION_LIMIT);
    const decoded = decodeItemState(text);
    expect([...decoded.answers.values()].every((answer) => answer.entry.kind === "list")).toBe(true);
    expect(decoded.answers.size).toBe(20);
    expect(decoded).toMatchObject({
      fingerprint: big.fingerprint,
      verdict: "warn",
      voided: big.voided,
    });
  });

  it("drops every answer when the lists alone are too many, keeping the voided confirmation", () => {
    const huge = state(lists(2000));
    const text = encodeItemState(huge);
    expect(text.length).toBeLessThanOrEqual(SESSION_LIMIT);
    expect(decodeItemState(text)).toEqual({ ...huge, answers: new Map() });
  });

  it("keeps everything while it fits", () => {
    const fits = state([...people(50), ...lists(5)]);
    expect(decodeItemState(encodeItemState(fits)).answers.size).toBe(55);
  });
});

describe("the format that kept the confirmation in this key", () => {
  it("is read without its ack: the confirmation now has its own key, so the sender confirms again", () => {
    const old = JSON.stringify({
      v: 1,
      fp: "3f9a0c1d2b4e5f60",
      verdict: "warn",
      ack: { fingerprint: "3f9a0c1d2b4e5f60", at: "2026-11-24T09:30:00.000Z" },
      answers: { "clinical-leads@example.org": "l,300,0,0,0" },
    });
    const decoded = decodeItemState(old);
    expect(decoded).toEqual({
      fingerprint: "3f9a0c1d2b4e5f60",
      verdict: "warn",
      voided: null,
      answers: new Map([["clinical-leads@example.org", fromCache(list(300))]]),
    });
    expect(encodeItemState(decoded)).not.toContain('"ack"');
  });
});
