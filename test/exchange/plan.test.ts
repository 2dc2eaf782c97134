import type { Catalogue } from "../../src/core/catalogue";
import { parsePolicy } from "../../src/core/policy";
import { MAX_MAILTIP_CHARACTERS } from "../../src/exchange/mailtip";
import { listMailTip as defaultMailTip } from "../../src/present/mailtip";
import { BackstopError, planBackstop } from "../../src/exchange/plan";
import { demoCatalogue, demoPolicy, OPTIONS } from "./helpers";

const catalogue = (
  lists: { address: string; kind: Catalogue["lists"][number]["kind"]; members: number | null }[],
): Catalogue => ({
  format: "reach-guard-catalogue/1",
  scannedAt: "2026-11-27T03:00:00Z",
  lists: lists.map((list) => ({
    ...list,
    displayName: "",
    externalMembers: null,
    sizedAt: "2026-11-27T03:00:00Z",
  })),
});

describe("which lists the backstop restricts", () => {
  it("for the demo: the blocked address, the list its pattern matches and the large list, largest first", () => {
    const plan = planBackstop(demoPolicy(), demoCatalogue(), OPTIONS);
    expect(plan.targets.map((target) => [target.address, target.kind, target.members])).toEqual([
      ["everyone@example.org", "dynamic", 840000],
      ["all-staff-news@example.org", "dynamic", 12000],
      ["outpatients-bulletin@example.org", "distribution", 6400],
    ]);
    expect(plan.targets[1]?.because).toBe("blockedAddresses: matches all-*@example.org");
    expect(plan.targets[2]?.because).toContain("at or above blockAt (5,000)");
    expect(plan.broadcasters).toEqual(["comms@example.org"]);
    expect(plan.warnings).toEqual([]);
  });

  it("leaves a list below blockAt alone, and one the scan could not size", () => {
    const plan = planBackstop(
      parsePolicy({ blockAt: 5000, broadcasters: ["comms@example.org"] }),
      catalogue([
        { address: "small@example.org", kind: "distribution", members: 4999 },
        { address: "unsized@example.org", kind: "m365", members: null },
        { address: "big@example.org", kind: "m365", members: 5000 },
      ]),
      OPTIONS,
    );
    expect(plan.targets.map((target) => target.address)).toEqual(["big@example.org"]);
  });

  it("without a catalogue: exact blocked addresses only, kind left to run time, patterns in a warning", () => {
    const plan = planBackstop(demoPolicy(), null, OPTIONS);
    expect(plan.targets).toEqual([
      expect.objectContaining({ address: "everyone@example.org", kind: null, members: null }),
    ]);
    expect(plan.unexpandedPatterns).toEqual(["all-*@example.org"]);
    expect(plan.warnings.join("\n")).toMatch(/all-\*@example\.org: patterns need --catalogue/);
  });

  it("finds a blocked address in the catalogue whatever its case, and lists it once", () => {
    const plan = planBackstop(
      parsePolicy({
        blockedAddresses: ["Everyone@Example.org", "everyone@example.org"],
        broadcasters: ["comms@example.org"],
      }),
      catalogue([{ address: "everyone@example.org", kind: "dynamic", members: 9000 }]),
      OPTIONS,
    );
    expect(plan.targets).toHaveLength(1);
    expect(plan.targets[0]).toMatchObject({ address: "everyone@example.org", kind: "dynamic" });
  });

  it("warns of a blocked pattern that matches no catalogued list", () => {
    const plan = planBackstop(
      parsePolicy({ blockedAddresses: ["nobody-*@example.org"], broadcasters: ["comms@example.org"] }),
      catalogue([]),
      OPTIONS,
    );
    expect(plan.warnings).toContain("blockedAddresses nobody-*@example.org matches no list in the catalogue");
  });
});

describe("who may still post", () => {
  it("keeps exact broadcasters and warns that patterns cannot be expressed", () => {
    const plan = planBackstop(
      parsePolicy({ broadcasters: ["Comms@Example.org", "ceo-office-*@example.org"] }),
      null,
      OPTIONS,
    );
    expect(plan.broadcasters).toEqual(["comms@example.org"]);
    expect(plan.broadcasterPatterns).toEqual(["ceo-office-*@example.org"]);
    expect(plan.warnings.join("\n")).toMatch(
      /ceo-office-\*@example\.org: Exchange cannot take patterns as senders/,
    );
  });

  it("refuses a hard restriction with no exact broadcaster: an empty accept list lets anyone post", () => {
    const policy = parsePolicy({
      blockedAddresses: ["everyone@example.org"],
      broadcasters: ["comms-*@example.org"],
    });
    expect(() => planBackstop(policy, null, OPTIONS)).toThrow(BackstopError);
    expect(() => planBackstop(policy, null, OPTIONS)).toThrow(
      /empty AcceptMessagesOnlyFromSendersOrMembers lets anyone post/,
    );
    // Moderation is the safe setting then: every message is held.
    const plan = planBackstop(policy, null, {
      ...OPTIONS,
      moderate: true,
      moderator: "it-moderators@example.org",
    });
    expect(plan.broadcasters).toEqual([]);
    expect(plan.moderator).toBe("it-moderators@example.org");
  });

  it("needs --moderator with --moderate, and --moderate with --moderator", () => {
    expect(() => planBackstop(demoPolicy(), null, { ...OPTIONS, moderate: true })).toThrow(
      /--moderator is required with --moderate/,
    );
    expect(() => planBackstop(demoPolicy(), null, { ...OPTIONS, moderator: "m@example.org" })).toThrow(
      /--moderator needs --moderate/,
    );
    expect(() =>
      planBackstop(demoPolicy(), null, { ...OPTIONS, moderate: true, moderator: "not an address" }),
    ).toThrow(/--moderator must be an email address/);
  });

  it("warns that Microsoft 365 groups cannot let broadcasters past moderation", () => {
    const plan = planBackstop(
      parsePolicy({ blockedAddresses: ["staff@example.org"], broadcasters: ["comms@example.org"] }),
      catalogue([{ address: "staff@example.org", kind: "m365", members: 10 }]),
      { ...OPTIONS, moderate: true, moderator: "m@example.org" },
    );
    expect(plan.warnings.join("\n")).toMatch(/Set-UnifiedGroup has no BypassModerationFromSendersOrMembers/);
  });
});

describe("refusals that name the field", () => {
  it.each([
    [
      { blockedAddresses: ["every\u0007one@example.org"], broadcasters: ["c@example.org"] },
      /blockedAddresses\[0\] has a control/,
    ],
    [
      { broadcasters: ["c@example.org", "d\u202E@example.org"] },
      /broadcasters\[1\] has a control or invisible character \(U\+202E\)/,
    ],
  ])("%j", (policy, message) => {
    expect(() => planBackstop(parsePolicy(policy), null, OPTIONS)).toThrow(message);
  });

  it("refuses a MailTip too long, with HTML, or with a line break", () => {
    const at = (mailTip: string) => () => planBackstop(demoPolicy(), null, { ...OPTIONS, mailTip });
    expect(at("x".repeat(MAX_MAILTIP_CHARACTERS))).not.toThrow();
    expect(at("x".repeat(MAX_MAILTIP_CHARACTERS + 1))).toThrow(/--mailtip must be at most 175 characters/);
    expect(at("<b>Stop</b>")).toThrow(/--mailtip must be plain text/);
    expect(at("Stop.\nNow.")).toThrow(/--mailtip: the MailTip has a control/);
    expect(at("  ")).toThrow(/--mailtip must not be empty/);
  });

  it("refuses a report mailbox that is not an address", () => {
    expect(() => planBackstop(demoPolicy(), null, { ...OPTIONS, reportTo: "reports" })).toThrow(
      /--report-to must be an email address/,
    );
  });
});

describe("the MailTip", () => {
  it("says the size when known, and who may post, in British English within Exchange's limit", () => {
    expect(defaultMailTip(840000, false)).toBe(
      "This list reaches about 840,000 people. Only approved senders may post to it.",
    );
    expect(defaultMailTip(null, false)).toBe("Only approved senders may post to it.");
    expect(defaultMailTip(1234567, true)).toBe(
      "This list reaches about 1,234,567 people. Messages to it wait for a moderator's approval.",
    );
    expect(defaultMailTip(100_000_000, true).length).toBeLessThanOrEqual(MAX_MAILTIP_CHARACTERS);
  });

  it("uses --mailtip for every list when given", () => {
    const plan = planBackstop(demoPolicy(), demoCatalogue(), {
      ...OPTIONS,
      mailTip: "Ask comms to send this for you.",
    });
    expect(new Set(plan.targets.map((target) => target.mailTip))).toEqual(
      new Set(["Ask comms to send this for you."]),
    );
  });

  it("warns when the policy is only being piloted", () => {
    const plan = planBackstop(
      parsePolicy({ mode: "monitor", broadcasters: ["c@example.org"] }),
      null,
      OPTIONS,
    );
    expect(plan.warnings.join("\n")).toMatch(/monitor mode/);
  });
});
