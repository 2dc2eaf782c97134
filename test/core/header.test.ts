import { decide } from "../../src/core/decide";
import { formatHeader, headerFor, parseHeader, uncheckedHeader } from "../../src/core/header";
import { parsePolicy } from "../../src/core/policy";
import { answers, list, message } from "./helpers";

const policy = parsePolicy({ blockedAddresses: ["everyone@example.org"] });
const SENDER = "dr.amelia.hart@example.org";

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
      // Enforce mode is not written: the header reads as it did before monitor mode existed.
      mode: "enforce",
      wouldBe: "warn",
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
    const value = uncheckedHeader("warn", "enforce");
    expect(value).toBe("verdict=warn; reach=unknown; accuracy=incomplete; ack=no; fp=unknown; check=failed");
    expect(parseHeader(value)).toEqual({
      verdict: "warn",
      reach: null,
      accuracy: "incomplete",
      ack: false,
      fingerprint: null,
      check: "failed",
      mode: "enforce",
      wouldBe: "warn",
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
