import { showWarning } from "../../src/check/compose-warning";
import type { DraftCheck } from "../../src/check/draft-check";
import {
  INFO_BAR_KEY,
  infoBarFor,
  sendPlanFor,
  uncheckedHeaderFor,
  uncheckedVerdict,
} from "../../src/check/outcome";
import { EMPTY_STATE } from "../../src/check/item-state";
import { decide } from "../../src/core/decide";
import { parseHeader } from "../../src/core/header";
import { parsePolicy, type Policy, type PolicyInput } from "../../src/core/policy";
import type { Decision, DirectoryEntry, MessageInput } from "../../src/core/types";
import { wordsFor } from "../../src/present/words";
import { answers, list, message, person } from "../core/helpers";

// What the handlers tell Outlook in monitor mode: the send goes and the header says what enforcement
// would have done; only an incident is still enforced.

const SENDER = "dr.amelia.hart@example.org";
const words = wordsFor("en-GB");
const BASE: PolicyInput = { warnAt: 50, blockAt: 5000, blockedAddresses: ["everyone@example.org"] };
const MONITOR = parsePolicy({ ...BASE, mode: "monitor" });
const ENFORCE = parsePolicy(BASE);

function decisionTo(address: string, entry: DirectoryEntry, policy: Policy): Decision {
  return decide(message(SENDER, { to: [address] }), policy, answers({ [address]: entry }));
}

const plan = (decision: Decision, policy: Policy, acknowledged = false) =>
  sendPlanFor(decision, acknowledged, policy, true, words);

describe("the send in monitor mode", () => {
  it.each([
    ["a would-be block", "all-staff-news@example.org", list(12000), "block"],
    ["a would-be warning", "clinical-leads@example.org", list(300), "warn"],
    ["ordinary mail", "sam.patel@example.org", person, "allow"],
  ] as const)("lets %s go, stamped with what enforcement would do", (_, address, entry, wouldBe) => {
    const sent = plan(decisionTo(address, entry, MONITOR), MONITOR);
    expect(sent.completion).toEqual({ allowEvent: true });
    expect(parseHeader(sent.header ?? "")).toMatchObject({ verdict: "allow", mode: "monitor", wouldBe });
  });

  it("still leaves ordinary mail unstamped when enforcing", () => {
    expect(plan(decisionTo("sam.patel@example.org", person, ENFORCE), ENFORCE)).toEqual({
      completion: { allowEvent: true },
      header: null,
    });
  });

  it("still blocks when enforcing: the same message, the other mode", () => {
    const sent = plan(decisionTo("all-staff-news@example.org", list(12000), ENFORCE), ENFORCE);
    expect(sent.completion.allowEvent).toBe(false);
    expect(sent.header).not.toContain("mode=");
  });

  it("shows no info bar while composing", () => {
    const decision = decisionTo("all-staff-news@example.org", list(12000), MONITOR);
    expect(infoBarFor(decision, false, words)).toEqual({ show: null });
  });

  it("takes down an info bar left from before, rather than keep a warning the policy no longer gives", async () => {
    const item = {
      showInfoBar: jest.fn(async () => undefined),
      removeInfoBar: jest.fn(async () => undefined),
    };
    const check: DraftCheck = {
      decision: decisionTo("all-staff-news@example.org", list(12000), MONITOR),
      state: EMPTY_STATE,
      acknowledged: false,
      asked: 0,
      stale: false,
    };
    await showWarning(item as never, check, words);
    expect(item.showInfoBar).not.toHaveBeenCalled();
    expect(item.removeInfoBar).toHaveBeenCalledWith(INFO_BAR_KEY);
  });
});

describe("an incident in monitor mode", () => {
  const incidents = [
    {
      id: "storm-1",
      message: "The service desk has stopped replies to this thread.",
      expires: "2026-11-28T09:00:00Z",
      conversationId: "AAQkAGI2",
    },
  ];
  const reply: MessageInput = {
    ...message(SENDER, { to: ["sam.patel@example.org"] }),
    conversation: { id: "AAQkAGI2", subject: "RE: Car park", kind: "reply" },
    checkedAt: Date.parse("2026-11-27T10:00:00Z"),
  };

  it("is still blocked, with the alert and the header", () => {
    const policy = parsePolicy({ ...BASE, mode: "monitor", incidents });
    const decision = decide(reply, policy, answers({ "sam.patel@example.org": person }));
    const sent = plan(decision, policy);
    expect(sent.completion).toMatchObject({ allowEvent: false, errorMessage: expect.any(String) });
    // A block offers no "Send Anyway".
    expect(sent.completion.sendModeOverride).toBeUndefined();
    expect(parseHeader(sent.header ?? "")).toMatchObject({
      verdict: "block",
      mode: "monitor",
      wouldBe: "block",
    });
    expect(infoBarFor(decision, false, words).show).not.toBeNull();
  });
});

describe("a check that could not decide", () => {
  it("lets the message go in monitor mode, recording the directoryUnavailable verdict", () => {
    const policy = parsePolicy({ mode: "monitor", directoryUnavailable: "block" });
    expect(uncheckedVerdict(policy)).toBe("allow");
    expect(parseHeader(uncheckedHeaderFor(policy))).toMatchObject({
      verdict: "allow",
      wouldBe: "block",
      check: "failed",
    });
  });

  it("gives the directoryUnavailable verdict when enforcing", () => {
    const policy = parsePolicy({ directoryUnavailable: "block" });
    expect(uncheckedVerdict(policy)).toBe("block");
    expect(uncheckedHeaderFor(policy)).toBe(
      "verdict=block; reach=unknown; accuracy=incomplete; ack=no; fp=unknown; check=failed",
    );
  });
});

describe("the header on every message that reaches warnAt", () => {
  // A later reply's storm check reads the thread's audience from it, so an allowed message that
  // reaches warnAt (here a storm check set to allow, which never warns) carries it too.
  const QUIET = parsePolicy({ ...BASE, warnAt: 50, storm: { verdict: "allow" } });

  it("stamps an allowed message at or above warnAt with its reach, and leaves ordinary mail bare", () => {
    const broadcast = decide(
      {
        ...message("comms@example.org", { to: ["clinical-leads@example.org"] }),
        thread: { replies: 40, senders: 30, windowMinutes: 60, reach: null, complete: true },
      },
      parsePolicy({ ...BASE, warnAt: 50, blockAt: 5000, storm: { verdict: "allow" } }),
      answers({ "clinical-leads@example.org": list(300) }),
    );
    expect(broadcast.verdict).toBe("warn");
    const allowed: Decision = { ...broadcast, verdict: "allow", reasons: [], wouldBe: "allow" };
    expect(parseHeader(plan(allowed, QUIET).header ?? "")).toMatchObject({ verdict: "allow", reach: 300 });
    const ordinary = decisionTo("sam.patel@example.org", person, QUIET);
    expect(plan(ordinary, QUIET).header).toBeNull();
  });

  it("uses the sender's own warnAt", () => {
    const overridden = parsePolicy({ ...BASE, senders: [{ match: [SENDER], warnAt: 1000, blockAt: 5000 }] });
    const decision = { ...decisionTo("clinical-leads@example.org", list(300), overridden) };
    expect(decision.verdict).toBe("allow");
    expect(plan(decision, overridden).header).toBeNull();
    const bigger = decisionTo("outpatients-bulletin@example.org", list(1200), overridden);
    expect(plan(bigger, overridden).header).not.toBeNull();
  });
});
