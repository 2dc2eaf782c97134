import { decide } from "../../src/core/decide";
import { formatHeader } from "../../src/core/header";
import { parsePolicy, type PolicyInput } from "../../src/core/policy";
import { threadActivity } from "../../src/core/storm";
import type { MessageInput, ThreadActivity, ThreadMessage } from "../../src/core/types";
import { answers, list, message, person, problemsOf } from "./helpers";

const NOW = Date.parse("2026-11-27T10:00:00Z");
const MINUTE = 60_000;
const SENDER = "dr.amelia.hart@example.org";

const header = (reach: number | null) =>
  formatHeader({
    verdict: "warn",
    reach,
    accuracy: "exact",
    ack: false,
    fingerprint: "ab".repeat(32),
    check: "done",
    mode: "enforce",
    wouldBe: "warn",
  });

function reply(minutesAgo: number, from: string | null, extra: Partial<ThreadMessage> = {}): ThreadMessage {
  return { from, receivedAt: NOW - minutesAgo * MINUTE, isReply: true, reachHeader: null, ...extra };
}

describe("threadActivity", () => {
  test("counts replies within the window and their distinct senders", () => {
    const activity = threadActivity(
      {
        messages: [
          reply(90, "jo@example.org", { isReply: false, reachHeader: header(12_000) }),
          reply(50, "a@example.org"),
          reply(40, "b@example.org"),
          reply(30, "a@example.org"),
          reply(61, "c@example.org"),
        ],
        complete: true,
      },
      NOW,
      60,
    );
    expect(activity).toEqual({ replies: 3, senders: 2, windowMinutes: 60, reach: 12_000, complete: true });
  });

  test("a time that cannot be read counts as recent, and a sender that cannot be read adds a reply", () => {
    const activity = threadActivity(
      { messages: [reply(0, null, { receivedAt: Number.NaN }), reply(5, null)], complete: false },
      NOW,
      60,
    );
    expect(activity).toMatchObject({ replies: 2, senders: 0, complete: false, reach: null });
  });

  test("the thread's reach is the largest header that can be read; broken or unknown ones add nothing", () => {
    const activity = threadActivity(
      {
        messages: [
          reply(1, "a@example.org", { reachHeader: header(300) }),
          reply(2, "b@example.org", { reachHeader: header(null) }),
          reply(3, "c@example.org", { reachHeader: "reach=99999999999; verdict=nonsense" }),
          reply(4, "d@example.org", { reachHeader: header(840_000) }),
          reply(5, "e@example.org", { reachHeader: header(9_000_000_000) }),
        ],
        complete: true,
      },
      NOW,
      60,
    );
    // A header claiming more people than any policy limit is held to that limit.
    expect(activity.reach).toBe(100_000_000);
  });

  test("an empty thread has no replies", () => {
    expect(threadActivity({ messages: [], complete: true }, NOW, 60)).toMatchObject({
      replies: 0,
      reach: null,
    });
  });
});

describe("the storm rule", () => {
  const LIST = "all-staff-news@example.org";
  const directory = answers({ [LIST]: list(12_000), "jo@example.org": person, "small@example.org": list(8) });
  const thread = (replies: number, extra: Partial<ThreadActivity> = {}): ThreadActivity => ({
    replies,
    senders: replies,
    windowMinutes: 60,
    reach: null,
    complete: true,
    ...extra,
  });
  const draft = (to: string[], activity: ThreadActivity | undefined): MessageInput => ({
    ...message(SENDER, { to }),
    ...(activity ? { thread: activity } : {}),
  });
  const policyWith = (input: PolicyInput = {}) => parsePolicy({ blockAt: 100_000, ...input });
  const storm = (to: string[], activity?: ThreadActivity, input?: PolicyInput) =>
    decide(draft(to, activity), policyWith(input), directory).reasons.find(
      (reason) => reason.code === "storm",
    );

  test("a reply to a list in a thread with more replies than the policy allows gets the storm verdict", () => {
    const reason = storm(["jo@example.org", LIST], thread(6));
    expect(reason).toMatchObject({
      verdict: "warn",
      addresses: [LIST],
      data: { replies: 6, windowMinutes: 60, reach: 12_001, complete: true },
    });
    const blocked = decide(draft([LIST], thread(12)), policyWith({ storm: { verdict: "block" } }), directory);
    expect(blocked.verdict).toBe("block");
    expect(blocked.reasons[0]!.code).toBe("storm");
  });

  test("no storm at or under the policy's number, without a thread, or with the check off", () => {
    expect(storm([LIST], thread(5))).toBeUndefined();
    expect(storm([LIST], undefined)).toBeUndefined();
    expect(storm([LIST], thread(50), { storm: null })).toBeUndefined();
  });

  test("a reply to the sender alone is never a storm, however busy the thread", () => {
    expect(storm(["jo@example.org"], thread(500, { reach: 840_000 }))).toBeUndefined();
  });

  test("a small list counts only when the thread's header says the audience is large", () => {
    expect(storm(["small@example.org"], thread(9))).toBeUndefined();
    expect(storm(["small@example.org"], thread(9, { reach: 840_000 }))).toMatchObject({
      data: { reach: 840_000 },
    });
  });

  test("a broadcaster's storm block becomes a warning; monitor mode only records it", () => {
    const input = { storm: { verdict: "block" as const }, broadcasters: [SENDER] };
    expect(decide(draft([LIST], thread(9)), policyWith(input), directory).verdict).toBe("warn");
    const monitored = decide(
      draft([LIST], thread(9)),
      policyWith({ storm: { verdict: "block" }, mode: "monitor" }),
      directory,
    );
    expect(monitored).toMatchObject({ verdict: "allow", wouldBe: "block" });
  });
});

describe("the storm section of the policy", () => {
  test("is on by default and can be turned off", () => {
    expect(parsePolicy({}).storm).toEqual({ replies: 5, windowMinutes: 60, verdict: "warn" });
    expect(parsePolicy({ storm: null }).storm).toBeNull();
    expect(parsePolicy({ storm: { replies: 20 } }).storm).toEqual({
      replies: 20,
      windowMinutes: 60,
      verdict: "warn",
    });
  });

  test("names the field it refuses", () => {
    expect(problemsOf({ storm: { replies: 0 } })).toEqual(["storm.replies must be a whole number >= 1"]);
    expect(problemsOf({ storm: { windowMinutes: 2000 } })).toEqual([
      "storm.windowMinutes must be a whole number <= 1440",
    ]);
    expect(problemsOf({ storm: { verdict: "stop" } })).toEqual([
      'storm.verdict must be one of "allow", "warn" or "block"',
    ]);
    expect(problemsOf({ storm: { replies: 5, extra: 1 } })).toEqual(["storm.extra is not a policy field"]);
    expect(problemsOf({ storm: "on" })).toEqual(["storm must be a JSON object or null"]);
  });
});
