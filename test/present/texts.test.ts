import { decide } from "../../src/core/decide";
import { clip, formatAbout, formatCount } from "../../src/core/format";
import { formatHeader, headerFor, parseHeader, uncheckedHeader } from "../../src/core/header";
import { parsePolicy } from "../../src/core/policy";
import { ALERT_LIMIT, INFO_BAR_LIMIT } from "../../src/core/limits";
import { alertText, infoBarText } from "../../src/present/texts";
import { answers, list, message, person } from "../core/helpers";

const policy = parsePolicy({
  blockedAddresses: ["everyone@example.org"],
  supportContact: "IT Service Desk, 0300 123 4567",
});
const SENDER = "dr.amelia.hart@example.org";

describe("figures", () => {
  it.each([
    [0, "0", "0"],
    [12, "12", "12"],
    [999, "999", "999"],
    [1234, "1,234", "1,230"],
    [840000, "840,000", "840,000"],
    [840012, "840,012", "840,000"],
    [1234567, "1,234,567", "1,230,000"],
  ])("%d reads as %s, about %s", (value, exact, about) => {
    expect(formatCount(value)).toBe(exact);
    expect(formatAbout(value)).toBe(about);
  });

  it("clips at a word with an ellipsis", () => {
    const clipped = clip("one two three four five six", 15);
    expect(clipped.length).toBeLessThanOrEqual(15);
    expect(clipped).toBe("one two three…");
    expect(clip("short", 15)).toBe("short");
  });
});

describe("info bar", () => {
  it("is quiet for ordinary mail", () => {
    expect(
      infoBarText(
        decide(message(SENDER, { to: ["a@example.org"] }), policy, answers({ "a@example.org": person })),
      ),
    ).toBeNull();
  });

  it("states the reach of a reply to all staff", () => {
    const decision = decide(
      message(SENDER, { to: ["staff@example.org"] }),
      policy,
      answers({ "staff@example.org": list(840000) }),
    );
    expect(infoBarText(decision)).toBe(
      "This message will reach about 840,000 people. Review before sending.",
    );
  });

  it("names a blocked list, with its size once the directory has given it", () => {
    const decision = decide(message(SENDER, { to: ["everyone@example.org"] }), policy, new Map());
    expect(infoBarText(decision)).toBe(
      "everyone@example.org is blocked by your organisation. Remove it before sending.",
    );
    const sized = decide(
      message(SENDER, { to: ["everyone@example.org", "sam@example.org"] }),
      policy,
      answers({ "everyone@example.org": list(840000), "sam@example.org": { kind: "person" } }),
    );
    expect(infoBarText(sized)).toBe(
      "everyone@example.org reaches about 840,000 people and is blocked by your organisation. Remove it before sending.",
    );
  });

  it("fits 150 characters even with a very long address", () => {
    const long = `${"a".repeat(200)}@example.org`;
    const decision = decide(
      message(SENDER, { to: [long] }),
      parsePolicy({ blockedAddresses: [long] }),
      new Map(),
    );
    expect(infoBarText(decision)!.length).toBeLessThanOrEqual(INFO_BAR_LIMIT);
  });
});

describe("smart alert", () => {
  it("says what happened and how to fix it, with the help contact", () => {
    const decision = decide(
      message(SENDER, { to: ["everyone@example.org"] }),
      policy,
      answers({ "everyone@example.org": list(840000) }),
    );
    const text = alertText(decision, { sendAnywayOffered: false, supportContact: policy.supportContact });
    expect(text).toContain("everyone@example.org is a list your organisation does not allow messages to.");
    expect(text).toContain("would reach about 840,000 people; your organisation's limit is 5,000.");
    expect(text).toContain("Remove the list to send this message.");
    // Bcc stops a reply-all storm but not the reach, so it is no fix for a block.
    expect(text).not.toContain("Bcc");
    expect(text).toMatch(/Help: IT Service Desk, 0300 123 4567\.$/);
  });

  it("offers Send anyway only when Outlook will show it", () => {
    const decision = decide(
      message(SENDER, { to: ["l@example.org"] }),
      policy,
      answers({ "l@example.org": list(300) }),
    );
    expect(alertText(decision, { sendAnywayOffered: true, supportContact: "" })).toContain("Send anyway");
    expect(alertText(decision, { sendAnywayOffered: false, supportContact: "" })).not.toContain(
      "Send anyway",
    );
  });

  it("stays within 500 characters with many reasons", () => {
    const many = Array.from(
      { length: 60 },
      (_, i) => `/o=ExchangeLabs/ou=Exchange Administrative Group/cn=${"x".repeat(i + 20)}`,
    );
    const decision = decide(message(SENDER, { to: ["everyone@example.org", ...many] }), policy, new Map());
    const text = alertText(decision, { sendAnywayOffered: false, supportContact: "x".repeat(120) });
    expect(text.length).toBeLessThanOrEqual(ALERT_LIMIT);
    expect(text).toContain("everyone@example.org");
  });
});

describe("X-Reach-Guard header", () => {
  const FP = "0123456789abcdef".repeat(4);

  it("formats and parses back", () => {
    const fields = {
      verdict: "warn",
      reach: 312,
      accuracy: "exact",
      ack: true,
      fingerprint: FP,
      check: "done",
    } as const;
    const value = formatHeader(fields);
    expect(value).toBe(`verdict=warn; reach=312; accuracy=exact; ack=yes; fp=${FP}; check=done`);
    expect(parseHeader(value)).toEqual(fields);
  });

  it("comes from a decision", () => {
    const decision = decide(
      message(SENDER, { to: ["l@example.org"] }),
      policy,
      answers({ "l@example.org": list(300) }),
    );
    expect(headerFor(decision, false)).toBe(
      `verdict=warn; reach=300; accuracy=exact; ack=no; fp=${decision.fingerprint}; check=done`,
    );
  });

  it("writes a reach it could not size as unknown, never 0", () => {
    // During an outage nothing is sized: "reach=0" would read as "reached nobody".
    const decision = decide(
      message(SENDER, { to: ["l@example.org"] }),
      policy,
      answers({ "l@example.org": { kind: "unknown", cause: "unavailable" } }),
    );
    const value = headerFor(decision, false);
    expect(value).toContain("reach=unknown; accuracy=incomplete");
    expect(parseHeader(value)).toMatchObject({ reach: null, accuracy: "incomplete" });
  });

  it("says when the check did not finish, with the policy's verdict and nothing else claimed", () => {
    const value = uncheckedHeader("warn");
    expect(value).toBe("verdict=warn; reach=unknown; accuracy=incomplete; ack=no; fp=unknown; check=failed");
    expect(parseHeader(value)).toEqual({
      verdict: "warn",
      reach: null,
      accuracy: "incomplete",
      ack: false,
      fingerprint: null,
      check: "failed",
    });
  });

  it.each([
    "",
    "verdict=maybe; reach=1; fp=x",
    "verdict=warn; reach=-1; fp=x",
    "verdict=warn; reach=2",
    "verdict=warn; reach=1e3; fp=x",
    "verdict=warn; reach=1; fp=x; check=perhaps",
  ])("rejects %j", (value) => {
    expect(parseHeader(value)).toBeNull();
  });
});
