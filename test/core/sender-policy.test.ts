import { decide } from "../../src/core/decide";
import {
  MAX_SENDER_ENTRIES,
  MAX_SENDER_OVERRIDES,
  parsePolicy,
  type PolicyInput,
} from "../../src/core/policy";
import { policyForSender, senderOverrideFor } from "../../src/core/sender-policy";
import { answers, list, message, problemsOf } from "./helpers";

const COMMS = "comms@example.org";
const CLINICIAN = "dr.amelia.hart@example.org";

const override = (extra: Record<string, unknown>, match: unknown = [COMMS]) => ({ match, ...extra });
const withSenders = (senders: unknown, top: PolicyInput = {}) => ({ ...top, senders });

describe("the senders field of the policy", () => {
  it("is empty unless written", () => {
    expect(parsePolicy({}).senders).toEqual([]);
  });

  it("accepts the documented example, every field of an override written", () => {
    const policy = parsePolicy(
      withSenders([
        override({
          warnAt: 500,
          blockAt: 20000,
          unknownList: "allow",
          directoryUnavailable: "block",
          invalidAddress: "block",
          externalWarnAt: null,
          mode: "monitor",
        }),
        override({ externalWarnAt: 5 }, ["*@trust-b.example.org"]),
      ]),
    );
    expect(policy.senders).toHaveLength(2);
    expect(policy.senders[0]).toMatchObject({ warnAt: 500, blockAt: 20000, externalWarnAt: null });
    // What an override does not write is left out, so that the top-level value applies.
    expect(Object.keys(policy.senders[1]!).sort()).toEqual(["externalWarnAt", "match"]);
  });

  it.each([
    ["comms@example.org", "senders must be a list of sender overrides"],
    [["comms@example.org"], "senders[0] must be a JSON object"],
    [[{ warnAt: 10 }], "senders[0].match must be given"],
    [[override({}, [])], "senders[0].match must list at least one address or pattern"],
    [[override({}, "comms@example.org")], "senders[0].match must be a list of addresses"],
    [
      [override({}, [COMMS, "comms"])],
      "senders[0].match[1] must be an address or a pattern such as all-*@example.org",
    ],
    [
      [override({}, ["*@*@example.org"])],
      "senders[0].match[0] must be an address or a pattern such as all-*@example.org",
    ],
    [[override({ warnAt: 0 })], "senders[0].warnAt must be a whole number >= 1"],
    [[override({ warnAt: 2.5 })], "senders[0].warnAt must be a whole number between 1 and 100000000"],
    [[override({ blockAt: "5000" })], "senders[0].blockAt must be a whole number between 1 and 100000000"],
    [[override({ blockAt: 100_000_001 })], "senders[0].blockAt must be a whole number <= 100000000"],
    [
      [override({ unknownList: "maybe" })],
      'senders[0].unknownList must be one of "allow", "warn" or "block"',
    ],
    [
      [override({ directoryUnavailable: null })],
      'senders[0].directoryUnavailable must be one of "allow", "warn" or "block"',
    ],
    [
      [override({ invalidAddress: "Block" })],
      'senders[0].invalidAddress must be one of "allow", "warn" or "block"',
    ],
    [[override({ externalWarnAt: 0 })], "senders[0].externalWarnAt must be a whole number >= 1"],
    [[override({ mode: "off" })], 'senders[0].mode must be "enforce" or "monitor"'],
    // The deadline and the lists stay the organisation's: an override cannot carry them.
    [[override({ sendTimeoutMs: 3000 })], "senders[0].sendTimeoutMs is not a policy field"],
    [[override({ blockedAddresses: [] })], "senders[0].blockedAddresses is not a policy field"],
    [[override({ broadcasters: [COMMS] })], "senders[0].broadcasters is not a policy field"],
  ])("refuses %j, naming the field", (senders, problem) => {
    expect(problemsOf(withSenders(senders))).toContain(problem);
  });

  it("names the override by its place in the file", () => {
    expect(problemsOf(withSenders([override({}), override({ warnAt: -1 })]))).toEqual([
      "senders[1].warnAt must be a whole number >= 1",
    ]);
  });

  describe("thresholds, checked as they will apply: over the top-level values", () => {
    it("refuses a blockAt below the top-level warnAt", () => {
      expect(problemsOf(withSenders([override({}), override({ blockAt: 20 })], { warnAt: 50 }))).toEqual([
        "senders[1].blockAt must be a whole number >= warnAt",
      ]);
    });

    it("refuses a warnAt above the top-level blockAt, naming that limit", () => {
      expect(problemsOf(withSenders([override({ warnAt: 6000 })], { blockAt: 5000 }))).toEqual([
        "senders[0].warnAt must be a whole number <= blockAt (5000)",
      ]);
    });

    it("refuses an override's own blockAt below its own warnAt", () => {
      expect(problemsOf(withSenders([override({ warnAt: 500, blockAt: 499 })]))).toEqual([
        "senders[0].blockAt must be a whole number >= warnAt",
      ]);
    });

    it("accepts thresholds that meet, and an override whose values make sense only together", () => {
      expect(() => parsePolicy(withSenders([override({ warnAt: 500, blockAt: 500 })]))).not.toThrow();
      expect(() => parsePolicy(withSenders([override({ blockAt: 50 })], { warnAt: 50 }))).not.toThrow();
      // Above the top-level blockAt, but with a blockAt of its own above it.
      expect(() => parsePolicy(withSenders([override({ warnAt: 6000, blockAt: 20000 })]))).not.toThrow();
    });
  });

  describe("limits that keep every send quick", () => {
    it(`takes ${MAX_SENDER_OVERRIDES} overrides and refuses one more`, () => {
      const many = (count: number) =>
        Array.from({ length: count }, (_, index) => override({}, [`sender${index}@example.org`]));
      expect(parsePolicy(withSenders(many(MAX_SENDER_OVERRIDES))).senders).toHaveLength(50);
      expect(problemsOf(withSenders(many(MAX_SENDER_OVERRIDES + 1)))).toEqual([
        "senders must have at most 50 overrides",
      ]);
    });

    it("holds all overrides together to the patterns one list may have", () => {
      const patterns = (from: number, count: number) =>
        Array.from({ length: count }, (_, index) => `team${from + index}-*@example.org`);
      expect(() =>
        parsePolicy(withSenders([override({}, patterns(0, 25)), override({}, patterns(25, 25))])),
      ).not.toThrow();
      expect(
        problemsOf(withSenders([override({}, patterns(0, 25)), override({}, patterns(25, 26))])),
      ).toEqual(["senders must have at most 50 patterns (entries with * or ?) in all"]);
    });

    it(`holds all overrides together to ${MAX_SENDER_ENTRIES} addresses`, () => {
      const addresses = (from: number, count: number) =>
        Array.from({ length: count }, (_, index) => `person${from + index}@example.org`);
      expect(() =>
        parsePolicy(withSenders([override({}, addresses(0, 500)), override({}, addresses(500, 500))])),
      ).not.toThrow();
      expect(
        problemsOf(withSenders([override({}, addresses(0, 500)), override({}, addresses(500, 501))])),
      ).toEqual(["senders must have at most 1,000 addresses and patterns in all"]);
    });
  });
});

describe("policyForSender", () => {
  const policy = parsePolicy({
    warnAt: 50,
    blockAt: 5000,
    externalWarnAt: 10,
    blockedAddresses: ["everyone@example.org"],
    sendTimeoutMs: 1500,
    senders: [
      { match: [COMMS], warnAt: 500, blockAt: 20000, externalWarnAt: null },
      { match: ["*@trust-b.example.org", COMMS], warnAt: 5, mode: "monitor" },
      { match: ["*@trust-b.example.org"], unknownList: "block" },
    ],
  });

  it("is the top-level policy itself for a sender no override names", () => {
    expect(policyForSender(policy, CLINICIAN)).toBe(policy);
    expect(senderOverrideFor(policy, CLINICIAN)).toBeNull();
  });

  it("writes the override's values over the top-level ones, and leaves the rest", () => {
    expect(policyForSender(policy, COMMS)).toMatchObject({
      warnAt: 500,
      blockAt: 20000,
      externalWarnAt: null,
      unknownList: "warn",
      mode: "enforce",
    });
  });

  it("takes the first override that matches, in file order", () => {
    // comms@ is in the second override too; the first wins.
    expect(policyForSender(policy, COMMS).warnAt).toBe(500);
    const trustB = policyForSender(policy, "ward@trust-b.example.org");
    expect(trustB).toMatchObject({ warnAt: 5, blockAt: 5000, mode: "monitor", unknownList: "warn" });
  });

  it("matches patterns and addresses as blockedAddresses does: any case, any spelling of the domain", () => {
    expect(senderOverrideFor(policy, "Comms@EXAMPLE.org")).toBe(policy.senders[0]);
    expect(senderOverrideFor(policy, "Ward Clerk <ward@Trust-B.example.org>")).toBe(policy.senders[1]);
  });

  it("does not let a tag pick up another sender's thresholds", () => {
    // Exchange delivers comms+x@ to comms@, but comms+x@ is not comms@ for the policy.
    expect(senderOverrideFor(policy, "comms+x@example.org")).toBeNull();
    expect(policyForSender(policy, "comms+x@example.org")).toBe(policy);
  });

  it("gives the top-level policy for a sender that is not an address", () => {
    expect(policyForSender(policy, "")).toBe(policy);
    expect(policyForSender(policy, "/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=comms")).toBe(policy);
  });

  it("keeps the deadline and the blocked addresses the organisation's", () => {
    const forComms = policyForSender(policy, COMMS);
    expect(forComms.sendTimeoutMs).toBe(1500);
    expect(forComms.blockedAddresses).toEqual(["everyone@example.org"]);
    expect(forComms.senders).toBe(policy.senders);
  });
});

describe("decisions under sender overrides", () => {
  const policy = parsePolicy({
    warnAt: 50,
    blockAt: 5000,
    blockedAddresses: ["everyone@example.org"],
    senders: [
      { match: [COMMS], warnAt: 500, blockAt: 20000 },
      { match: ["comms@example.org", "ward-*@example.org"], blockAt: 200 },
    ],
  });
  const leads = answers({ "clinical-leads@example.org": list(300) });
  const staff = answers({ "all-staff-news@example.org": list(12000) });
  const to = (sender: string, address: string) => message(sender, { to: [address] });

  it("applies an override's thresholds only to the senders it names", () => {
    expect(decide(to(COMMS, "clinical-leads@example.org"), policy, leads).verdict).toBe("allow");
    expect(decide(to(CLINICIAN, "clinical-leads@example.org"), policy, leads).verdict).toBe("warn");
    expect(decide(to(COMMS, "all-staff-news@example.org"), policy, staff).verdict).toBe("warn");
    expect(decide(to(CLINICIAN, "all-staff-news@example.org"), policy, staff).verdict).toBe("block");
  });

  it("takes the first match: comms@ keeps its own thresholds, ward-* senders get the later one", () => {
    expect(decide(to(COMMS, "clinical-leads@example.org"), policy, leads).verdict).toBe("allow");
    const ward = decide(to("ward-7@example.org", "clinical-leads@example.org"), policy, leads);
    expect(ward.verdict).toBe("block");
    expect(ward.reasons[0]).toMatchObject({ code: "reach-over-block", data: { limit: 200 } });
  });

  it("does not widen to a tagged sender: comms+x@ is judged as everyone is", () => {
    expect(decide(to("comms+x@example.org", "clinical-leads@example.org"), policy, leads).verdict).toBe(
      "warn",
    );
  });

  it("still blocks the organisation's blocked addresses for a sender with an override", () => {
    const decision = decide(to(COMMS, "everyone@example.org"), policy, answers({}));
    expect(decision.verdict).toBe("block");
    expect(decision.reasons[0]?.code).toBe("blocked-address");
  });

  it("takes an override's verdicts for lists it cannot size", () => {
    const lenient = parsePolicy({ unknownList: "block", senders: [{ match: [COMMS], unknownList: "warn" }] });
    const unknown = answers({ "board-papers@example.org": { kind: "unknown", cause: "count-missing" } });
    expect(decide(to(COMMS, "board-papers@example.org"), lenient, unknown).verdict).toBe("warn");
    expect(decide(to(CLINICIAN, "board-papers@example.org"), lenient, unknown).verdict).toBe("block");
  });
});
