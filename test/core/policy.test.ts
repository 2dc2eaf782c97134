import { problemsOf } from "./helpers";
import { DEFAULT_POLICY, parsePolicy, parsePolicyText, PolicyError } from "../../src/core/policy";

describe("policy", () => {
  it("has sensible defaults when fields are absent", () => {
    expect(parsePolicy({})).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY).toMatchObject({
      warnAt: 50,
      blockAt: 5000,
      unknownList: "warn",
      directoryUnavailable: "warn",
      cacheMinutes: 60,
      sendTimeoutMs: 2000,
    });
  });

  it("accepts the documented example", () => {
    const policy = parsePolicy({
      warnAt: 50,
      blockAt: 5000,
      blockedAddresses: ["everyone@example.org", "all-*@example.org"],
      broadcasters: ["comms@example.org"],
      unknownList: "warn",
      directoryUnavailable: "block",
      cacheMinutes: 60,
    });
    expect(policy.directoryUnavailable).toBe("block");
    expect(policy.blockedAddresses).toHaveLength(2);
  });

  it.each([
    [{ warnAt: 100, blockAt: 10 }, "blockAt must be a whole number >= warnAt"],
    [{ warnAt: 2.5 }, "warnAt must be a whole number between 1 and 100000000"],
    [{ warnAt: "50" }, "warnAt must be a whole number between 1 and 100000000"],
    [{ blockAt: 0 }, "blockAt must be a whole number >= 1"],
    [{ unknownList: "maybe" }, 'unknownList must be one of "allow", "warn" or "block"'],
    [{ directoryUnavailable: null }, 'directoryUnavailable must be one of "allow", "warn" or "block"'],
    [
      { blockedAddresses: ["everyone"] },
      "blockedAddresses[0] must be an address or a pattern such as all-*@example.org",
    ],
    [{ broadcasters: "comms@example.org" }, "broadcasters must be a list of addresses"],
    [{ cacheMinutes: -1 }, "cacheMinutes must be a whole number >= 0"],
    [{ sendTimeoutMs: 9000 }, "sendTimeoutMs must be a whole number <= 3000"],
    [{ warnat: 3 }, "warnat is not a policy field"],
    [[], "the policy must be a JSON object"],
  ])("rejects %j naming the field", (value, problem) => {
    expect(problemsOf(value)).toContain(problem);
  });

  it("reports every problem at once", () => {
    expect(problemsOf({ warnAt: -1, unknownList: "x" })).toHaveLength(2);
  });

  it("rejects text that is not JSON with a PolicyError", () => {
    expect(() => parsePolicyText("{ warnAt: 5 ")).toThrow(PolicyError);
    expect(() => parsePolicyText("{ warnAt: 5 ")).toThrow(/not valid JSON/);
  });
});
