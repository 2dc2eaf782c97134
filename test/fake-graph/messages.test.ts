import { fromBase64 } from "../../src/core/bytes";
import { parseHeader } from "../../src/core/header";
import {
  createFakeDirectory,
  createFakeMailbox,
  DEMO_STORM_THREAD,
  demoStormThread,
  GROUPS_ONLY_TOKEN,
  loadDemoDirectory,
  MAIL_ONLY_TOKEN,
  type MailboxMessage,
} from "../../src/fake-graph";
import { call, expectGraphError, putFaults, useFakeGraph } from "./helpers";

// GET /me/messages as Graph documents it: the conversation and time filter, $select (headers only
// when named), $top 1 to 1,000, paging by @odata.nextLink with $skip, $orderby beside $filter only
// as Graph allows, Mail.Read, and the faults.

const NOW = Date.parse("2026-11-24T10:00:00Z");
const ME = "me@example.org";
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

const given = (n: number, conversationId: string, minutesAgo: number): MailboxMessage => ({
  id: `m${n}`,
  conversationId,
  from: { address: `p${n}@example.org`, name: `P${n}` },
  receivedDateTime: iso(NOW - minutesAgo * 60_000),
  conversationIndex: "AQHbAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  internetMessageHeaders: [{ name: "X-Reach-Guard", value: `n=${n}` }],
  subject: `S${n}`,
});

const graph = useFakeGraph(() =>
  createFakeDirectory({
    domains: ["example.org"],
    me: ME,
    users: [{ mail: ME, displayName: "Me" }],
    groups: [],
    mailbox: {
      messages: [
        given(1, "A", 50),
        given(2, "A", 30),
        given(3, "A", 10),
        given(4, "B", 5),
        given(5, "it's", 1),
      ],
      threads: [
        {
          conversationId: "BIG",
          count: 1000,
          firstAt: NOW - 1000 * 1000,
          spacingMs: 1000,
          senders: ["x@example.org", "y@example.org"],
          rootHeader: "verdict=warn; reach=5",
          transportHeaders: 2,
        },
      ],
    },
  }),
);

const filter = (text: string) => `$filter=${encodeURIComponent(text)}`;
const list = (query: string, token?: string | null) =>
  call(graph(), `/v1.0/me/messages?${query}`, token === undefined ? {} : { token });
type Page = { value: Record<string, unknown>[]; "@odata.nextLink"?: string; "@odata.context": string };
const page = async (query: string) => {
  const answer = await list(query);
  expect(answer.status).toBe(200);
  return answer.body as unknown as Page;
};

describe("$filter", () => {
  it("keeps one conversation, newest first", async () => {
    const body = await page(filter("conversationId eq 'A'"));
    expect(body.value.map((message) => message.id)).toEqual(["m3", "m2", "m1"]);
  });

  it("keeps the window, with the clauses in either order, ge or gt", async () => {
    const since = iso(NOW - 30 * 60_000);
    const ids = async (text: string) => (await page(filter(text))).value.map((message) => message.id);
    expect(await ids(`conversationId eq 'A' and receivedDateTime ge ${since}`)).toEqual(["m3", "m2"]);
    expect(await ids(`receivedDateTime ge ${since} and conversationId eq 'A'`)).toEqual(["m3", "m2"]);
    expect(await ids(`conversationId eq 'A' and receivedDateTime gt ${since}`)).toEqual(["m3"]);
    // An offset and seven decimals, as OData allows: 10:30 at +01:00 is 09:30 UTC.
    expect(
      await ids("conversationId eq 'A' and receivedDateTime ge 2026-11-24T10:30:00.0000000+01:00"),
    ).toEqual(["m3", "m2"]);
  });

  it("reads a doubled quote as one", async () => {
    expect((await page(filter("conversationId eq 'it''s'"))).value.map((message) => message.id)).toEqual([
      "m5",
    ]);
  });

  it.each([
    "subject eq 'S1'",
    "conversationId eq 'A' or conversationId eq 'B'",
    "conversationId eq 'A' and conversationId eq 'B'",
    "conversationId eq 'unterminated",
    "receivedDateTime ge yesterday",
    "conversationId eq 'A' and",
  ])("refuses %s", async (text) => {
    expectGraphError(await list(filter(text)), 400, "BadRequest");
  });
});

describe("$select", () => {
  it("returns internetMessageHeaders only when named", async () => {
    const plain = await page(filter("conversationId eq 'A'"));
    expect(plain.value[0]).not.toHaveProperty("internetMessageHeaders");
    expect(plain.value[0]).toMatchObject({ subject: "S3", conversationId: "A" });
    const selected = await page(
      `${filter("conversationId eq 'A'")}&$select=from,receivedDateTime,conversationIndex,internetMessageHeaders`,
    );
    expect(Object.keys(selected.value[0]!)).toEqual([
      "@odata.etag",
      "id",
      "from",
      "receivedDateTime",
      "conversationIndex",
      "internetMessageHeaders",
    ]);
    expect(selected.value[0]).toMatchObject({
      from: { emailAddress: { name: "P3", address: "p3@example.org" } },
      receivedDateTime: iso(NOW - 10 * 60_000),
      internetMessageHeaders: [{ name: "X-Reach-Guard", value: "n=3" }],
    });
    expect(selected["@odata.context"]).toBe(
      `https://graph.microsoft.com/v1.0/$metadata#users('me%40example.org')/messages(from,receivedDateTime,conversationIndex,internetMessageHeaders)`,
    );
  });

  it("refuses a property it does not know", async () => {
    expectGraphError(await list("$select=from,bodyy"), 400, "BadRequest");
  });
});

describe("$top and paging", () => {
  it("gives 10 by default and links the next page with $skip on this server", async () => {
    const first = await page(filter("conversationId eq 'BIG'"));
    expect(first.value).toHaveLength(10);
    const link = first["@odata.nextLink"]!;
    expect(link.startsWith(`${graph().url}/v1.0/me/messages?`)).toBe(true);
    const next = new URL(link);
    expect(next.searchParams.get("$skip")).toBe("10");
    expect(next.searchParams.get("$filter")).toBe("conversationId eq 'BIG'");
  });

  it("pages a thread of 1,000 to its end, each message once", async () => {
    const seen = new Set<unknown>();
    let path: string | undefined = `/v1.0/me/messages?${filter("conversationId eq 'BIG'")}&$top=300`;
    let pages = 0;
    while (path) {
      const answer = await call(graph(), path);
      const body = answer.body as unknown as Page;
      body.value.forEach((message) => seen.add(message.id));
      pages += 1;
      path = body["@odata.nextLink"]?.slice(graph().url.length);
    }
    expect(pages).toBe(4);
    expect(seen.size).toBe(1000);
  });

  it("serves 1,000 in one page, the thread's start last, with its header", async () => {
    const body = await page(
      `${filter("conversationId eq 'BIG'")}&$top=1000&$select=conversationIndex,internetMessageHeaders`,
    );
    expect(body.value).toHaveLength(1000);
    expect(body["@odata.nextLink"]).toBeUndefined();
    const lengths = body.value.map((message) => fromBase64(message.conversationIndex as string)!.length);
    expect(lengths.at(-1)).toBe(22);
    expect(lengths.slice(0, -1).every((length) => length === 27 || length === 32)).toBe(true);
    const last = body.value.at(-1)!.internetMessageHeaders as { name: string; value: string }[];
    expect(last.map((header) => header.name)).toEqual(["Received", "ARC-Seal", "X-Reach-Guard"]);
  });

  it.each(["0", "1001", "-1", "ten", "1.5"])("refuses $top=%s", async (top) => {
    expectGraphError(await list(`$top=${top}`), 400, "BadRequest");
  });
});

describe("$orderby beside $filter", () => {
  const both = filter(`conversationId eq 'A' and receivedDateTime ge ${iso(NOW - 60 * 60_000)}`);

  it("is refused when an ordered property is not first in the filter (InefficientFilter)", async () => {
    for (const query of [
      `${filter("conversationId eq 'A'")}&$orderby=receivedDateTime desc`,
      `${both}&$orderby=receivedDateTime desc`,
      `${both}&$orderby=receivedDateTime,conversationId`,
    ]) {
      const answer = await list(query);
      expectGraphError(answer, 400, "InefficientFilter");
      expect((answer.body as { error: { message: string } }).error.message).toBe(
        "The restriction or sort order is too complex for this operation.",
      );
    }
  });

  it("orders when the ordered properties lead the filter", async () => {
    const ordered = await page(`${both}&$orderby=conversationId,receivedDateTime asc`);
    expect(ordered.value.map((message) => message.id)).toEqual(["m1", "m2", "m3"]);
    const alone = await page(
      `${filter("receivedDateTime ge 2026-11-24T08:00:00Z")}&$orderby=receivedDateTime asc&$top=2`,
    );
    expect(alone.value.map((message) => message.id)).toEqual(["m1", "m2"]);
  });
});

describe("what is refused", () => {
  it("an option this server does not know", async () => {
    expectGraphError(await list("$search=%22car%20park%22"), 400, "BadRequest");
  });

  it("a token without Mail.Read: 403 ErrorAccessDenied; Mail.Read alone is enough", async () => {
    expectGraphError(await list("$top=1", GROUPS_ONLY_TOKEN), 403, "ErrorAccessDenied");
    expect((await list("$top=1", MAIL_ONLY_TOKEN)).status).toBe(200);
  });

  it("no token: 401", async () => {
    expectGraphError(await list("$top=1", null), 401, "InvalidAuthenticationToken");
  });

  it("another user's mailbox; the signed-in user's own by address is served", async () => {
    expectGraphError(await call(graph(), "/v1.0/users/ceo@example.org/messages"), 403, "ErrorAccessDenied");
    const own = await call(
      graph(),
      `/v1.0/users/${encodeURIComponent(ME)}/messages?${filter("conversationId eq 'B'")}`,
    );
    expect((own.body as unknown as Page).value.map((message) => message.id)).toEqual(["m4"]);
  });

  it("a POST", async () => {
    expect((await call(graph(), "/v1.0/me/messages", { body: {} })).status).toBe(405);
  });
});

describe("faults", () => {
  it("hit the messages when aimed at them, after the requests they let through", async () => {
    expect((await putFaults(graph(), { status: { code: 503, on: "messages", after: 1 } })).status).toBe(200);
    expect((await list("$top=1")).status).toBe(200);
    expectGraphError(await list("$top=1"), 503, "ServiceUnavailable");
    expect(graph().requests.map((request) => request.kind)).toEqual(["messages", "messages"]);
  });

  it("aimed at MailTips, leave the messages alone", async () => {
    graph().setFaults({ status: { code: 503, on: "mailtips" } });
    expect((await list("$top=1")).status).toBe(200);
  });

  it("link the next page elsewhere when told", async () => {
    graph().setFaults({ nextLinkOrigin: "https://elsewhere.example" });
    const body = await page(filter("conversationId eq 'BIG'"));
    expect(body["@odata.nextLink"]!.startsWith("https://elsewhere.example/v1.0/me/messages?")).toBe(true);
  });
});

describe("the mailbox", () => {
  it("merges given messages and generated threads by time", () => {
    const mailbox = createFakeMailbox({
      messages: [given(1, "A", 3), given(2, "A", 1)],
      threads: [
        {
          conversationId: "A",
          count: 3,
          firstAt: NOW - 150_000,
          spacingMs: 60_000,
          senders: ["g@example.org"],
        },
      ],
    });
    const all = mailbox.page({ conversationId: "A", since: null, newestFirst: true }, 0, 10);
    expect(all.total).toBe(5);
    expect(all.messages.map((message) => message.receivedDateTime)).toEqual(
      [30 / 60, 1, 90 / 60, 150 / 60, 3].map((minutes) => iso(NOW - minutes * 60_000)),
    );
    const late = mailbox.page({ conversationId: "A", since: NOW - 120_000, newestFirst: false }, 1, 10);
    expect(late.total).toBe(3);
    expect(late.messages.map((message) => message.id)).toEqual(["m2", "gen-A-2"]);
  });
});

describe("the demo storm", () => {
  const thread = demoStormThread(NOW);

  it("is the announcement to the Clinical Leads and 12 replies from 10 people in the last 40 minutes", () => {
    const [announcement, ...replies] = thread;
    expect(announcement).toMatchObject({
      conversationId: DEMO_STORM_THREAD.conversationId,
      subject: "Car park B closed on Monday",
      to: ["clinical-leads@example.org"],
    });
    expect(replies).toHaveLength(12);
    expect(new Set(replies.map((message) => message.from.address)).size).toBe(10);
    expect(
      replies.every((message) => message.receivedAt >= NOW - 40 * 60_000 && message.receivedAt < NOW),
    ).toBe(true);
    expect(replies.every((message) => message.receivedAt > announcement!.receivedAt)).toBe(true);
    expect(replies.every((message) => message.to.includes(DEMO_STORM_THREAD.list))).toBe(true);
    expect(thread.every((message) => message.receivedDateTime === iso(message.receivedAt))).toBe(true);
  });

  it("stamps the announcement with a header that reads as 300 people, and none of the replies", () => {
    const stamp = (message: MailboxMessage) =>
      message.internetMessageHeaders.filter((header) => header.name.toLowerCase() === "x-reach-guard");
    const [announcement, ...replies] = thread;
    const [header] = stamp(announcement!);
    expect(parseHeader(header!.value)).toMatchObject({
      reach: 300,
      verdict: "warn",
      ack: true,
      check: "done",
    });
    expect(replies.every((message) => stamp(message).length === 0)).toBe(true);
  });

  it("has the root's conversation index on the announcement only", () => {
    const lengths = thread.map((message) => fromBase64(message.conversationIndex)!.length);
    expect(lengths[0]).toBe(22);
    expect(lengths.slice(1).every((length) => length === 27 || length === 32)).toBe(true);
  });

  it("is served by the demo directory as it stood when it was loaded", async () => {
    const demo = loadDemoDirectory(undefined, NOW);
    const served = demo.mailbox.page(
      { conversationId: DEMO_STORM_THREAD.conversationId, since: null, newestFirst: false },
      0,
      100,
    );
    expect(served.messages.map((message) => message.id)).toEqual(thread.map((message) => message.id));
  });

  it("stays under way however long the server runs, when no moment is given", () => {
    let clock = NOW;
    const mailbox = createFakeMailbox({ live: demoStormThread }, () => clock);
    const query = { conversationId: DEMO_STORM_THREAD.conversationId, since: null, newestFirst: true };
    const newest = () => Date.parse(mailbox.page(query, 0, 1).messages[0]!.receivedDateTime);
    expect(NOW - newest()).toBeLessThanOrEqual(60_000);
    clock = NOW + 6 * 60 * 60_000;
    expect(clock - newest()).toBeLessThanOrEqual(60_000);
    const served = loadDemoDirectory().mailbox.page(query, 0, 1).messages[0]!;
    expect(Date.now() - Date.parse(served.receivedDateTime)).toBeLessThanOrEqual(60_000 + 1000);
  });
});
