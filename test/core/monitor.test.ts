import { decide } from "../../src/core/decide";
import { headerFor, parseHeader, uncheckedHeader } from "../../src/core/header";
import { ALWAYS_ENFORCED, monitored } from "../../src/core/monitor";
import { parsePolicy, type PolicyInput } from "../../src/core/policy";
import type { MessageInput, Reason } from "../../src/core/types";
import { answers, list, message, person, problemsOf } from "./helpers";

const SENDER = "dr.amelia.hart@example.org";
const BASE: PolicyInput = { warnAt: 50, blockAt: 5000, blockedAddresses: ["everyone@example.org"] };
const monitor = (extra: PolicyInput = {}) => parsePolicy({ ...BASE, mode: "monitor", ...extra });
const enforce = (extra: PolicyInput = {}) => parsePolicy({ ...BASE, ...extra });

const STAFF = answers({ "all-staff-news@example.org": list(12000) });
const toStaff = message(SENDER, { to: ["all-staff-news@example.org"] });

describe("the mode field of the policy", () => {
  it("enforces unless told otherwise", () => {
    expect(parsePolicy({}).mode).toBe("enforce");
    expect(parsePolicy({ mode: "monitor" }).mode).toBe("monitor");
  });

  it.each([["Monitor"], ["off"], [true], [null]])("refuses %j, naming the field", (mode) => {
    expect(problemsOf({ mode })).toEqual(['mode must be "enforce" or "monitor"']);
  });
});

describe("a decision in monitor mode", () => {
  it("enforces nothing but keeps what enforcement would say", () => {
    const decision = decide(toStaff, monitor(), STAFF);
    expect(decision).toMatchObject({
      mode: "monitor",
      verdict: "allow",
      wouldBe: "block",
      acknowledgeable: false,
    });
    // The sentences are still there for the task pane, as notes.
    expect(decision.reasons.map((reason) => [reason.code, reason.verdict])).toEqual([
      ["reach-over-block", "allow"],
    ]);
  });

  it("gives the same would-be verdict as enforcement, reasons and figures alike", () => {
    for (const [to, entries] of [
      [["everyone@example.org"], {}],
      [["clinical-leads@example.org"], { "clinical-leads@example.org": list(300) }],
      [["ward7@example.org"], { "ward7@example.org": list(12) }],
      [["board@example.org"], { "board@example.org": { kind: "unknown", cause: "count-missing" } }],
    ] as const) {
      const input = message(SENDER, { to: [...to] });
      const enforced = decide(input, enforce(), answers(entries));
      const piloted = decide(input, monitor(), answers(entries));
      expect({ to, wouldBe: piloted.wouldBe, reach: piloted.reach }).toEqual({
        to,
        wouldBe: enforced.verdict,
        reach: enforced.reach,
      });
      expect(piloted.verdict).toBe("allow");
      expect(piloted.reasons.map((reason) => reason.code)).toEqual(
        enforced.reasons.map((reason) => reason.code),
      );
    }
  });

  it("is the same as enforcement when the mode is enforce: wouldBe is the verdict", () => {
    const decision = decide(toStaff, enforce(), STAFF);
    expect(decision).toMatchObject({ mode: "enforce", verdict: "block", wouldBe: "block" });
  });

  it("stamps every message, allowed ones too, with the would-be verdict", () => {
    const allowed = decide(
      message(SENDER, { to: ["sam.patel@example.org"] }),
      monitor(),
      answers({ "sam.patel@example.org": person }),
    );
    expect(headerFor(allowed, false)).toBe(
      `verdict=allow; reach=1; accuracy=exact; ack=no; fp=${allowed.fingerprint}; check=done; mode=monitor; would=allow`,
    );
    const blocked = decide(toStaff, monitor(), STAFF);
    expect(parseHeader(headerFor(blocked, false))).toMatchObject({
      verdict: "allow",
      wouldBe: "block",
      mode: "monitor",
      reach: 12000,
    });
  });

  it("softens a broadcaster's would-be warning too, and records it", () => {
    const decision = decide(toStaff, monitor({ broadcasters: [SENDER] }), STAFF);
    expect(decision).toMatchObject({ verdict: "allow", wouldBe: "warn", senderIsBroadcaster: true });
  });

  it("applies to the senders an override puts in monitor mode, and to no one else", () => {
    const policy = enforce({ senders: [{ match: ["*@trust-b.example.org"], mode: "monitor" }] });
    const piloted = decide(
      message("ward@trust-b.example.org", { to: ["all-staff-news@example.org"] }),
      policy,
      STAFF,
    );
    expect(piloted).toMatchObject({ mode: "monitor", verdict: "allow", wouldBe: "block" });
    expect(decide(toStaff, policy, STAFF)).toMatchObject({ mode: "enforce", verdict: "block" });
    // And the other way round: an override can enforce for a few while the rest are piloted.
    const enforcedFew = monitor({ senders: [{ match: [SENDER], mode: "enforce" }] });
    expect(decide(toStaff, enforcedFew, STAFF).verdict).toBe("block");
  });
});

describe("reasons enforced whatever the mode", () => {
  const incident = {
    code: "incident",
    verdict: "block",
    addresses: [],
    data: { id: "storm-1", message: "Please do not reply to all.", subject: "Car park", list: null },
  } as Reason;
  const reach = {
    code: "reach-over-warn",
    verdict: "warn",
    addresses: [],
    data: { lists: [], reach: { value: 300, accuracy: "exact" } },
  } as Reason;

  it("lists the incident among them", () => {
    expect(ALWAYS_ENFORCED).toContain("incident");
  });

  it("keeps an always-enforced reason's verdict and turns the rest into notes", () => {
    expect(monitored([incident, reach]).map((reason) => reason.verdict)).toEqual(["block", "allow"]);
    expect(monitored([reach])[0]).toEqual({ ...reach, verdict: "allow" });
  });

  it("blocks a reply to a stopped thread in monitor mode, and for a broadcaster", () => {
    const storm: MessageInput = {
      ...message(SENDER, { to: ["sam.patel@example.org"] }),
      conversation: { id: "AAQkAGI2", subject: "RE: Car park", kind: "reply" },
      checkedAt: Date.parse("2026-11-27T10:00:00Z"),
    };
    const incidents = [
      {
        id: "storm-1",
        message: "Please do not reply.",
        expires: "2026-11-28T09:00:00Z",
        conversationId: "AAQkAGI2",
      },
    ];
    for (const policy of [monitor({ incidents }), monitor({ incidents, broadcasters: [SENDER] })]) {
      const decision = decide(storm, policy, answers({}));
      expect(decision).toMatchObject({ mode: "monitor", verdict: "block", wouldBe: "block" });
      expect(decision.reasons[0]?.code).toBe("incident");
    }
  });
});

describe("the header in monitor mode", () => {
  it("says a message the check could not decide was let go, and what the policy would have done", () => {
    expect(uncheckedHeader("block", "monitor")).toBe(
      "verdict=allow; reach=unknown; accuracy=incomplete; ack=no; fp=unknown; check=failed; mode=monitor; would=block",
    );
    expect(parseHeader(uncheckedHeader("warn", "monitor"))).toMatchObject({
      verdict: "allow",
      wouldBe: "warn",
    });
  });

  it("reads an enforcing header, which has neither field, as enforce with the verdict it gave", () => {
    expect(parseHeader("verdict=warn; reach=3; accuracy=exact; ack=no; fp=abc; check=done")).toMatchObject({
      mode: "enforce",
      wouldBe: "warn",
    });
  });

  it.each([
    "verdict=allow; reach=3; fp=abc; mode=pilot; would=block",
    "verdict=allow; reach=3; fp=abc; mode=monitor; would=maybe",
  ])("refuses %j", (value) => {
    expect(parseHeader(value)).toBeNull();
  });
});
