import {
  DIRECTORY_FAILURES,
  type DirectoryAnswer,
  type DirectoryEntry,
  type UnknownCause,
} from "../../src/core/types";
import type { Directory, ResolveOptions } from "../../src/directory/port";

// What every Directory adapter promises (src/directory/port.ts), run against each one over a world
// its test scripts: a person, a list of known size, an external address, an address nobody knows, a
// list whose size cannot be learnt, a crowd of people, and the ways that world can fail. A rule an
// implementation is known to break under some failure runs as an expected failure (`breaks`), so
// the suite stays green while the break is reported, and turns red once it is mended.

/**
 * How far past `deadlineAt` an answer may come: bookkeeping, and a busy machine's timers. The check
 * waits no longer for a directory either (CONTRACT_SLACK_MS in its evaluate.ts).
 */
export const SLACK_MS = 50;
/** The signed-in mailbox named in every call but one. */
export const MAILBOX = "dr.amelia.hart@example.org";

const HEALTHY_DEADLINE_MS = 5_000;
const FAILURE_DEADLINE_MS = 400;
/** A call with no answer this long after its deadline is taken to have hung. */
const GIVE_UP_MS = 500;
const CROWD_SIZE = 250;

/** Who lives in the world behind a directory. Addresses are normalised, as the port expects. */
export interface Cast {
  readonly person: string;
  readonly list: { readonly address: string; readonly members: number };
  readonly external: string;
  /** An internal-looking address the world does not know. */
  readonly stranger: string;
  /** A list the world holds, whose size the directory cannot learn. */
  readonly unsized: string;
  /** At least CROWD_SIZE people the world knows. */
  readonly crowd: readonly string[];
}

export type Role = "person" | "list" | "external" | "stranger" | "unsized" | "crowd";

/** A rule of the contract, as a failure's known violations name it. */
export type Rule = "unknown-on-failure" | "on-time" | "well-formed";

export interface Failure {
  readonly name: string;
  /**
   * Whose answers the failure touches: they must be unknown with a directory failure as the cause,
   * and everyone else answered as in a healthy world. Every role when absent; `any` when either
   * outcome is honest for every address (a store the directory may work round, say).
   */
  readonly hits?: readonly Role[] | "any";
  /** A directory over the world failing this way. */
  open(): Directory | Promise<Directory>;
  /** Rules the implementation is known to break here: run as expected failures, so a fix shows. */
  readonly breaks?: { readonly rules: readonly Rule[]; readonly why: string };
}

export interface ContractSetup {
  readonly cast: Cast;
  /** A directory over the healthy world. */
  healthy(): Directory | Promise<Directory>;
  readonly failures: readonly Failure[];
  /** false for a directory that never reaches the world: its every answer is a failure. */
  readonly reachesTheWorld?: boolean;
}

/** An entry as the rules compare it: a list by its size, a failure whatever its cause. */
const FAILED = "unknown (a directory failure)";

function summary(entry: DirectoryEntry): string {
  if (entry.kind === "list") return `list of ${entry.members}`;
  if (entry.kind !== "unknown") return entry.kind;
  return DIRECTORY_FAILURES.includes(entry.cause) ? FAILED : `unknown (${entry.cause})`;
}

function truth(role: Role, cast: Cast): string {
  switch (role) {
    case "person":
    case "crowd":
      return "person";
    case "list":
      return `list of ${cast.list.members}`;
    case "external":
      return "external";
    case "stranger":
      return "unknown (not-found)";
    case "unsized":
      return "unknown (count-missing)";
  }
}

function roleOf(address: string, cast: Cast): Role {
  const named: [Role, string][] = [
    ["person", cast.person],
    ["list", cast.list.address],
    ["external", cast.external],
    ["stranger", cast.stranger],
    ["unsized", cast.unsized],
  ];
  const role = named.find(([, known]) => known === address)?.[0];
  if (role) return role;
  if (cast.crowd.includes(address)) return "crowd";
  throw new Error(`${address} is not in the cast`);
}

/** Everyone in the cast, with `crowd` of the crowd. */
function everyone(cast: Cast, crowd = 3): string[] {
  return [
    cast.person,
    cast.list.address,
    cast.external,
    cast.stranger,
    cast.unsized,
    ...cast.crowd.slice(0, crowd),
  ];
}

const CAUSES: Record<UnknownCause, true> = {
  "count-missing": true,
  "not-found": true,
  "contact-group": true,
  unavailable: true,
  timeout: true,
  "not-permitted": true,
  "no-token": true,
};

const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

function keysAre(value: object, keys: readonly string[]): boolean {
  return Object.keys(value).sort().join() === [...keys].sort().join();
}

/** What is wrong with an answer's shape; nothing when it is a well-formed DirectoryAnswer. */
export function shapeProblems(answer: unknown): string[] {
  if (typeof answer !== "object" || answer === null) return ["not an object"];
  const { entry, source } = answer as { entry?: unknown; source?: unknown };
  const problems: string[] = [];
  if (!keysAre(answer, ["entry", "source"])) problems.push("keys other than entry and source");
  if (source !== "graph" && source !== "cache") problems.push(`source ${String(source)}`);
  if (typeof entry !== "object" || entry === null) return [...problems, "no entry"];
  const fields = entry as Record<string, unknown>;
  const wellFormed =
    fields.kind === "person" || fields.kind === "external"
      ? keysAre(fields, ["kind"])
      : fields.kind === "unknown"
        ? keysAre(fields, ["kind", "cause"]) && Object.hasOwn(CAUSES, String(fields.cause))
        : fields.kind === "list" &&
          keysAre(fields, ["kind", "members", "externalMembers", "restricted", "moderated"]) &&
          isCount(fields.members) &&
          (fields.externalMembers === null || isCount(fields.externalMembers)) &&
          typeof fields.restricted === "boolean" &&
          typeof fields.moderated === "boolean";
  return wellFormed ? problems : [...problems, `entry ${JSON.stringify(entry)}`];
}

interface Outcome {
  readonly answers: Map<string, DirectoryAnswer>;
  /** Milliseconds from the deadline to the answer (negative: early). */
  readonly lateMs: number;
}

/** The directory's answer; a rejection, a synchronous throw or no answer at all fails the test. */
async function ask(
  directory: Directory,
  addresses: readonly string[],
  options: ResolveOptions,
): Promise<Outcome> {
  let call: Promise<Map<string, DirectoryAnswer>>;
  try {
    call = directory.resolve(addresses, options);
  } catch (error) {
    throw new Error(`resolve threw instead of answering: ${String(error)}`);
  }
  expect(call).toBeInstanceOf(Promise);
  // The test's own timer due at the deadline: how late it fires is the machine's lag (a loaded CI
  // box), which the directory's timers suffer too and is not counted against it.
  let lagMs = 0;
  const probe = setTimeout(
    () => (lagMs = Math.max(0, Date.now() - options.deadlineAt)),
    Math.max(0, options.deadlineAt - Date.now()),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<"hung">((resolve) => {
    timer = setTimeout(() => resolve("hung"), Math.max(0, options.deadlineAt + GIVE_UP_MS - Date.now()));
  });
  try {
    const settled = await Promise.race([
      call.then(
        (answers) => ({ answers, at: Date.now() }),
        (reason: unknown) => ({ reason }),
      ),
      hung,
    ]);
    if (settled === "hung") throw new Error(`no answer ${GIVE_UP_MS} ms after the deadline`);
    if ("reason" in settled) throw new Error(`resolve rejected: ${String(settled.reason)}`);
    expect(settled.answers).toBeInstanceOf(Map);
    return { answers: settled.answers, lateMs: settled.at - options.deadlineAt - lagMs };
  } finally {
    clearTimeout(timer);
    clearTimeout(probe);
  }
}

function expectAnswersFor(answers: Map<string, DirectoryAnswer>, addresses: readonly string[]): void {
  expect([...answers.keys()].sort()).toEqual([...new Set(addresses)].sort());
}

function expectWellFormed(answers: Map<string, DirectoryAnswer>): void {
  const problems = [...answers].flatMap(([address, answer]) =>
    shapeProblems(answer).map((problem) => `${address}: ${problem}`),
  );
  expect(problems).toEqual([]);
  // Plain data: answers cross runtimes as JSON (sessionData).
  expect(JSON.parse(JSON.stringify([...answers]))).toEqual([...answers]);
}

export function directoryContract(name: string, setup: ContractSetup): void {
  const { cast, failures } = setup;
  const reaches = setup.reachesTheWorld ?? true;
  const within = (ms: number): ResolveOptions => ({ deadlineAt: Date.now() + ms, mailbox: MAILBOX });

  /** What each address may be answered as: the truth, a failure, or either. */
  function allowed(address: string, failure: Failure | null): string[] {
    const role = roleOf(address, cast);
    if (!reaches) return [FAILED];
    if (failure === null) return [truth(role, cast)];
    const hits = failure.hits ?? "all";
    if (hits === "any") return [truth(role, cast), FAILED];
    return hits === "all" || hits.includes(role) ? [FAILED] : [truth(role, cast)];
  }

  function expectHonest(answers: Map<string, DirectoryAnswer>, failure: Failure | null): void {
    const wrong = [...answers].flatMap(([address, { entry }]) => {
      const may = allowed(address, failure);
      const got = summary(entry);
      return may.includes(got) ? [] : [`${address}: ${got}, not ${may.join(" or ")}`];
    });
    expect(wrong).toEqual([]);
  }

  /** One test per failure; an expected failure where the implementation is known to break the rule. */
  function eachFailure(rule: Rule, run: (failure: Failure) => Promise<void>): void {
    for (const failure of failures) {
      const known = failure.breaks?.rules.includes(rule) ? failure.breaks.why : null;
      if (known === null) it(failure.name, () => run(failure));
      else it.failing(`${failure.name} [known violation: ${known}]`, () => run(failure));
    }
  }

  describe(`Directory contract: ${name}`, () => {
    describe("never rejects; a failure becomes unknown, with a directory failure as its cause", () => {
      eachFailure("unknown-on-failure", async (failure) => {
        const addresses = everyone(cast);
        const { answers } = await ask(await failure.open(), addresses, within(FAILURE_DEADLINE_MS));
        expectAnswersFor(answers, addresses);
        expectHonest(answers, failure);
      });

      it("an aborted signal is no reason to reject", async () => {
        const controller = new AbortController();
        controller.abort();
        const addresses = everyone(cast);
        const options = { ...within(FAILURE_DEADLINE_MS), signal: controller.signal };
        const { answers } = await ask(await setup.healthy(), addresses, options);
        expectAnswersFor(answers, addresses);
        expectHonest(answers, { name: "aborted", hits: "any", open: setup.healthy });
      });
    });

    describe("answers every address it was given, and nothing else", () => {
      it("each address of the world, asked on its own", async () => {
        const directory = await setup.healthy();
        for (const address of everyone(cast, 1)) {
          const { answers } = await ask(directory, [address], within(HEALTHY_DEADLINE_MS));
          expectAnswersFor(answers, [address]);
          expectHonest(answers, null);
        }
      });

      it("the whole world in one call", async () => {
        const addresses = everyone(cast);
        const { answers } = await ask(await setup.healthy(), addresses, within(HEALTHY_DEADLINE_MS));
        expectAnswersFor(answers, addresses);
        expectHonest(answers, null);
      });

      it("an address given more than once, once", async () => {
        const { person, stranger, unsized } = cast;
        const addresses = [person, cast.list.address, person, unsized, stranger, person, unsized];
        const { answers } = await ask(await setup.healthy(), addresses, within(HEALTHY_DEADLINE_MS));
        expect(answers.size).toBe(4);
        expectAnswersFor(answers, addresses);
        expectHonest(answers, null);
      });

      it("no addresses: an empty answer, healthy or failing", async () => {
        for (const open of [setup.healthy, ...failures.map((failure) => failure.open)]) {
          const { answers } = await ask(await open(), [], within(FAILURE_DEADLINE_MS));
          expect([...answers]).toEqual([]);
        }
      });

      it(`${CROWD_SIZE} people and the rest of the world in one call`, async () => {
        const addresses = everyone(cast, CROWD_SIZE);
        expect(new Set(addresses).size).toBe(CROWD_SIZE + 5);
        const { answers } = await ask(await setup.healthy(), addresses, within(HEALTHY_DEADLINE_MS));
        expectAnswersFor(answers, addresses);
        expectHonest(answers, null);
      });

      it("the same again when asked again (the second answer may come from a cache)", async () => {
        const directory = await setup.healthy();
        const addresses = everyone(cast);
        await ask(directory, addresses, within(HEALTHY_DEADLINE_MS));
        const { answers } = await ask(directory, addresses, within(HEALTHY_DEADLINE_MS));
        expectAnswersFor(answers, addresses);
        expectHonest(answers, null);
      });

      it("when no mailbox is named", async () => {
        const addresses = everyone(cast);
        const { answers } = await ask(await setup.healthy(), addresses, {
          deadlineAt: Date.now() + HEALTHY_DEADLINE_MS,
        });
        expectAnswersFor(answers, addresses);
        expectHonest(answers, null);
      });
    });

    describe(`returns by deadlineAt plus ${SLACK_MS} ms, also when the world behind it hangs`, () => {
      eachFailure("on-time", async (failure) => {
        const addresses = everyone(cast);
        const { answers, lateMs } = await ask(await failure.open(), addresses, within(FAILURE_DEADLINE_MS));
        expect(lateMs).toBeLessThanOrEqual(SLACK_MS);
        expectAnswersFor(answers, addresses);
      });

      it("a deadline already past: at once, every address answered", async () => {
        const addresses = everyone(cast);
        const { answers, lateMs } = await ask(await setup.healthy(), addresses, within(-1));
        expect(lateMs).toBeLessThanOrEqual(SLACK_MS);
        expectAnswersFor(answers, addresses);
        expectHonest(answers, { name: "past", hits: "any", open: setup.healthy });
      });
    });

    describe("a list whose size it cannot learn is unknown, never a small list or a person", () => {
      const expectUnsized = (answers: Map<string, DirectoryAnswer>) => {
        const entry = answers.get(cast.unsized)?.entry;
        expect(entry && summary(entry)).toBe(reaches ? truth("unsized", cast) : FAILED);
      };

      it("asked on its own", async () => {
        const { answers } = await ask(await setup.healthy(), [cast.unsized], within(HEALTHY_DEADLINE_MS));
        expectUnsized(answers);
      });

      it("asked beside a list and people it can size", async () => {
        const addresses = [cast.list.address, cast.unsized, ...cast.crowd.slice(0, 20)];
        const { answers } = await ask(await setup.healthy(), addresses, within(HEALTHY_DEADLINE_MS));
        expectUnsized(answers);
        expectHonest(answers, null);
      });

      it("asked again: nothing remembered makes it small", async () => {
        const directory = await setup.healthy();
        await ask(directory, [cast.unsized, cast.person], within(HEALTHY_DEADLINE_MS));
        const { answers } = await ask(directory, [cast.unsized], within(HEALTHY_DEADLINE_MS));
        expectUnsized(answers);
      });
    });

    describe("answers are well-formed DirectoryAnswers, from source graph or cache", () => {
      it("from a healthy world, asked twice", async () => {
        const directory = await setup.healthy();
        for (const attempt of [1, 2]) {
          const { answers } = await ask(directory, everyone(cast), within(HEALTHY_DEADLINE_MS));
          expect({ attempt, answered: answers.size }).toEqual({ attempt, answered: everyone(cast).length });
          expectWellFormed(answers);
        }
      });

      eachFailure("well-formed", async (failure) => {
        const { answers } = await ask(await failure.open(), everyone(cast), within(FAILURE_DEADLINE_MS));
        expect(answers.size).toBe(everyone(cast).length);
        expectWellFormed(answers);
      });
    });
  });
}

/** How a scripted world fails: every answer unknown for this cause, or no answer until the deadline. */
export type Trouble = UnknownCause | "hang" | null;

/**
 * A world behind a wrapping directory (the cache, the breaker), itself a Directory that keeps the
 * contract: what `cast` holds while `trouble` is null; every address unknown for its cause while it
 * is one; while it is `hang`, nothing until the deadline and then a timeout. A call made after its
 * deadline or with its signal aborted times out too, as Graph's do.
 */
export function scriptedWorld(cast: Cast, initially: Trouble = null) {
  const world = {
    trouble: initially,
    directory: {
      async resolve(addresses: readonly string[], options: ResolveOptions) {
        const { trouble } = world;
        if (trouble === "hang") await untilDeadline(options);
        const late = options.signal?.aborted === true || Date.now() >= options.deadlineAt;
        const cause = trouble === "hang" || late ? "timeout" : trouble;
        return new Map(
          addresses.map((address): [string, DirectoryAnswer] => [
            address,
            { entry: cause === null ? entryOf(address, cast) : { kind: "unknown", cause }, source: "graph" },
          ]),
        );
      },
    } satisfies Directory,
  };
  return world;
}

function untilDeadline({ deadlineAt, signal }: ResolveOptions): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, deadlineAt - Date.now()));
    const stop = () => {
      clearTimeout(timer);
      resolve();
    };
    if (signal?.aborted) stop();
    signal?.addEventListener("abort", stop, { once: true });
  });
}

function entryOf(address: string, cast: Cast): DirectoryEntry {
  if (address === cast.list.address)
    return {
      kind: "list",
      members: cast.list.members,
      externalMembers: 0,
      restricted: false,
      moderated: false,
    };
  if (address === cast.person || cast.crowd.includes(address)) return { kind: "person" };
  if (address === cast.external) return { kind: "external" };
  if (address === cast.unsized) return { kind: "unknown", cause: "count-missing" };
  return { kind: "unknown", cause: "not-found" };
}

/** A cast for scripted worlds. */
export const SCRIPTED_CAST: Cast = {
  person: "sam.patel@example.org",
  list: { address: "ward7-team@example.org", members: 12 },
  external: "joe.bloggs@supplier.example",
  stranger: "no.such.person@example.org",
  unsized: "all-contractors@example.org",
  crowd: Array.from({ length: CROWD_SIZE }, (_, index) => `clinical.lead${index + 1}@example.org`),
};
