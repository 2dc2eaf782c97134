import { readFileSync } from "node:fs";
import { DEMO_DIRECTORY_PATH, MAIL_ONLY_TOKEN, MAX_BATCH, type DirectoryData } from "../../src/fake-graph";
import { call, type CallOptions, EVENTUAL, expectGraphError, GRAPH_JSON_TYPE, useFakeGraph } from "./helpers";

// POST /$batch as Microsoft documents it (json-batching): at most 20 requests, each answered by id
// with its own status, headers and body; the batch itself answers 200 while requests inside fail.

const graph = useFakeGraph();
const demo = JSON.parse(readFileSync(DEMO_DIRECTORY_PATH, "utf8")) as DirectoryData;
const idOf = (mail: string) => demo.groups.find((group) => group.mail === mail)!.id;

interface SubResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const lookup = (id: string, mail: string) => ({
  id,
  method: "GET",
  url: `/groups?$filter=${encodeURIComponent(`mail eq '${mail}'`)}&$select=id`,
});
const count = (id: string, mail: string) => ({
  id,
  method: "GET",
  url: `/groups/${idOf(mail)}/transitiveMembers/microsoft.graph.user/$count`,
  headers: EVENTUAL,
});

async function batch(requests: unknown[], options: CallOptions = {}) {
  const answer = await call(graph(), "/v1.0/$batch", { body: { requests }, ...options });
  return { answer, responses: () => answer.body.responses as SubResponse[] };
}

const base64 = (text: string) => Buffer.from(text).toString("base64");
const byId = (responses: SubResponse[]) => new Map(responses.map((response) => [response.id, response]));

describe("$batch", () => {
  it("answers every request by id with status, headers and body", async () => {
    const { answer, responses } = await batch([
      lookup("1", "ward7-team@example.org"),
      count("2", "ward7-team@example.org"),
    ]);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(GRAPH_JSON_TYPE);
    expect(Object.keys(answer.body)).toEqual(["responses"]);
    const found = byId(responses());
    expect(found.get("1")).toEqual({
      id: "1",
      status: 200,
      headers: expect.objectContaining({ "Content-Type": expect.stringMatching(GRAPH_JSON_TYPE) }),
      body: {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups(id)",
        value: [{ id: idOf("ward7-team@example.org") }],
      },
    });
    // A text/plain $count comes back base64-encoded, as Graph is reported to send it.
    expect(found.get("2")).toEqual({
      id: "2",
      status: 200,
      headers: expect.objectContaining({ "Content-Type": "text/plain" }),
      body: Buffer.from("12").toString("base64"),
    });
  });

  it("takes 20 requests and refuses 21 with 400 and Graph's error body", async () => {
    const twenty = Array.from({ length: MAX_BATCH }, (_, index) =>
      count(String(index), "north-region@example.org"),
    );
    const { answer, responses } = await batch(twenty);
    expect(answer.status).toBe(200);
    expect(responses().map((response) => response.body)).toEqual(Array(20).fill(base64("313")));
    expectGraphError(
      (await batch([...twenty, count("20", "ward7-team@example.org")])).answer,
      400,
      "BadRequest",
    );
  });

  it("refuses a payload without requests, duplicate ids, and a GET", async () => {
    expectGraphError(await call(graph(), "/v1.0/$batch", { body: {} }), 400, "BadRequest");
    const twice = [count("1", "ward7-team@example.org"), count("1", "north-region@example.org")];
    expectGraphError((await batch(twice)).answer, 400, "BadRequest");
    expectGraphError(await call(graph(), "/v1.0/$batch"), 405, "BadRequest");
  });

  it("answers 200 while a request inside fails, each with its own Graph error body", async () => {
    const { answer, responses } = await batch([
      {
        id: "no-header",
        method: "GET",
        url: `/groups/${idOf("ward7-team@example.org")}/transitiveMembers/microsoft.graph.user/$count`,
      },
      count("gone", "everyone@example.org"),
      count("fine", "ward7-team@example.org"),
    ]);
    expect(answer.status).toBe(200);
    const found = byId(responses());
    expect(found.get("no-header")).toMatchObject({
      status: 400,
      body: { error: { code: "Request_BadRequest" } },
    });
    expect(found.get("gone")).toMatchObject({
      status: 404,
      body: { error: { code: "Request_ResourceNotFound" } },
    });
    expect(found.get("fine")).toMatchObject({ status: 200, body: base64("12") });
  });

  it("decides permissions per request: 403 inside a 200 batch for a Mail.Read-only token", async () => {
    const { answer, responses } = await batch([count("1", "ward7-team@example.org")], {
      token: MAIL_ONLY_TOKEN,
    });
    expect(answer.status).toBe(200);
    expect(responses()[0]).toMatchObject({
      status: 403,
      body: { error: { code: "Authorization_RequestDenied" } },
    });
  });

  it("refuses the whole batch with 401 when the token is missing or unknown", async () => {
    for (const token of [null, "not-a-token"]) {
      expectGraphError(
        (await batch([count("1", "ward7-team@example.org")], { token })).answer,
        401,
        "InvalidAuthenticationToken",
      );
    }
  });

  it("throttles one request inside with its own Retry-After while the batch answers 200", async () => {
    graph().setFaults({ throttle: { on: "count", times: 1, retryAfter: 7 } });
    const { answer, responses } = await batch([
      count("a", "ward7-team@example.org"),
      count("b", "north-region@example.org"),
      lookup("c", "ward7-team@example.org"),
    ]);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("retry-after")).toBeNull();
    const [a, b, c] = ["a", "b", "c"].map((id) => byId(responses()).get(id)!);
    expect(a).toMatchObject({
      status: 429,
      headers: { "Retry-After": "7" },
      body: { error: { code: "TooManyRequests" } },
    });
    expect(b).toMatchObject({ status: 200, body: base64("313") });
    expect(c!.status).toBe(200);
  });

  it("gives a 503 inside a batch its Retry-After when the fault names one", async () => {
    graph().setFaults({ status: { code: 503, on: "count", retryAfter: "2.5" } });
    const { answer, responses } = await batch([
      count("a", "ward7-team@example.org"),
      lookup("b", "ward7-team@example.org"),
    ]);
    expect(answer.status).toBe(200);
    const found = byId(responses());
    expect(found.get("a")).toMatchObject({ status: 503, headers: { "Retry-After": "2.5" } });
    expect(found.get("b")!.status).toBe(200);
  });

  it("throttles the whole batch when the fault is on batch", async () => {
    graph().setFaults({ throttle: { on: "batch", times: 1, retryAfter: 3 } });
    const first = await batch([count("a", "ward7-team@example.org")]);
    expectGraphError(first.answer, 429, "TooManyRequests");
    expect(first.answer.headers.get("retry-after")).toBe("3");
    expect((await batch([count("a", "ward7-team@example.org")])).answer.status).toBe(200);
  });

  it("logs the batch with its size and each request inside it", async () => {
    await batch([lookup("1", "ward7-team@example.org"), count("2", "ward7-team@example.org")]);
    expect(graph().requests).toEqual([
      expect.objectContaining({ method: "POST", path: "/v1.0/$batch", kind: "batch", batchSize: 2 }),
      expect.objectContaining({
        kind: "groups",
        inBatch: true,
        path: expect.stringMatching(/^\/v1\.0\/groups\?/),
      }),
      expect.objectContaining({ kind: "count", inBatch: true, path: expect.stringMatching(/\/\$count$/) }),
    ]);
  });
});
