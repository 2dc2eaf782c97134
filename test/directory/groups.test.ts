import { createGraphDirectory } from "../../src/directory/graph/graph-directory";
import { fromBase64 } from "../../src/core/bytes";
import { readBatchCount, readCount } from "../../src/directory/graph/counts";
import { largerCount } from "../../src/directory/graph/groups";
import {
  batchOf,
  startScriptedServer,
  type Received,
  type Scripted,
  type ScriptedServer,
} from "./scripted-server";

let server: ScriptedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("a $count inside $batch", () => {
  it("decodes base64 the way Node does", () => {
    for (const text of ["8", "84", "840", "840000", "hello, world"]) {
      const bytes = fromBase64(Buffer.from(text, "latin1").toString("base64"));
      expect(bytes && Buffer.from(bytes).toString("latin1")).toBe(text);
    }
    for (const broken of ["", "ODQw MDAw", "ODQwMDA", "OD=w"]) expect(fromBase64(broken)).toBeNull();
  });

  it.each([
    [840000, 840000],
    ["840000", 840000],
    // As Graph is reported to send a text/plain body inside a batch: base64 of the digits.
    [Buffer.from("840000").toString("base64"), 840000],
    [Buffer.from("840000\n").toString("base64"), 840000],
  ])("reads %p as %p", (body, count) => {
    expect(readBatchCount(body)).toBe(count);
  });

  it.each([
    Buffer.from("0x10").toString("base64"),
    Buffer.from(" ").toString("base64"),
    "",
    "ODQw MDAw",
    null,
  ])("refuses %p", (body) => {
    expect(readBatchCount(body)).toBeNull();
  });
});

describe("reading a count", () => {
  it.each([
    [0, 0],
    [840000, 840000],
    [1e12, 1e12],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    ["840000", 840000],
    ["0", 0],
    ["007", 7],
    ["313\n", 313],
    ["313\r\n", 313],
  ])("reads %p as %p", (value, expected) => {
    expect(readCount(value)).toBe(expected);
  });

  it.each([
    [""],
    [" "],
    ["\n"],
    ["0x10"],
    ["1e3"],
    ["-1"],
    ["+1"],
    ["1.5"],
    ["1.0"],
    [" 12"],
    ["12 "],
    ["12\n\n"],
    ["1_000"],
    ["Infinity"],
    ["9007199254740993"],
    [-1],
    [-0],
    [1.5],
    [1e300],
    [Number.MAX_SAFE_INTEGER + 2],
    [Infinity],
    [NaN],
    [null],
    [true],
    [{}],
    [[3]],
  ])("refuses %p", (value) => {
    expect(readCount(value)).toBeNull();
  });
});

describe("duplicate $count answers", () => {
  it("keep the larger count, whichever came first", () => {
    const big = { status: 200, body: 840000 };
    const small = { status: 200, body: "3" };
    expect(largerCount([big, small])).toBe(big);
    expect(largerCount([small, big])).toBe(big);
  });

  it("are unavailable when any of them is not a readable count", () => {
    expect(
      largerCount([
        { status: 200, body: 840000 },
        { status: 200, body: "" },
      ]),
    ).toBeNull();
    expect(
      largerCount([
        { status: 200, body: 840000 },
        { status: 429, body: null },
      ]),
    ).toBeNull();
  });
});

const LIST = "everyone@example.org";

/** MailTips give the list no count; the groups endpoints find it and answer its count via `count`. */
function groupsPath(count: (request: Received) => Scripted): (request: Received) => Scripted {
  return (request) => {
    if (request.url === "/v1.0/me/getMailTips") {
      return {
        status: 200,
        body: { value: [{ emailAddress: { address: LIST }, recipientScope: "internal" }] },
      };
    }
    const first = (request.body as { requests: { id: string }[] }).requests[0]!;
    if (first.id.startsWith("g"))
      return batchOf(request, () => ({ status: 200, body: { value: [{ id: "group-1" }] } }));
    return count(request);
  };
}

async function sizeOverTheWire(count: (request: Received) => Scripted) {
  server = await startScriptedServer(groupsPath(count));
  const directory = createGraphDirectory({ graphRoot: server.root, getToken: async () => "t" });
  const answers = await directory.resolve([LIST], { deadlineAt: Date.now() + 3000 });
  return answers.get(LIST)?.entry;
}

const TEXT = { "Content-Type": "text/plain" };

describe("sizing a list through the groups endpoints, over the wire", () => {
  it.each([[""], [" "], ["\n"], ["0x10"], ["1e3"], ["-5"], ["12 "], [1.5], [1e300], [null]])(
    "treats a $count of %j as unknown, never small",
    async (body) => {
      const entry = await sizeOverTheWire((request) =>
        batchOf(request, (sub) =>
          sub.id.startsWith("c")
            ? { status: 200, headers: TEXT, body }
            : { status: 200, headers: TEXT, body: 0 },
        ),
      );
      expect(entry).toEqual({ kind: "unknown", cause: "unavailable" });
    },
  );

  it.each([[840000], ["840000"], ["840000\n"]])("reads a $count of %j", async (body) => {
    const entry = await sizeOverTheWire((request) =>
      batchOf(request, (sub) => ({ status: 200, headers: TEXT, body: sub.id.startsWith("c") ? body : 0 })),
    );
    expect(entry).toEqual({
      kind: "list",
      members: 840000,
      externalMembers: 0,
      restricted: false,
      moderated: false,
    });
  });

  it("keeps the larger of two answers to one $count", async () => {
    const entry = await sizeOverTheWire((request) =>
      batchOf(request, (sub) =>
        sub.id.startsWith("c")
          ? [
              { status: 200, headers: TEXT, body: 840000 },
              { status: 200, headers: TEXT, body: 3 },
            ]
          : { status: 200, headers: TEXT, body: 0 },
      ),
    );
    expect(entry).toMatchObject({ kind: "list", members: 840000 });
  });

  it("treats two answers to one $count as unknown when one is unreadable", async () => {
    const entry = await sizeOverTheWire((request) =>
      batchOf(request, (sub) =>
        sub.id.startsWith("c")
          ? [
              { status: 200, headers: TEXT, body: 840000 },
              { status: 200, headers: TEXT, body: "" },
            ]
          : { status: 200, headers: TEXT, body: 0 },
      ),
    );
    expect(entry).toEqual({ kind: "unknown", cause: "unavailable" });
  });

  it("treats a group lookup answered twice, differently, as unknown", async () => {
    server = await startScriptedServer((request) => {
      if (request.url === "/v1.0/me/getMailTips")
        return { status: 200, body: { value: [{ emailAddress: { address: LIST } }] } };
      return batchOf(request, (sub) =>
        sub.id.startsWith("g")
          ? [
              { status: 200, body: { value: [{ id: "group-1" }] } },
              { status: 200, body: { value: [{ id: "group-2" }] } },
            ]
          : { status: 200, headers: TEXT, body: 3 },
      );
    });
    const directory = createGraphDirectory({ graphRoot: server.root, getToken: async () => "t" });
    const answers = await directory.resolve([LIST], { deadlineAt: Date.now() + 3000 });
    expect(answers.get(LIST)?.entry).toEqual({ kind: "unknown", cause: "unavailable" });
    expect(server.received).toHaveLength(2);
  });
});
