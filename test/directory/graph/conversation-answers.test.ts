import { threadActivity } from "../../../src/core/storm";
import { createThreadReader } from "../../../src/directory/graph/conversation";
import { GraphError } from "../../../src/directory/graph/errors";
import { conversationIndex } from "../../../src/fake-graph";
import { GRAPH_JSON, startScriptedServer, type Scripted, type ScriptedServer } from "../scripted-server";

// Answers the local Graph server never gives: pages of the wrong shape, messages with unreadable
// fields, several roots, links that repeat or lead elsewhere. A page of the wrong shape rejects; a
// message that cannot be read counts as a reply from nobody known, never as nothing.

let server: ScriptedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const NOW = Date.parse("2026-11-24T10:00:00Z");
const ROOT_AT = NOW - 30 * 60_000;
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();
const ok = (body: unknown): Scripted => ({ status: 200, headers: { "Content-Type": GRAPH_JSON }, body });

async function readWith(script: (index: number) => Scripted, maxMessages?: number) {
  server = await startScriptedServer((_request, index) => script(index));
  const reader = createThreadReader({
    graphRoot: server.root,
    getToken: async () => "t",
    ...(maxMessages === undefined ? {} : { maxMessages }),
  });
  return reader.read("AAQkADx", { since: NOW - 60 * 60_000, deadlineAt: Date.now() + 2000 });
}

async function rejection(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => new Error("resolved"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

const reply = (n: number, minutesAgo: number, extra: Record<string, unknown> = {}) => ({
  from: { emailAddress: { name: `P${n}`, address: `p${n}@example.org` } },
  receivedDateTime: at(minutesAgo),
  conversationIndex: conversationIndex("AAQkADx", ROOT_AT, 1, n),
  internetMessageHeaders: [],
  ...extra,
});

describe("a page of the wrong shape rejects the reading", () => {
  it.each([
    ["no value", { "@odata.context": "x" }],
    ["a value that is not a list", { value: { from: null } }],
    ["null", null],
    ["a list", [reply(1, 5)]],
    ["a next link that is not text", { value: [], "@odata.nextLink": 5 }],
  ])("%s", async (_what, body) => {
    const error = await rejection(readWith(() => ok(body)));
    expect(error).toMatchObject({ failure: "unavailable", code: "MalformedResponse" });
  });

  it("a second page of the wrong shape, after a good first page", async () => {
    const error = await rejection(
      readWith((index) =>
        index === 0
          ? ok({ value: [reply(1, 5)], "@odata.nextLink": `${server!.root}/v1.0/me/messages?$skip=1` })
          : ok({ value: "later" }),
      ),
    );
    expect(error.code).toBe("MalformedResponse");
  });
});

describe("messages that cannot be read count as replies", () => {
  it("from nobody known, at a time that counts as recent, with no header", async () => {
    const reading = await readWith(() =>
      ok({
        value: [
          null,
          42,
          "message",
          {},
          {
            from: { emailAddress: {} },
            receivedDateTime: 5,
            conversationIndex: "@@not base64@@",
            internetMessageHeaders: { name: "X-Reach-Guard", value: "verdict=warn" },
          },
          { from: "p@example.org", receivedDateTime: "yesterday", conversationIndex: 22 },
        ],
      }),
    );
    expect(reading.complete).toBe(true);
    expect(reading.messages).toHaveLength(6);
    for (const message of reading.messages) {
      expect(message).toEqual({ from: null, receivedAt: Number.NaN, isReply: true, reachHeader: null });
    }
    expect(threadActivity(reading, NOW, 60)).toMatchObject({ replies: 6, senders: 0, reach: null });
  });

  it("a blank address is nobody known; an address is trimmed and lower-cased", async () => {
    const reading = await readWith(() =>
      ok({
        value: [
          reply(1, 5, { from: { emailAddress: { address: "  " } } }),
          reply(2, 4, { from: { emailAddress: { address: " Sam.Patel@EXAMPLE.org " } } }),
        ],
      }),
    );
    expect(reading.messages.map((message) => message.from)).toEqual([null, "sam.patel@example.org"]);
  });

  it("an index that is neither a root's nor a whole number of replies is a reply", async () => {
    const odd = Buffer.alloc(23, 1).toString("base64");
    const empty = "";
    const reading = await readWith(() =>
      ok({ value: [reply(1, 5, { conversationIndex: odd }), reply(2, 4, { conversationIndex: empty })] }),
    );
    expect(reading.messages.map((message) => message.isReply)).toEqual([true, true]);
  });
});

describe("the thread's start", () => {
  const root = (minutesAgo: number, salt: string) => ({
    ...reply(0, minutesAgo),
    conversationIndex: conversationIndex(salt, ROOT_AT, 0),
  });

  it("is the earliest root index; another root index in the same conversation is a reply", async () => {
    const reading = await readWith(() => ok({ value: [root(10, "late"), reply(1, 20), root(30, "first")] }));
    expect(reading.messages.map((message) => message.isReply)).toEqual([true, true, false]);
  });

  it("is every copy of the root (Sent Items and Inbox)", async () => {
    const reading = await readWith(() => ok({ value: [root(30, "same"), root(30, "same"), reply(1, 20)] }));
    expect(reading.messages.map((message) => message.isReply)).toEqual([false, false, true]);
  });
});

describe("the X-Reach-Guard header", () => {
  it("is the first readable one, whatever the case of its name, cut to 1,000 characters", async () => {
    const long = `verdict=warn; reach=12000; ${"x".repeat(1200)}`;
    const reading = await readWith(() =>
      ok({
        value: [
          reply(1, 5, {
            internetMessageHeaders: [
              { name: "X-Reach-Guard-Other", value: "no" },
              { name: "X-REACH-GUARD", value: 7 },
              null,
              { name: " x-reach-guard ", value: long },
              { name: "X-Reach-Guard", value: "verdict=block; reach=1" },
            ],
          }),
        ],
      }),
    );
    expect(reading.messages[0]!.reachHeader).toBe(long.slice(0, 1000));
  });
});

describe("links", () => {
  it("follows a page of nothing that links on", async () => {
    const reading = await readWith((index) =>
      index === 0
        ? ok({ value: [], "@odata.nextLink": `${server!.root}/v1.0/me/messages?$skip=0&page=2` })
        : ok({ value: [reply(1, 5)] }),
    );
    expect(reading.messages).toHaveLength(1);
    expect(server!.received).toHaveLength(2);
  });

  it("rejects a link given twice rather than asking for ever", async () => {
    const error = await rejection(
      readWith(() => ok({ value: [], "@odata.nextLink": `${server!.root}/v1.0/me/messages?$skip=1` })),
    );
    expect(error.code).toBe("NextLinkRepeated");
    expect(server!.received).toHaveLength(2);
  });

  it("refuses a link on the same root to another user's mailbox, and sends nothing there", async () => {
    const error = await rejection(
      readWith(() =>
        ok({ value: [reply(1, 5)], "@odata.nextLink": `${server!.root}/v1.0/users/ceo/messages?$skip=1` }),
      ),
    );
    expect(error.code).toBe("NextLinkRefused");
    expect(server!.received).toHaveLength(1);
  });

  it("is not complete when the cap is reached with a link still to follow", async () => {
    const reading = await readWith(
      () =>
        ok({ value: [reply(1, 5), reply(2, 4)], "@odata.nextLink": "https://evil.example/v1.0/me/messages" }),
      2,
    );
    expect(reading).toMatchObject({ complete: false });
    expect(reading.messages).toHaveLength(2);
  });

  it("does not follow a redirect", async () => {
    const error = await rejection(
      readWith(() => ({ status: 302, headers: { Location: "https://evil.example/v1.0/me/messages" } })),
    );
    expect(error.code).toBe("Redirected");
  });
});
