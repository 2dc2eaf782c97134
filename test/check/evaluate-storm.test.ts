import { evaluate, STORM_READ_LIMIT_MS } from "../../src/check/evaluate";
import { parsePolicy, type PolicyInput } from "../../src/core/policy";
import type { Conversation, DirectoryAnswer, MessageInput, ThreadReading } from "../../src/core/types";
import type { Directory, ThreadReader, ThreadReadOptions } from "../../src/directory/port";
import { answers, list, message, person } from "../core/helpers";

// The storm check inside evaluate: asked only for a reply that reaches a list, bounded by the
// deadline, and never changing the decision when it fails.

const NOW = Date.parse("2026-11-27T10:00:00Z");
const LIST = "all-staff-news@example.org";
const SENDER = "dr.amelia.hart@example.org";
const THREAD = "AAQkADcarpark-storm";

const known = answers({ [LIST]: list(12_000), "jo@example.org": person });
const directory: Directory = {
  async resolve(addresses) {
    return new Map<string, DirectoryAnswer>(
      addresses.map((address) => [
        address,
        known.get(address) ?? { entry: { kind: "unknown", cause: "unavailable" }, source: "graph" },
      ]),
    );
  },
};

function busyThread(replies: number): ThreadReading {
  return {
    messages: Array.from({ length: replies }, (_, index) => ({
      from: `person${index % 4}@example.org`,
      receivedAt: NOW - (index + 1) * 60_000,
      isReply: true,
      reachHeader: null,
    })),
    complete: true,
  };
}

function reader(answer: (options: ThreadReadOptions) => Promise<ThreadReading>) {
  const calls: { id: string; options: ThreadReadOptions }[] = [];
  const threads: ThreadReader = {
    read(id, options) {
      calls.push({ id, options });
      return answer(options);
    },
  };
  return { threads, calls };
}

const replyTo = (to: string[], kind: Conversation["kind"] = "reply"): MessageInput => ({
  ...message(SENDER, { to }),
  conversation: { id: THREAD, subject: "RE: Car park B closed on Monday", kind },
});

// The check's clock stands at NOW, and its deadline is counted from it.
let clock = () => NOW;
const run = (draft: MessageInput, threads: ThreadReader, input: PolicyInput = {}, deadline = 3000) =>
  evaluate(draft, {
    directory,
    policy: parsePolicy(input),
    deadlineAt: clock() + deadline,
    threads,
    now: clock,
  });

const stormOf = (decision: { reasons: readonly { code: string }[] }) =>
  decision.reasons.find((reason) => reason.code === "storm");

test("a reply to a list in a busy thread gets the storm reason, read for the policy's window", async () => {
  const { threads, calls } = reader(async () => busyThread(9));
  const { decision } = await run(replyTo(["jo@example.org", LIST]), threads, { blockAt: 100_000 });
  expect(stormOf(decision)).toMatchObject({ verdict: "warn", data: { replies: 9, senders: 4 } });
  expect(calls).toEqual([{ id: THREAD, options: expect.objectContaining({ since: NOW - 60 * 60_000 }) }]);
});

test("the thread is not read for a new message, a reply to people only, or with the check off", async () => {
  const { threads, calls } = reader(async () => busyThread(9));
  await run(replyTo([LIST], "new"), threads);
  await run(replyTo(["jo@example.org"]), threads);
  await run(replyTo([LIST]), threads, { storm: null });
  await run(message(SENDER, { to: [LIST] }), threads);
  expect(calls).toEqual([]);
});

test("while Graph is failing for a recipient the thread is not asked about", async () => {
  const { threads, calls } = reader(async () => busyThread(9));
  const { decision } = await run(replyTo([LIST, "gone@example.org"]), threads);
  expect(calls).toEqual([]);
  expect(stormOf(decision)).toBeUndefined();
});

test("a failed or hostile read changes nothing", async () => {
  const plain = await run(replyTo([LIST]), reader(async () => busyThread(0)).threads);
  for (const failing of [
    async () => Promise.reject(new Error("429")),
    async () => {
      throw new TypeError("not JSON");
    },
    async () => ({ messages: null }) as unknown as ThreadReading,
  ]) {
    const { decision } = await run(replyTo([LIST]), reader(failing).threads);
    expect(decision).toEqual(plain.decision);
  }
});

test("a read that hangs is given up at the deadline, and at most STORM_READ_LIMIT_MS", async () => {
  clock = Date.now;
  const hanging = reader(() => new Promise<ThreadReading>(() => undefined)).threads;
  let started = Date.now();
  const short = await run(replyTo([LIST]), hanging, {}, 200);
  expect(Date.now() - started).toBeLessThan(200 + 250);
  expect(stormOf(short.decision)).toBeUndefined();
  started = Date.now();
  await run(replyTo([LIST]), hanging, {}, 60_000);
  const took = Date.now() - started;
  expect(took).toBeGreaterThanOrEqual(STORM_READ_LIMIT_MS - 20);
  expect(took).toBeLessThan(STORM_READ_LIMIT_MS + 400);
});
