import { decide } from "../../src/core/decide";
import { parsePolicy } from "../../src/core/policy";
import { answers, external, list, message, person } from "./helpers";

const policy = parsePolicy({
  warnAt: 50,
  blockAt: 5000,
  blockedAddresses: ["everyone@example.org", "all-*@example.org"],
  broadcasters: ["comms@example.org"],
  unknownList: "warn",
  directoryUnavailable: "block",
  externalWarnAt: 10,
});
const SENDER = "dr.amelia.hart@example.org";

describe("decide: reach", () => {
  it("allows ordinary mail with no reasons and an exact count", () => {
    const decision = decide(
      message(SENDER, { to: ["bob@example.org"], cc: ["carol@example.org", "Bob@Example.org"] }),
      policy,
      answers({ "bob@example.org": person, "carol@example.org": person }),
    );
    expect(decision).toMatchObject({
      verdict: "allow",
      reach: 2,
      accuracy: "exact",
      complete: true,
      reasons: [],
    });
    expect(decision.recipients).toHaveLength(3);
  });

  it("counts a single list exactly and many sources as an upper bound", () => {
    const one = decide(
      message(SENDER, { to: ["ward7-team@example.org"] }),
      policy,
      answers({ "ward7-team@example.org": list(12) }),
    );
    expect(one).toMatchObject({ reach: 12, accuracy: "exact", verdict: "allow" });
    const two = decide(
      message(SENDER, { to: ["a@example.org"], cc: ["ward7-team@example.org"] }),
      policy,
      answers({ "a@example.org": person, "ward7-team@example.org": list(12) }),
    );
    expect(two).toMatchObject({ reach: 13, accuracy: "upper-bound" });
  });

  it("warns at warnAt and blocks at blockAt, the most severe reason first", () => {
    const warn = decide(
      message(SENDER, { to: ["leads@example.org"] }),
      policy,
      answers({ "leads@example.org": list(300) }),
    );
    expect(warn.verdict).toBe("warn");
    expect(warn.reasons[0]).toMatchObject({
      code: "reach-over-warn",
      data: {
        reach: { value: 300, accuracy: "exact" },
        lists: [{ address: "leads@example.org", name: "leads@example.org", members: 300 }],
      },
    });
    expect(warn.acknowledgeable).toBe(true);
    const atWarn = decide(
      message(SENDER, { to: ["l@example.org"] }),
      policy,
      answers({ "l@example.org": list(50) }),
    );
    expect(atWarn.verdict).toBe("warn");
    const below = decide(
      message(SENDER, { to: ["l@example.org"] }),
      policy,
      answers({ "l@example.org": list(49) }),
    );
    expect(below.verdict).toBe("allow");
    const block = decide(
      message(SENDER, { bcc: ["big@example.org"] }),
      policy,
      answers({ "big@example.org": list(5000) }),
    );
    expect(block.verdict).toBe("block");
    expect(block.reasons[0]?.code).toBe("reach-over-block");
    expect(block.acknowledgeable).toBe(false);
  });

  it("does not count a restricted list, and says so", () => {
    const decision = decide(
      message(SENDER, { to: ["board@example.org"] }),
      policy,
      answers({ "board@example.org": list(9000, { restricted: true }) }),
    );
    expect(decision).toMatchObject({ verdict: "allow", reach: 0 });
    expect(decision.reasons.map((r) => r.code)).toEqual(["list-restricted"]);
  });

  it("counts a restricted list in full when the sender is not the signed-in mailbox", () => {
    // MailTips judge restrictions for /me: the chair's shared mailbox may post where /me may not.
    const restricted = answers({ "board@example.org": list(9000, { restricted: true }) });
    for (const signedIn of ["someone.else@example.org", null]) {
      const decision = decide(
        message("chair@example.org", { to: ["board@example.org"] }, signedIn),
        policy,
        restricted,
      );
      expect(decision).toMatchObject({ verdict: "block", reach: 9000 });
      expect(decision.reasons.map((r) => r.code)).toEqual(["reach-over-block"]);
    }
    const own = decide(
      message("Chair@Example.org", { to: ["board@example.org"] }, "chair@example.org"),
      policy,
      restricted,
    );
    expect(own).toMatchObject({ verdict: "allow", reach: 0 });
  });

  it("makes a moderated list's block a warning", () => {
    const decision = decide(
      message(SENDER, { to: ["news@example.org"] }),
      policy,
      answers({ "news@example.org": list(20000, { moderated: true }) }),
    );
    expect(decision.verdict).toBe("warn");
    expect(decision.reasons.map((r) => r.code)).toEqual(["reach-over-warn", "list-moderated"]);
  });

  it("warns on external reach from guests in lists and outside addresses", () => {
    const decision = decide(
      message(SENDER, { to: ["phoenix@example.org", "gp@partner.example"] }),
      policy,
      answers({ "phoenix@example.org": list(40, { externalMembers: 9 }), "gp@partner.example": external }),
    );
    expect(decision.verdict).toBe("warn");
    expect(decision.reasons.map((r) => r.code)).toEqual(["external-over-warn"]);
  });
});

describe("decide: policy lists and senders", () => {
  it("blocks an always-blocked address with no directory answer at all", () => {
    const decision = decide(message(SENDER, { to: ["Everyone@Example.org"] }), policy, new Map());
    expect(decision.verdict).toBe("block");
    expect(decision.reasons[0]).toMatchObject({
      code: "blocked-address",
      addresses: ["everyone@example.org"],
    });
    expect(decision.recipients[0]).toMatchObject({ source: "policy", blockedBy: "everyone@example.org" });
  });

  it("matches wildcard patterns", () => {
    const decision = decide(
      message(SENDER, { cc: ["all-nurses@example.org"] }),
      policy,
      answers({ "all-nurses@example.org": list(3) }),
    );
    expect(decision.reasons[0]).toMatchObject({ code: "blocked-address" });
    expect(decision.recipients[0]?.blockedBy).toBe("all-*@example.org");
  });

  it("turns a broadcaster's block into a warning and says why", () => {
    const decision = decide(
      message("Comms@Example.org", { to: ["everyone@example.org"] }),
      policy,
      answers({ "everyone@example.org": list(840000) }),
    );
    expect(decision.verdict).toBe("warn");
    expect(decision.senderIsBroadcaster).toBe(true);
    expect(decision.reasons.map((r) => r.code)).toEqual([
      "blocked-address",
      "reach-over-block",
      "broadcaster",
    ]);
    expect(decision.reasons.every((r) => r.verdict === "warn")).toBe(true);
    expect(decision.acknowledgeable).toBe(true);
  });
});

describe("decide: what cannot be resolved", () => {
  it("uses unknownList for a list whose count is missing and calls the reach incomplete", () => {
    const decision = decide(
      message(SENDER, { to: ["board-papers@example.org", "a@example.org"] }),
      policy,
      answers({
        "board-papers@example.org": { kind: "unknown", cause: "count-missing" },
        "a@example.org": person,
      }),
    );
    expect(decision).toMatchObject({ verdict: "warn", reach: 1, accuracy: "incomplete", complete: false });
    expect(decision.reasons[0]?.code).toBe("unknown-list");
  });

  it("treats a personal contact group as unknown, never small", () => {
    const decision = decide(
      { sender: SENDER, recipients: [{ field: "to", emailAddress: "", displayName: "Ward friends" }] },
      policy,
      new Map(),
    );
    expect(decision.recipients[0]).toMatchObject({ kind: "unknown", cause: "contact-group" });
    expect(decision.reasons[0]).toMatchObject({
      code: "contact-group",
      verdict: "warn",
      data: { groups: ["Ward friends"] },
    });
  });

  it.each([
    ["unavailable", "directory-unavailable"],
    ["timeout", "directory-unavailable"],
    ["not-permitted", "directory-not-permitted"],
    ["no-token", "no-token"],
  ] as const)("applies directoryUnavailable when the directory says %s", (cause, code) => {
    const decision = decide(
      message(SENDER, { to: ["x@example.org"] }),
      policy,
      answers({ "x@example.org": { kind: "unknown", cause } }),
    );
    expect(decision.verdict).toBe("block");
    expect(decision.reasons[0]?.code).toBe(code);
  });

  it("keeps malformed recipients and applies invalidAddress", () => {
    const decision = decide(message(SENDER, { to: ["/o=ExchangeLabs/cn=abc", "nobody"] }), policy, new Map());
    expect(decision.recipients.map((r) => r.kind)).toEqual(["invalid", "invalid"]);
    expect(decision.reasons[0]).toMatchObject({ code: "invalid-address", verdict: "warn" });
  });
});

describe("decide: fingerprint", () => {
  const resolved = answers({ "a@example.org": person, "b@example.org": person });
  const fp = (fields: Parameters<typeof message>[1]) =>
    decide(message(SENDER, fields), policy, resolved).fingerprint;

  it("is stable under order and case", () => {
    expect(fp({ to: ["a@example.org", "b@example.org"] })).toBe(
      fp({ to: ["B@EXAMPLE.ORG", "a@example.org"] }),
    );
    expect(fp({ to: ["a@example.org"] })).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes when a recipient is added, removed or moved between fields", () => {
    const base = fp({ to: ["a@example.org", "b@example.org"] });
    expect(fp({ to: ["a@example.org"] })).not.toBe(base);
    expect(fp({ to: ["a@example.org", "b@example.org", "c@example.org"] })).not.toBe(base);
    expect(fp({ to: ["a@example.org"], bcc: ["b@example.org"] })).not.toBe(base);
  });

  it("tells apart two recipient sets the old sum of 32-bit hashes gave one fingerprint", () => {
    // Found in milliseconds: both gave d5f14c3d274475f1, so confirming one confirmed the other.
    expect(fp({ to: ["ward21@example.ora", "ward21@example.ord"] })).not.toBe(
      fp({ to: ["ward21@example.orb", "ward21@example.orc"] }),
    );
  });

  it("tells personal contact groups apart by name", () => {
    const group = (displayName: string) =>
      decide(
        { sender: SENDER, recipients: [{ field: "to", emailAddress: "", displayName }] },
        policy,
        answers({}),
      ).fingerprint;
    expect(group("Ward team")).not.toBe(group("Entire hospital"));
    expect(group("Ward team")).toBe(group("Ward team"));
  });
});

describe("decide: spellings of a blocked list", () => {
  it.each([
    "everyone+x@example.org",
    '"everyone"@example.org',
    '"Everyone"@Example.org',
    "all-staff+news@example.org",
    "EVERYONE+X@EXAMPLE.ORG",
  ])("blocks %s without asking the directory", (address) => {
    const decision = decide(message(SENDER, { to: [address] }), policy, answers({}));
    expect(decision.verdict).toBe("block");
    expect(decision.reasons[0]).toMatchObject({ code: "blocked-address" });
  });

  it("does not let a tag widen who may broadcast", () => {
    const decision = decide(
      message("comms+x@example.org", { to: ["everyone@example.org"] }),
      policy,
      answers({ "everyone@example.org": list(840_000) }),
    );
    expect(decision).toMatchObject({ verdict: "block", senderIsBroadcaster: false });
  });

  it("sizes a tagged address the directory does not know as its untagged form", () => {
    const open = parsePolicy({ warnAt: 50, blockAt: 5000 });
    const decision = decide(
      message(SENDER, { to: ["staff+x@example.org"] }),
      open,
      answers({
        "staff+x@example.org": { kind: "unknown", cause: "not-found" },
        "staff@example.org": list(840_000),
      }),
    );
    expect(decision).toMatchObject({ verdict: "block", reach: 840_000 });
    expect(decision.recipients[0]).toMatchObject({ address: "staff+x@example.org", kind: "list" });
  });

  it("keeps what the directory says of the tagged address when it knows it", () => {
    const open = parsePolicy({ warnAt: 50, blockAt: 5000 });
    const decision = decide(
      message(SENDER, { to: ["amy+news@example.org"] }),
      open,
      answers({ "amy+news@example.org": person, "staff@example.org": list(840_000) }),
    );
    expect(decision).toMatchObject({ verdict: "allow", reach: 1 });
  });
});
