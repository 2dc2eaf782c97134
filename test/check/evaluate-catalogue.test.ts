import { TokenUnavailableError } from "../../src/auth/port";
import { evaluate, type CatalogueSize } from "../../src/check/evaluate";
import { parsePolicy } from "../../src/core/policy";
import type { DirectoryAnswer } from "../../src/core/types";
import { createGraphDirectory } from "../../src/directory/graph/graph-directory";
import type { Directory } from "../../src/directory/port";
import { unavailableDirectory } from "../../src/directory/unavailable";
import { DEMO_TOKEN, loadDemoDirectory, startFakeGraph, type FakeGraph } from "../../src/fake-graph";
import { answers, list, message, person } from "../core/helpers";

// The admin's reach catalogue in the check: it sizes what the directory could not, never outranks
// what the directory said, never makes a list small by leaving it out, and at send an all-staff list
// it sizes blocks at once, whatever state Graph is in.

const ME = "dr.amelia.hart@example.org";
const EVERYONE = "everyone@example.org";
const policy = parsePolicy({ warnAt: 50, blockAt: 5000, directoryUnavailable: "warn", unknownList: "warn" });
const SIZED_AT = "2026-11-26T03:00:00Z";

function catalogue(entries: Record<string, number | null>): ReadonlyMap<string, CatalogueSize> {
  return new Map(
    Object.entries(entries).map(([address, members]) => [
      address,
      { members, externalMembers: 0, sizedAt: SIZED_AT },
    ]),
  );
}

/** A directory that answers from a table and counts the addresses it is asked for. */
function countingDirectory(table: ReadonlyMap<string, DirectoryAnswer>, fallback: DirectoryAnswer) {
  const asked: string[] = [];
  const directory: Directory = {
    async resolve(addresses) {
      asked.push(...addresses);
      return new Map(addresses.map((address) => [address, table.get(address) ?? fallback]));
    },
  };
  return { directory, asked };
}

const graphDown: DirectoryAnswer = { entry: { kind: "unknown", cause: "unavailable" }, source: "graph" };
const later = () => Date.now() + 1000;

describe("evaluate with the catalogue", () => {
  it.each(["unavailable", "timeout", "no-token", "not-permitted", "count-missing", "not-found"] as const)(
    "sizes a list the directory answered unknown (%s), from source catalogue with its date",
    async (cause) => {
      const result = await evaluate(message(ME, { to: [EVERYONE] }), {
        directory: unavailableDirectory(cause),
        policy,
        deadlineAt: later(),
        catalogue: catalogue({ [EVERYONE]: 840_000 }),
      });
      expect(result.decision.verdict).toBe("block");
      expect(result.decision.reasons[0]?.code).toBe("reach-over-block");
      expect(result.decision.recipients[0]).toMatchObject({
        kind: "list",
        members: 840_000,
        source: "catalogue",
        sizedAt: SIZED_AT,
      });
      // What the directory said is what is kept for the draft: the catalogue is laid over it afresh.
      expect(result.answers.get(EVERYONE)?.source).toBe("graph");
      expect(result.answers.get(EVERYONE)?.entry.kind).toBe("unknown");
    },
  );

  it("lets a live answer win: the catalogue's 840,000 list that Graph now calls 12 is allowed", async () => {
    for (const source of ["graph", "cache"] as const) {
      const { directory } = countingDirectory(answers({ [EVERYONE]: list(12) }, source), graphDown);
      const result = await evaluate(message(ME, { to: [EVERYONE] }), {
        directory,
        policy,
        deadlineAt: later(),
        catalogue: catalogue({ [EVERYONE]: 840_000 }),
      });
      expect(result.decision).toMatchObject({ verdict: "allow", reach: 12 });
      expect(result.decision.recipients[0]).toMatchObject({ source, members: 12 });
      expect(result.decision.recipients[0]?.sizedAt).toBeUndefined();
    }
  });

  it("never makes a person of someone the directory knows, nor sizes a tag Graph resolved through its bare form", async () => {
    const { directory } = countingDirectory(
      answers({ "sam.patel@example.org": person, "ward7-team@example.org": list(14) }),
      { entry: { kind: "unknown", cause: "not-found" }, source: "graph" },
    );
    const result = await evaluate(
      message(ME, { to: ["sam.patel@example.org", "ward7-team+rota@example.org"] }),
      {
        directory,
        policy,
        deadlineAt: later(),
        catalogue: catalogue({ "sam.patel@example.org": 9000, "ward7-team@example.org": 9000 }),
      },
    );
    expect(result.decision).toMatchObject({ verdict: "allow", reach: 15 });
  });

  it("sizes a tagged address from its untagged entry when Graph is down", async () => {
    const result = await evaluate(message(ME, { to: ["everyone+news@example.org"] }), {
      directory: unavailableDirectory(),
      policy,
      deadlineAt: later(),
      catalogue: catalogue({ [EVERYONE]: 840_000 }),
    });
    expect(result.decision.verdict).toBe("block");
  });

  it("leaves an entry without a size, or no entry at all, as the directory left it (never small)", async () => {
    for (const entries of [{ [EVERYONE]: null }, {}, { "other@example.org": 3 }]) {
      const result = await evaluate(message(ME, { to: [EVERYONE] }), {
        directory: unavailableDirectory(),
        policy: parsePolicy({ directoryUnavailable: "block" }),
        deadlineAt: later(),
        catalogue: catalogue(entries),
      });
      expect(result.decision.verdict).toBe("block");
      expect(result.decision.reasons.map((reason) => reason.code)).toEqual(["directory-unavailable"]);
      expect(result.decision.recipients[0]).toMatchObject({ kind: "unknown", source: "graph" });
    }
  });

  it("at send decides a catalogued block without asking the directory", async () => {
    const { directory, asked } = countingDirectory(new Map(), graphDown);
    const result = await evaluate(message(ME, { to: [EVERYONE, "sam.patel@example.org"] }), {
      directory,
      policy,
      deadlineAt: later(),
      skipDirectoryWhenPolicyBlocks: true,
      catalogue: catalogue({ [EVERYONE]: 840_000 }),
    });
    expect(asked).toEqual([]);
    expect(result.asked).toBe(0);
    expect(result.decision.verdict).toBe("block");
    expect(result.decision.reasons[0]?.code).toBe("reach-over-block");
  });

  it("at send still asks when the catalogue's sizes do not make a block, or a broadcaster sends", async () => {
    for (const [sender, sizes] of [
      [ME, { [EVERYONE]: 300 }],
      ["comms@example.org", { [EVERYONE]: 840_000 }],
    ] as const) {
      const { directory, asked } = countingDirectory(new Map(), graphDown);
      await evaluate(message(sender, { to: [EVERYONE] }), {
        directory,
        policy: parsePolicy({ blockAt: 5000, broadcasters: ["comms@example.org"] }),
        deadlineAt: later(),
        skipDirectoryWhenPolicyBlocks: true,
        catalogue: catalogue(sizes),
      });
      expect(asked).toEqual([EVERYONE]);
    }
  });

  it("at send weighs what this draft already learnt from Graph above the catalogue", async () => {
    const { directory, asked } = countingDirectory(answers({ [EVERYONE]: list(12) }), graphDown);
    const result = await evaluate(message(ME, { to: [EVERYONE] }), {
      directory,
      policy,
      deadlineAt: later(),
      skipDirectoryWhenPolicyBlocks: true,
      known: answers({ [EVERYONE]: list(12) }, "cache"),
      catalogue: catalogue({ [EVERYONE]: 840_000 }),
    });
    expect(asked).toEqual([]);
    expect(result.decision).toMatchObject({ verdict: "allow", reach: 12 });
  });
});

describe("the catalogue against the local Graph server", () => {
  let graph: FakeGraph;
  beforeAll(async () => {
    graph = await startFakeGraph({ directory: loadDemoDirectory() });
  });
  afterAll(() => graph.close());
  beforeEach(() => {
    graph.setFaults({});
    graph.resetLog();
  });

  const graphDirectory = (getToken: () => Promise<string>) =>
    createGraphDirectory({ graphRoot: graph.url, getToken });

  it("blocks an all-staff list with Graph down (503), and sends no request at send", async () => {
    graph.setFaults({ status: { code: 503 } });
    const compose = await evaluate(message(ME, { to: [EVERYONE] }), {
      directory: graphDirectory(async () => DEMO_TOKEN),
      policy,
      deadlineAt: Date.now() + 1500,
      catalogue: catalogue({ [EVERYONE]: 840_000 }),
    });
    expect(compose.decision.verdict).toBe("block");
    expect(graph.requests.length).toBeGreaterThan(0);
    graph.resetLog();
    const send = await evaluate(message(ME, { to: [EVERYONE] }), {
      directory: graphDirectory(async () => DEMO_TOKEN),
      policy,
      deadlineAt: Date.now() + 1500,
      known: compose.answers,
      skipDirectoryWhenPolicyBlocks: true,
      catalogue: catalogue({ [EVERYONE]: 840_000 }),
    });
    expect(send.decision.verdict).toBe("block");
    expect(graph.requests).toHaveLength(0);
  });

  it("blocks an all-staff list when no token can be had", async () => {
    const noToken = async (): Promise<string> => {
      throw new TokenUnavailableError("interaction-required");
    };
    const result = await evaluate(message(ME, { to: [EVERYONE] }), {
      directory: graphDirectory(noToken),
      policy,
      deadlineAt: Date.now() + 1500,
      catalogue: catalogue({ [EVERYONE]: 840_000 }),
    });
    expect(result.decision.verdict).toBe("block");
    expect(result.decision.recipients[0]).toMatchObject({ source: "catalogue", members: 840_000 });
    expect(graph.requests).toHaveLength(0);
  });

  it("takes Graph's answer over the catalogue's when Graph is up", async () => {
    const result = await evaluate(message(ME, { to: ["ward7-team@example.org"] }), {
      directory: graphDirectory(async () => DEMO_TOKEN),
      policy,
      deadlineAt: Date.now() + 1500,
      catalogue: catalogue({ "ward7-team@example.org": 840_000 }),
    });
    expect(result.decision.verdict).not.toBe("block");
    expect(result.decision.recipients[0]).toMatchObject({ source: "graph" });
    expect(result.decision.recipients[0]?.members).toBeLessThan(100);
  });
});
