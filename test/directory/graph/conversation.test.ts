import { TokenUnavailableError } from "../../../src/auth/port";
import { threadActivity } from "../../../src/core/storm";
import {
  createThreadReader,
  firstPagePath,
  nextPagePath,
  type ThreadReaderOptions,
} from "../../../src/directory/graph/conversation";
import { GraphError } from "../../../src/directory/graph/errors";
import {
  conversationIndex,
  createFakeDirectory,
  DEMO_STORM_THREAD,
  DEMO_TOKEN,
  GROUPS_ONLY_TOKEN,
  loadDemoDirectory,
  type MailboxMessage,
} from "../../../src/fake-graph";
import { useFakeGraph } from "../../fake-graph/helpers";

// The storm check's reader against the local Graph server over real sockets: what it asks, what it
// keeps, paging and its cap, and every failure rejecting by the deadline.

const NOW = Date.parse("2026-11-24T10:00:00Z");
const MINUTE = 60_000;
const ME = "dr.amelia.hart@example.org";
const THREAD = "AAQkADthread-1";
const QUOTED = "AAQk'O''Brien & co+1 = 100%";
const BIG = "AAQkADbig-thread";

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const rootAt = NOW - 50 * MINUTE;

function message(
  n: number,
  minutesAgo: number,
  options: {
    from?: string | null;
    depth?: number;
    conversation?: string;
    headers?: MailboxMessage["internetMessageHeaders"];
  } = {},
): MailboxMessage {
  const conversation = options.conversation ?? THREAD;
  const from = options.from === undefined ? `Person${n}@Example.org` : options.from;
  return {
    id: `m-${conversation}-${n}`,
    conversationId: conversation,
    from: from === null ? null : { address: from, name: `Person ${n}` },
    receivedDateTime: iso(NOW - minutesAgo * MINUTE),
    conversationIndex: conversationIndex(conversation, rootAt, options.depth ?? 1, n),
    internetMessageHeaders: options.headers ?? [{ name: "Received", value: "from somewhere" }],
    subject: "Private: never read",
  };
}

const STAMP = "verdict=warn; reach=12000; accuracy=exact; ack=yes; fp=abc; check=done";

const MESSAGES: MailboxMessage[] = [
  message(0, 50, {
    depth: 0,
    headers: [
      { name: "Received", value: "from somewhere" },
      { name: "x-REACH-guard", value: STAMP },
      {
        name: "X-Reach-Guard",
        value: "verdict=block; reach=999999999; accuracy=exact; ack=no; fp=x; check=done",
      },
    ],
  }),
  message(1, 40),
  message(2, 30, { depth: 2 }),
  message(3, 20, { from: "person1@example.org" }),
  message(4, 10, { from: null, headers: [{ name: "X-Reach-Guard", value: `v${"x".repeat(2000)}` }] }),
  // Older than the window, and another conversation: neither is read.
  message(5, 24 * 60),
  message(6, 5, { conversation: "AAQkADother" }),
  message(7, 5, { conversation: QUOTED, depth: 0 }),
];

const graph = useFakeGraph(() =>
  createFakeDirectory({
    domains: ["example.org"],
    me: ME,
    users: [{ mail: ME, displayName: "Dr Amelia Hart" }],
    groups: [],
    mailbox: {
      messages: MESSAGES,
      threads: [
        {
          conversationId: BIG,
          count: 250,
          firstAt: NOW - 250 * 1000,
          spacingMs: 1000,
          senders: ["a@example.org", "b@example.org", "c@example.org"],
          rootHeader: STAMP,
          transportHeaders: 3,
        },
      ],
    },
  }),
);

function reader(options: Partial<ThreadReaderOptions> = {}) {
  return createThreadReader({ graphRoot: graph().url, getToken: async () => DEMO_TOKEN, ...options });
}

const WINDOW = { since: NOW - 60 * MINUTE };
const soon = (ms = 3000) => ({ ...WINDOW, deadlineAt: Date.now() + ms });
const messageRequests = () => graph().requests.filter((request) => request.kind === "messages");

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => new Error("resolved"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

describe("reading a conversation", () => {
  it("reads the window's messages: sender, time, whether a reply, the first X-Reach-Guard", async () => {
    const reading = await reader().read(THREAD, soon());
    expect(reading.complete).toBe(true);
    const byTime = [...reading.messages].sort((a, b) => a.receivedAt - b.receivedAt);
    expect(byTime).toEqual([
      { from: "person0@example.org", receivedAt: NOW - 50 * MINUTE, isReply: false, reachHeader: STAMP },
      { from: "person1@example.org", receivedAt: NOW - 40 * MINUTE, isReply: true, reachHeader: null },
      { from: "person2@example.org", receivedAt: NOW - 30 * MINUTE, isReply: true, reachHeader: null },
      { from: "person1@example.org", receivedAt: NOW - 20 * MINUTE, isReply: true, reachHeader: null },
      { from: null, receivedAt: NOW - 10 * MINUTE, isReply: true, reachHeader: `v${"x".repeat(999)}` },
    ]);
    const activity = threadActivity(reading, NOW, 60);
    expect(activity).toEqual({ replies: 4, senders: 2, windowMinutes: 60, reach: 12000, complete: true });
  });

  it("asks for the conversation since the window's start, four properties, and no $orderby", async () => {
    await reader().read(THREAD, soon());
    const [request] = messageRequests();
    expect(messageRequests()).toHaveLength(1);
    const url = new URL(request!.path, "http://x");
    expect(url.pathname).toBe("/v1.0/me/messages");
    expect(url.searchParams.get("$filter")).toBe(
      `conversationId eq '${THREAD}' and receivedDateTime ge ${iso(WINDOW.since)}`,
    );
    expect(url.searchParams.get("$select")).toBe(
      "from,receivedDateTime,conversationIndex,internetMessageHeaders",
    );
    expect(url.searchParams.get("$top")).toBe("100");
    expect(url.searchParams.has("$orderby")).toBe(false);
    expect(request!.path).not.toMatch(/subject|body/i);
  });

  it("doubles a quote in the conversation id and encodes the rest", async () => {
    expect(firstPagePath(QUOTED, NOW, 5)).toContain(encodeURIComponent("'AAQk''O''''Brien & co+1 = 100%'"));
    const reading = await reader().read(QUOTED, soon());
    expect(reading.messages).toHaveLength(1);
    expect(reading.messages[0]).toMatchObject({ from: "person7@example.org", isReply: false });
  });

  it("reads nothing of a conversation the mailbox does not hold", async () => {
    await expect(reader().read("AAQkADnothing", soon())).resolves.toEqual({ messages: [], complete: true });
  });

  it("lets the server apply the window: an older start brings the older message", async () => {
    const reading = await reader().read(THREAD, {
      since: NOW - 2 * 24 * 60 * MINUTE,
      deadlineAt: Date.now() + 3000,
    });
    expect(reading.messages).toHaveLength(6);
    const narrow = await reader().read(THREAD, { since: NOW - 25 * MINUTE, deadlineAt: Date.now() + 3000 });
    expect(narrow.messages.map((m) => m.receivedAt).sort()).toEqual([NOW - 20 * MINUTE, NOW - 10 * MINUTE]);
  });
});

describe("paging and the cap", () => {
  it("follows next links on the same server to the end", async () => {
    const reading = await reader().read(BIG, soon());
    expect(reading.complete).toBe(true);
    expect(reading.messages).toHaveLength(250);
    expect(reading.messages.filter((m) => !m.isReply)).toHaveLength(1);
    expect(new Set(reading.messages.map((m) => m.from))).toEqual(
      new Set(["a@example.org", "b@example.org", "c@example.org"]),
    );
    expect(threadActivity(reading, NOW, 60)).toMatchObject({ replies: 249, senders: 3, reach: 12000 });
    const paths = messageRequests().map((request) => new URL(request.path, "http://x").searchParams);
    expect(paths.map((query) => query.get("$skip"))).toEqual([null, "100", "200"]);
    expect(paths.every((query) => query.get("$filter")?.startsWith(`conversationId eq '${BIG}'`))).toBe(true);
  });

  it("stops at maxMessages and says the reading is not complete", async () => {
    const reading = await reader({ maxMessages: 120, pageSize: 50 }).read(BIG, soon());
    expect(reading).toMatchObject({ complete: false });
    expect(reading.messages).toHaveLength(120);
    expect(messageRequests()).toHaveLength(3);
    expect(threadActivity(reading, NOW, 60)).toMatchObject({ complete: false });
  });

  it("is complete when the cap is exactly the conversation", async () => {
    const reading = await reader({ maxMessages: 250, pageSize: 250 }).read(BIG, soon());
    expect(reading.complete).toBe(true);
    expect(reading.messages).toHaveLength(250);
  });

  it("asks for no more than the cap in the first page", async () => {
    await reader({ maxMessages: 7 }).read(BIG, soon());
    expect(new URL(messageRequests()[0]!.path, "http://x").searchParams.get("$top")).toBe("7");
  });

  it("refuses a next link to another origin, and sends nothing there", async () => {
    graph().setFaults({ nextLinkOrigin: "http://127.0.0.2:9" });
    const error = await failure(reader().read(BIG, soon()));
    expect(error).toMatchObject({ failure: "unavailable", code: "NextLinkRefused" });
    expect(messageRequests()).toHaveLength(1);
  });
});

describe("next links", () => {
  const root = "https://graph.microsoft.com";
  it.each([
    ["https://graph.microsoft.com/v1.0/me/messages?%24skip=100", "/me/messages?%24skip=100"],
    ["HTTPS://GRAPH.MICROSOFT.COM/v1.0/me/messages?$skip=1", "/me/messages?$skip=1"],
  ])("follows %s", (link, path) => {
    expect(nextPagePath(link, root)).toBe(path);
  });

  it.each([
    "https://graph.microsoft.com.evil.example/v1.0/me/messages?$skip=1",
    "https://evil.example/v1.0/me/messages?$skip=1",
    "https://graph.microsoft.com/beta/me/messages?$skip=1",
    "https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages?$skip=1",
    "https://graph.microsoft.com/v1.0/users/x/messages?$skip=1",
    "https://graph.microsoft.com/v1.0/me/messages/../../groups?$skip=1",
    "https://graph.microsoft.com/v1.0/me/messages?$skip=1#x",
    "https://graph.microsoft.com/v1.0/me/messages?$skip=1 https://evil.example",
    "https://graph.microsoft.com/v1.0/me/messages?$skip=1\\@evil.example",
    "/v1.0/me/messages?$skip=1",
    "https://graph.microsoft.com/v1.0/me/messages",
  ])("refuses %s", (link) => {
    expect(nextPagePath(link, root)).toBeNull();
  });
});

describe("what the reader refuses to ask", () => {
  it.each([
    ["an empty id", ""],
    ["an id of 1,001 characters", "A".repeat(1001)],
    ["a line break", "AAQk\nAD"],
    ["a NUL", "AAQk\u0000AD"],
    ["DEL", "AAQk\u007fAD"],
  ])("rejects %s without asking for a token or sending anything", async (_what, id) => {
    let tokens = 0;
    const error = await failure(
      reader({
        getToken: async () => {
          tokens += 1;
          return DEMO_TOKEN;
        },
      }).read(id, soon()),
    );
    expect(error.code).toBe("InvalidConversationId");
    expect(tokens).toBe(0);
    expect(graph().requests).toHaveLength(0);
  });

  it("asks about an id of exactly 1,000 characters", async () => {
    await expect(reader().read("A".repeat(1000), soon())).resolves.toEqual({ messages: [], complete: true });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 1e20])("rejects a window starting at %p", async (since) => {
    const error = await failure(reader().read(THREAD, { since, deadlineAt: Date.now() + 1000 }));
    expect(error.code).toBe("InvalidWindow");
    expect(graph().requests).toHaveLength(0);
  });

  it("rejects every read on a Graph root the rule refuses, asking for no token", async () => {
    let tokens = 0;
    const refused = createThreadReader({
      graphRoot: "https://graph.example.org",
      getToken: async () => {
        tokens += 1;
        return DEMO_TOKEN;
      },
    });
    expect(refused.client.root).toBe("");
    expect((await failure(refused.read(THREAD, soon()))).code).toBe("InvalidGraphRoot");
    expect(tokens).toBe(0);
  });
});

describe("failures reject, never later than the deadline and 50 ms", () => {
  const DEADLINE_MS = 600;

  async function rejectsInTime(
    options: Partial<ThreadReaderOptions>,
    expected: Partial<Pick<GraphError, "failure" | "code" | "status">>,
  ): Promise<void> {
    const deadlineAt = Date.now() + DEADLINE_MS;
    const error = await failure(reader(options).read(BIG, { ...WINDOW, deadlineAt }));
    expect(Date.now()).toBeLessThanOrEqual(deadlineAt + 50);
    expect(error).toMatchObject(expected);
  }

  it("no token: the client's no-token failure", async () => {
    const error = await failure(
      reader({
        getToken: async () => {
          throw new TokenUnavailableError("interaction-required");
        },
      }).read(THREAD, soon(DEADLINE_MS)),
    );
    expect(error).toMatchObject({ failure: "no-token", code: "NoToken:interaction-required" });
    expect(graph().requests).toHaveLength(0);
  });

  it("401", async () => {
    graph().setFaults({ unauthorized: true });
    await rejectsInTime({}, { failure: "not-permitted", status: 401 });
  });

  it("403 for a token without Mail.Read", async () => {
    await rejectsInTime(
      { getToken: async () => GROUPS_ONLY_TOKEN },
      {
        failure: "not-permitted",
        status: 403,
        code: "ErrorAccessDenied",
      },
    );
  });

  it("429 whose Retry-After goes past the deadline", async () => {
    graph().setFaults({ throttle: { on: "messages", retryAfter: 5 } });
    await rejectsInTime({}, { failure: "unavailable", status: 429 });
  });

  it("429 on the second page, after the first was read", async () => {
    graph().setFaults({ throttle: { on: "messages", after: 1, retryAfter: 5 } });
    await rejectsInTime({}, { status: 429 });
    expect(messageRequests()).toHaveLength(2);
  });

  it("503, retried until the deadline", async () => {
    graph().setFaults({ status: { code: 503, on: "messages" } });
    await rejectsInTime({}, { failure: "unavailable", status: 503 });
    expect(messageRequests().length).toBeGreaterThan(1);
  });

  it("500, not retried", async () => {
    graph().setFaults({ status: { code: 500, on: "messages" } });
    await rejectsInTime({}, { failure: "unavailable", status: 500 });
    expect(messageRequests()).toHaveLength(1);
  });

  it("a server that never answers", async () => {
    graph().setFaults({ hang: { on: "messages" } });
    await rejectsInTime({}, { failure: "timeout" });
  });

  it("a server slower than the deadline", async () => {
    graph().setFaults({ latencyMs: 2000 });
    await rejectsInTime({}, { failure: "timeout" });
  });

  it("pages that together outlast the deadline", async () => {
    graph().setFaults({ latencyMs: 250 });
    await rejectsInTime({ pageSize: 50 }, { failure: "timeout" });
  });

  it("an answer cut short (not JSON), every time", async () => {
    graph().setFaults({ malformed: { on: "messages" } });
    await rejectsInTime({}, { failure: "unavailable", code: "MalformedResponse" });
  });

  it("a dropped connection, every time", async () => {
    graph().setFaults({ drop: { on: "messages" } });
    await rejectsInTime({}, { failure: "unavailable" });
  });

  it("when the caller aborts", async () => {
    graph().setFaults({ latencyMs: 1000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await failure(
      reader().read(BIG, { ...WINDOW, deadlineAt: Date.now() + 3000, signal: controller.signal }),
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("the demo storm", () => {
  const demo = useFakeGraph(() => loadDemoDirectory(undefined, NOW));

  it("reads as 12 replies from 10 people to a thread of 300", async () => {
    const reading = await createThreadReader({
      graphRoot: demo().url,
      getToken: async () => DEMO_TOKEN,
    }).read(DEMO_STORM_THREAD.conversationId, { since: NOW - 60 * MINUTE, deadlineAt: Date.now() + 3000 });
    expect(threadActivity(reading, NOW, 60)).toEqual({
      replies: 12,
      senders: 10,
      windowMinutes: 60,
      reach: 300,
      complete: true,
    });
    // The announcement is older than a 45-minute window; the replies are all within it.
    const narrow = await createThreadReader({ graphRoot: demo().url, getToken: async () => DEMO_TOKEN }).read(
      DEMO_STORM_THREAD.conversationId,
      { since: NOW - 45 * MINUTE, deadlineAt: Date.now() + 3000 },
    );
    expect(threadActivity(narrow, NOW, 45)).toMatchObject({ replies: 12, reach: null });
  });
});
