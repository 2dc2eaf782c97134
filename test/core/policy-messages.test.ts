import { problemsOf } from "./helpers";
import { DEFAULT_POLICY, parsePolicy } from "../../src/core/policy";

// Every problem as the admin reads it, word for word, including the fields checked together.

describe("policy problems", () => {
  it.each([
    [{ warnAt: 0 }, ["warnAt must be a whole number >= 1"]],
    [
      { warnAt: 100_000_001 },
      ["warnAt must be a whole number <= 100000000", "blockAt must be a whole number >= warnAt"],
    ],
    [{ warnAt: null }, ["warnAt must be a whole number between 1 and 100000000"]],
    [{ externalWarnAt: "5" }, ["externalWarnAt must be a whole number between 1 and 100000000"]],
    [{ sendTimeoutMs: 499 }, ["sendTimeoutMs must be a whole number >= 500"]],
    [{ cacheMinutes: 10_081 }, ["cacheMinutes must be a whole number <= 10080"]],
    [{ invalidAddress: "deny" }, ['invalidAddress must be one of "allow", "warn" or "block"']],
    [{ supportContact: 5 }, ["supportContact must be text"]],
    [{ supportContact: "x".repeat(121) }, ["supportContact must be at most 120 characters"]],
    [
      { broadcasters: ["comms@example.org", 7] },
      ["broadcasters[1] must be an address or a pattern such as all-*@example.org"],
    ],
    [
      { blockedAddresses: Array(10_001).fill("all@example.org") },
      ["blockedAddresses must have at most 10,000 entries"],
    ],
    [
      { blockedAddresses: [`${"a".repeat(244)}@example.org`] },
      ["blockedAddresses[0] must be at most 254 characters, the longest an address can be"],
    ],
    [{ broadcasters: ["*a*a*a*a*a*a*a*b@*.*"] }, ["broadcasters[0] must have at most 8 wildcards (* or ?)"]],
    [
      { blockedAddresses: ["all-*@bü*cher.example"] },
      [
        "blockedAddresses[0] must not put * or ? inside a domain label with non-ASCII letters; write that label out",
      ],
    ],
    [
      { blockedAddresses: Array.from({ length: 51 }, (_, index) => `all-${index}-*@example.org`) },
      [
        "blockedAddresses must have at most 50 patterns (entries with * or ?); write the other addresses out in full",
      ],
    ],
    [{ warnat: 3, blockat: 4 }, ["warnat is not a policy field; blockat is not a policy field"]],
    [null, ["the policy must be a JSON object"]],
    ["policy", ["the policy must be a JSON object"]],
    [
      { warnAt: 10, blockAt: 5, unknownList: "x", extra: true },
      ['unknownList must be one of "allow", "warn" or "block"', "extra is not a policy field"],
    ],
  ])("%j", (value, problems) => {
    expect(problemsOf(value)).toEqual(problems);
  });

  it("checks blockAt against warnAt beside the problems of other fields", () => {
    expect(problemsOf({ warnAt: 10, blockAt: 5 })).toEqual(["blockAt must be a whole number >= warnAt"]);
    expect(problemsOf({ warnAt: 10, blockAt: 5, cacheMinutes: -1 })).toEqual([
      "cacheMinutes must be a whole number >= 0",
      "blockAt must be a whole number >= warnAt",
    ]);
  });

  it("trims addresses, and each parse has its own default lists", () => {
    expect(parsePolicy({ broadcasters: [" comms@example.org "] }).broadcasters).toEqual([
      "comms@example.org",
    ]);
    const first = parsePolicy({});
    (first.blockedAddresses as string[]).push("all@example.org");
    expect(parsePolicy({}).blockedAddresses).toEqual([]);
    expect(DEFAULT_POLICY.blockedAddresses).toEqual([]);
  });

  it("keeps null as 'no external warning'", () => {
    expect(parsePolicy({ externalWarnAt: null }).externalWarnAt).toBeNull();
    expect(parsePolicy({ externalWarnAt: 3 }).externalWarnAt).toBe(3);
  });
});
