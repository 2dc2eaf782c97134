import { MAX_STORED_COUNT, readCause, readStoredEntry, UNKNOWN_CAUSES } from "../../src/core/stored-entry";
import type { DirectoryEntry } from "../../src/core/types";

const list = (fields: Record<string, unknown> = {}) => ({
  kind: "list",
  members: 300,
  externalMembers: 4,
  restricted: false,
  moderated: true,
  ...fields,
});

describe("readStoredEntry", () => {
  it.each<DirectoryEntry>([
    { kind: "person" },
    { kind: "external" },
    { kind: "list", members: 0, externalMembers: null, restricted: true, moderated: false },
    { kind: "list", members: MAX_STORED_COUNT, externalMembers: 0, restricted: false, moderated: false },
    ...UNKNOWN_CAUSES.map((cause): DirectoryEntry => ({ kind: "unknown", cause })),
  ])("reads back %j", (entry) => {
    expect(readStoredEntry(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
  });

  it("keeps only the fields an entry has", () => {
    expect(readStoredEntry({ kind: "person", members: 5, __proto__: { x: 1 } })).toEqual({ kind: "person" });
    expect(readStoredEntry(list({ note: "hostile" }))).toEqual(list());
    expect(readStoredEntry({ kind: "unknown", cause: "timeout", members: 1 })).toEqual({
      kind: "unknown",
      cause: "timeout",
    });
  });

  it.each([
    ["null", null],
    ["a string", "person"],
    ["a number", 42],
    ["an array", ["person"]],
    ["no kind", { members: 3 }],
    ["an unknown kind", { kind: "group" }],
    ["a kind in capitals", { kind: "Person" }],
    ["an unknown cause", { kind: "unknown", cause: "bogus" }],
    ["no cause", { kind: "unknown" }],
    ["a cause that is not a string", { kind: "unknown", cause: 3 }],
    ["negative members", list({ members: -1 })],
    ["fractional members", list({ members: 2.5 })],
    ["members as text", list({ members: "300" })],
    ["no members", list({ members: undefined })],
    ["null members", list({ members: null })],
    ["members beyond any directory", list({ members: MAX_STORED_COUNT + 1 })],
    ["infinite members", list({ members: Number.POSITIVE_INFINITY })],
    ["NaN members", list({ members: Number.NaN })],
    ["negative external members", list({ externalMembers: -2 })],
    ["fractional external members", list({ externalMembers: 0.5 })],
    ["huge external members", list({ externalMembers: 1e300 })],
    ["absent external members (null is the way to say unknown)", list({ externalMembers: undefined })],
    ["restricted as a number", list({ restricted: 1 })],
    ["moderated absent", list({ moderated: undefined })],
  ])("refuses %s", (_what, value) => {
    expect(readStoredEntry(value)).toBeNull();
  });
});

describe("readCause", () => {
  it("knows every cause and nothing else", () => {
    for (const cause of UNKNOWN_CAUSES) expect(readCause(cause)).toBe(cause);
    for (const other of ["", "Timeout", "toString", "constructor", 1, null, undefined, ["timeout"]])
      expect(readCause(other)).toBeNull();
  });
});
