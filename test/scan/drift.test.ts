import { alarmKind, compareCatalogues, suggestedBlocks } from "../../src/scan/drift";
import { catalogue, entry, policy } from "./report-fixtures";

// warnAt 50, blockAt 5,000 throughout unless a test says otherwise.
const POLICY = policy();

describe("alarmKind", () => {
  it.each([
    // grew-tenfold: before known and >= 1, ten times or more, and at warnAt or above
    [5, 50, "grew-tenfold"],
    [10, 100, "grew-tenfold"],
    [10, 99, null],
    [5, 49, null],
    [2, 20, null],
    [0, 400, null],
    // crossed-block: before known and below blockAt, now at blockAt or above
    [4999, 5000, "crossed-block"],
    [4000, 5000, "crossed-block"],
    [4999, 4999, null],
    [5000, 49999, null],
    [5000, 50000, "grew-tenfold"],
    [0, 5000, "crossed-block"],
    // both apply: the more serious wins
    [100, 5000, "crossed-block"],
    // new-above-warn: not sized before (absent or null)
    [null, 50, "new-above-warn"],
    [null, 49, null],
    [null, 840000, "new-above-warn"],
    // a list with no size now raises nothing
    [10, null, null],
    [null, null, null],
  ] as const)("%p -> %p is %p", (before, after, expected) => {
    expect(alarmKind(before, after, POLICY)).toBe(expected);
  });

  it("follows the policy's thresholds, not fixed ones", () => {
    const strict = policy({ warnAt: 10, blockAt: 20 });
    expect(alarmKind(1, 10, strict)).toBe("grew-tenfold");
    expect(alarmKind(19, 20, strict)).toBe("crossed-block");
    expect(alarmKind(null, 10, strict)).toBe("new-above-warn");
    expect(alarmKind(null, 9, strict)).toBeNull();
  });
});

describe("compareCatalogues", () => {
  const previous = catalogue([
    entry("team@example.org", 12),
    entry("ward-7@example.org", 4999),
    entry("everyone@example.org", 30),
    entry("steady@example.org", 8000),
    entry("gone@example.org", 900),
    entry("unsized@example.org", null),
    entry("lost-size@example.org", 70000),
  ]);
  const current = catalogue([
    entry("team@example.org", 12),
    entry("ward-7@example.org", 5000),
    entry("everyone@example.org", 840000),
    entry("steady@example.org", 8000),
    entry("unsized@example.org", 60),
    entry("lost-size@example.org", null),
    entry("new-big@example.org", 6000),
    entry("new-small@example.org", 49),
    entry("new-unsized@example.org", null),
  ]);
  const drift = compareCatalogues(previous, current, POLICY);

  it("raises one alarm per list, most serious first, then largest", () => {
    expect(drift.alarms).toEqual([
      {
        kind: "crossed-block",
        address: "everyone@example.org",
        displayName: "everyone",
        before: 30,
        after: 840000,
      },
      {
        kind: "crossed-block",
        address: "ward-7@example.org",
        displayName: "ward-7",
        before: 4999,
        after: 5000,
      },
      {
        kind: "new-above-warn",
        address: "new-big@example.org",
        displayName: "new-big",
        before: null,
        after: 6000,
      },
      {
        kind: "new-above-warn",
        address: "unsized@example.org",
        displayName: "unsized",
        before: null,
        after: 60,
      },
    ]);
  });

  it("puts tenfold growth between crossing blockAt and a new list", () => {
    const grown = compareCatalogues(
      catalogue([entry("a@example.org", 4999), entry("b@example.org", 10)]),
      catalogue([entry("a@example.org", 5000), entry("b@example.org", 4000), entry("c@example.org", 4500)]),
      POLICY,
    );
    expect(grown.alarms.map((alarm) => alarm.kind)).toEqual([
      "crossed-block",
      "grew-tenfold",
      "new-above-warn",
    ]);
  });

  it("orders alarms of the same kind and size by address, whatever the input order", () => {
    const lists = [entry("b@example.org", 60), entry("a@example.org", 60), entry("c@example.org", 70)];
    const forward = compareCatalogues(catalogue([]), catalogue(lists), POLICY);
    const backward = compareCatalogues(catalogue([]), catalogue([...lists].reverse()), POLICY);
    expect(forward.alarms.map((alarm) => alarm.address)).toEqual([
      "c@example.org",
      "a@example.org",
      "b@example.org",
    ]);
    expect(backward).toEqual(forward);
  });

  it("never raises an alarm for a list with no size, and never for a removed one", () => {
    const alarmed = drift.alarms.map((alarm) => alarm.address);
    expect(alarmed).not.toContain("lost-size@example.org");
    expect(alarmed).not.toContain("new-unsized@example.org");
    expect(alarmed).not.toContain("gone@example.org");
  });

  it("lists the added and removed lists, largest first", () => {
    expect(drift.added.map((list) => list.address)).toEqual([
      "new-big@example.org",
      "new-small@example.org",
      "new-unsized@example.org",
    ]);
    expect(drift.removed.map((list) => list.address)).toEqual(["gone@example.org"]);
  });

  it("lists changed sizes, largest change first, a size lost or found included", () => {
    expect(drift.changed.map(({ list, before }) => [list.address, before, list.members])).toEqual([
      ["everyone@example.org", 30, 840000],
      ["lost-size@example.org", 70000, null],
      ["unsized@example.org", null, 60],
      ["ward-7@example.org", 4999, 5000],
    ]);
  });

  it("suggests blocking only alarmed lists at blockAt or above", () => {
    // steady@ is above blockAt too, but did not change: suggestedBlocks names it, the drift does not.
    expect(drift.suggestedBlockedAddresses).toEqual([
      "everyone@example.org",
      "new-big@example.org",
      "ward-7@example.org",
    ]);
  });

  it("leaves out of its suggestions what blockedAddresses already covers", () => {
    const covered = compareCatalogues(
      previous,
      current,
      policy({ blockedAddresses: ["Everyone@Example.org", "new-*@example.org"] }),
    );
    expect(covered.suggestedBlockedAddresses).toEqual(["ward-7@example.org"]);
    // The alarms stay: the admin should still know the list grew.
    expect(covered.alarms).toHaveLength(4);
  });

  it("takes the larger size when a catalogue names a list twice", () => {
    const twice = compareCatalogues(
      catalogue([entry("a@example.org", 4000), entry("a@example.org", 10)]),
      catalogue([entry("a@example.org", 100), entry("a@example.org", 6000), entry("a@example.org", null)]),
      POLICY,
    );
    expect(twice.alarms).toEqual([
      { kind: "crossed-block", address: "a@example.org", displayName: "a", before: 4000, after: 6000 },
    ]);
    expect(twice.changed).toHaveLength(1);
    expect(twice.added).toEqual([]);
  });

  it("finds nothing between a catalogue and itself", () => {
    const same = compareCatalogues(current, current, POLICY);
    expect(same).toEqual({ alarms: [], suggestedBlockedAddresses: [], added: [], removed: [], changed: [] });
  });
});

describe("suggestedBlocks", () => {
  const current = catalogue([
    entry("ward-7@example.org", 4999),
    entry("all-staff@example.org", 840000),
    entry("all-nurses@example.org", 90000),
    entry("estates@example.org", 5000),
    entry("research@example.org", 12000),
    entry("unsized@example.org", null),
    entry("all-staff@example.net", 7000),
  ]);

  it("names every list at blockAt or above, largest first", () => {
    expect(suggestedBlocks(current, POLICY)).toEqual([
      "all-staff@example.org",
      "all-nurses@example.org",
      "research@example.org",
      "all-staff@example.net",
      "estates@example.org",
    ]);
  });

  it("respects existing entries, patterns included, whatever their case", () => {
    const existing = policy({ blockedAddresses: ["all-*@example.org", "RESEARCH@example.org"] });
    expect(suggestedBlocks(current, existing)).toEqual(["all-staff@example.net", "estates@example.org"]);
  });

  it("respects ? and a wildcard domain", () => {
    const existing = policy({ blockedAddresses: ["estate?@example.org", "all-staff@*"] });
    expect(suggestedBlocks(current, existing)).toEqual(["all-nurses@example.org", "research@example.org"]);
  });

  it("names nothing when every large list is covered, or none is large", () => {
    expect(
      suggestedBlocks(current, policy({ blockedAddresses: ["*@example.org", "*@example.net"] })),
    ).toEqual([]);
    expect(suggestedBlocks(current, policy({ warnAt: 50, blockAt: 1000000 }))).toEqual([]);
  });

  it("names a list listed twice once", () => {
    const twice = catalogue([entry("a@example.org", 6000), entry("a@example.org", 7000)]);
    expect(suggestedBlocks(twice, POLICY)).toEqual(["a@example.org"]);
  });
});
