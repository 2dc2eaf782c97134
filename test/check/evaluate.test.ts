import { parsePolicy } from "../../src/core/policy";
import type { DirectoryAnswer } from "../../src/core/types";
import type { Directory } from "../../src/directory/port";
import { evaluate } from "../../src/check/evaluate";
import { answers, list, message, person } from "../core/helpers";

const policy = parsePolicy({
  blockedAddresses: ["everyone@example.org"],
  broadcasters: ["comms@example.org"],
});

function recordingDirectory(known: ReadonlyMap<string, DirectoryAnswer>) {
  const calls: string[][] = [];
  const directory: Directory = {
    async resolve(addresses) {
      calls.push([...addresses]);
      return new Map(
        addresses.map((a) => [
          a,
          known.get(a) ?? { entry: { kind: "unknown", cause: "not-found" }, source: "graph" },
        ]),
      );
    },
  };
  return { directory, calls };
}

describe("evaluate", () => {
  const directoryData = answers({
    "a@example.org": person,
    "leads@example.org": list(300),
    "everyone@example.org": list(840000),
  });

  it("asks the directory once for the distinct addresses and decides", async () => {
    const { directory, calls } = recordingDirectory(directoryData);
    const result = await evaluate(
      message("me@example.org", { to: ["a@example.org", "leads@example.org"], cc: ["A@example.org"] }),
      {
        directory,
        policy,
        deadlineAt: Date.now() + 1000,
      },
    );
    expect(calls).toEqual([["a@example.org", "leads@example.org"]]);
    expect(result.decision).toMatchObject({ verdict: "warn", reach: 301 });
    expect(result.asked).toBe(2);
  });

  it("asks only for what is not known yet, and again for earlier failures", async () => {
    const { directory, calls } = recordingDirectory(directoryData);
    const known = new Map<string, DirectoryAnswer>([
      ["a@example.org", { entry: { kind: "person" }, source: "graph" }],
      ["leads@example.org", { entry: { kind: "unknown", cause: "timeout" }, source: "graph" }],
    ]);
    const result = await evaluate(message("me@example.org", { to: ["a@example.org", "leads@example.org"] }), {
      directory,
      policy,
      deadlineAt: Date.now() + 1000,
      known,
    });
    expect(calls).toEqual([["leads@example.org"]]);
    expect(result.decision.reach).toBe(301);
  });

  it("blocks an always-blocked list without the directory when asked to", async () => {
    const { directory, calls } = recordingDirectory(directoryData);
    const result = await evaluate(
      message("me@example.org", { to: ["everyone@example.org", "a@example.org"] }),
      {
        directory,
        policy,
        deadlineAt: Date.now() + 1000,
        skipDirectoryWhenPolicyBlocks: true,
      },
    );
    expect(calls).toEqual([]);
    expect(result.decision.verdict).toBe("block");
  });

  it("still resolves for a broadcaster, whose block is only a warning", async () => {
    const { directory, calls } = recordingDirectory(directoryData);
    const result = await evaluate(message("comms@example.org", { to: ["everyone@example.org"] }), {
      directory,
      policy,
      deadlineAt: Date.now() + 1000,
      skipDirectoryWhenPolicyBlocks: true,
    });
    expect(calls).toHaveLength(1);
    expect(result.decision).toMatchObject({ verdict: "warn", reach: 840000 });
  });

  it("decides by the deadline when a directory breaks its contract and never answers", async () => {
    const hanging: Directory = { resolve: () => new Promise(() => undefined) };
    const started = Date.now();
    const result = await evaluate(message("me@example.org", { to: ["a@example.org"] }), {
      directory: hanging,
      policy: parsePolicy({ directoryUnavailable: "block" }),
      deadlineAt: started + 100,
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.decision.verdict).toBe("block");
    expect(result.decision.reasons[0]?.code).toBe("directory-unavailable");
  });

  it("decides when a directory rejects, against its contract", async () => {
    const failing: Directory = { resolve: () => Promise.reject(new Error("boom")) };
    const result = await evaluate(message("me@example.org", { to: ["a@example.org"] }), {
      directory: failing,
      policy,
      deadlineAt: Date.now() + 100,
    });
    expect(result.decision.reasons[0]?.code).toBe("directory-unavailable");
  });
});

describe("evaluate: what the directory is told", () => {
  it("names the signed-in mailbox, so what is remembered is kept apart per mailbox", async () => {
    const seen: (string | undefined)[] = [];
    const directory: Directory = {
      async resolve(addresses, options) {
        seen.push(options.mailbox);
        return new Map(addresses.map((a) => [a, { entry: { kind: "person" }, source: "graph" } as const]));
      },
    };
    const deadlineAt = Date.now() + 1000;
    await evaluate(message("Chair@Example.org", { to: ["a@example.org"] }, "Amy@Example.org"), {
      directory,
      policy,
      deadlineAt,
    });
    await evaluate(message("chair@example.org", { to: ["a@example.org"] }, null), {
      directory,
      policy,
      deadlineAt,
    });
    expect(seen).toEqual(["amy@example.org", undefined]);
  });

  it("asks for the untagged form of a plus-addressed recipient too", async () => {
    const { directory, calls } = recordingDirectory(answers({ "staff@example.org": list(840_000) }));
    const result = await evaluate(message("me@example.org", { to: ["staff+news@example.org"] }), {
      directory,
      policy: parsePolicy({}),
      deadlineAt: Date.now() + 1000,
    });
    expect(calls).toEqual([["staff+news@example.org", "staff@example.org"]]);
    expect(result.decision).toMatchObject({ verdict: "block", reach: 840_000 });
  });
});
