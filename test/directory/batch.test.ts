import { runBatches, MAX_BATCH } from "../../src/directory/graph/batch";
import { createGraphClient } from "../../src/directory/graph/client";
import { GraphError } from "../../src/directory/graph/errors";
import { startScriptedServer, type Received, type Scripted, type ScriptedServer } from "./scripted-server";

let server: ScriptedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

interface SubRequest {
  id: string;
  url: string;
}

function subRequests(request: Received): SubRequest[] {
  return (request.body as { requests: SubRequest[] }).requests;
}

/** Answers each sub-request through `answer`, in reverse order as Graph may. */
function batchAnswer(
  request: Received,
  answer: (sub: SubRequest) => { status: number; headers?: Record<string, string>; body?: unknown },
): Scripted {
  return {
    status: 200,
    body: {
      responses: subRequests(request)
        .map((sub) => ({ id: sub.id, ...answer(sub) }))
        .reverse(),
    },
  };
}

async function setup(script: (request: Received, index: number) => Scripted) {
  server = await startScriptedServer(script);
  return createGraphClient({
    graphRoot: server.root,
    getToken: async () => "t",
    backoff: { baseDelayMs: 50, maxDelayMs: 400, maxAttempts: 4 },
  });
}

const items = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ id: `g${index}`, url: `/groups/${index}` }));
const options = (deadlineMs = 3000) => ({
  scopes: ["GroupMember.Read.All"],
  deadlineAt: Date.now() + deadlineMs,
  concurrency: 4,
});

describe("$batch", () => {
  it("sends at most 20 requests per batch and matches answers by id", async () => {
    const client = await setup((request) =>
      batchAnswer(request, (sub) => ({ status: 200, body: { url: sub.url } })),
    );
    const results = await runBatches(client, items(45), options());
    expect(server!.received.map((request) => subRequests(request).length)).toEqual([MAX_BATCH, MAX_BATCH, 5]);
    expect(
      server!.received.every((request) => request.url === "/v1.0/$batch" && request.method === "POST"),
    ).toBe(true);
    expect(results.get("g44")).toEqual({ status: 200, body: { url: "/groups/44" } });
    expect(results.size).toBe(45);
  });

  it("retries only the sub-requests that were throttled, after their Retry-After", async () => {
    const client = await setup((request, index) =>
      batchAnswer(request, (sub) =>
        index === 0 && sub.id === "g1"
          ? {
              status: 429,
              headers: { "Retry-After": "0.2" },
              body: { error: { code: "TooManyRequests", message: "" } },
            }
          : { status: 200, body: { id: sub.id } },
      ),
    );
    const results = await runBatches(client, items(3), options());
    expect(server!.received.map((request) => subRequests(request).map((sub) => sub.id))).toEqual([
      ["g0", "g1", "g2"],
      ["g1"],
    ]);
    expect(server!.received[1]!.at - server!.received[0]!.at).toBeGreaterThanOrEqual(190);
    expect(results.get("g1")).toEqual({ status: 200, body: { id: "g1" } });
  });

  it("reports sub-requests still throttled at the deadline as unavailable", async () => {
    const client = await setup((request) =>
      batchAnswer(request, () => ({
        status: 429,
        headers: { "retry-after": "5" },
        body: { error: { code: "TooManyRequests" } },
      })),
    );
    const started = Date.now();
    const results = await runBatches(client, items(2), options(1000));
    expect(Date.now() - started).toBeLessThan(500);
    expect(results.get("g0")).toBeInstanceOf(GraphError);
    expect(results.get("g0")).toMatchObject({ failure: "unavailable", status: 429 });
  });

  it("keeps each sub-request's own failure", async () => {
    const client = await setup((request) =>
      batchAnswer(request, (sub) =>
        sub.id === "g0"
          ? { status: 403, body: { error: { code: "Authorization_RequestDenied" } } }
          : { status: 404, body: { error: { code: "Request_ResourceNotFound" } } },
      ),
    );
    const results = await runBatches(client, items(2), options());
    expect(results.get("g0")).toMatchObject({ failure: "not-permitted", status: 403 });
    expect(results.get("g1")).toMatchObject({ failure: "unavailable", code: "Request_ResourceNotFound" });
  });

  it("gives every item the failure of a batch that fails whole, or answers malformed", async () => {
    const client = await setup((_request, index) =>
      index < 4 ? { status: 200, raw: '{"responses": [' } : { status: 200, body: { nope: 1 } },
    );
    const results = await runBatches(client, items(2), options());
    expect(results.get("g0")).toMatchObject({ code: "MalformedResponse" });
    expect(results.get("g1")).toMatchObject({ code: "MalformedResponse" });
  });

  it("sends the sub-request's headers (ConsistencyLevel) inside the envelope", async () => {
    const client = await setup((request) => batchAnswer(request, () => ({ status: 200, body: 3 })));
    await runBatches(
      client,
      [
        {
          id: "c0",
          url: "/groups/1/transitiveMembers/microsoft.graph.user/$count",
          headers: { ConsistencyLevel: "eventual" },
        },
      ],
      options(),
    );
    expect(subRequests(server!.received[0]!)[0]).toEqual({
      id: "c0",
      method: "GET",
      url: "/groups/1/transitiveMembers/microsoft.graph.user/$count",
      headers: { ConsistencyLevel: "eventual" },
    });
  });
  it("reports an asked id with no answer as unavailable", async () => {
    const client = await setup((request) => ({
      status: 200,
      body: {
        responses: subRequests(request)
          .slice(1)
          .map((sub) => ({ id: sub.id, status: 200, body: 1 })),
      },
    }));
    const results = await runBatches(client, items(2), options());
    expect(results.get("g0")).toMatchObject({ failure: "unavailable", code: "MissingBatchResponse" });
    expect(results.get("g1")).toEqual({ status: 200, body: 1 });
  });

  it("ignores answers for ids that were never asked", async () => {
    const client = await setup(() => ({
      status: 200,
      body: {
        responses: [
          { id: "g0", status: 200, body: 1 },
          { id: "g7", status: 200, body: 840000 },
          { id: "c0", status: 200, body: 840000 },
        ],
      },
    }));
    const results = await runBatches(client, items(1), options());
    expect([...results.entries()]).toEqual([["g0", { status: 200, body: 1 }]]);
  });

  it("reports differing answers to one id as a conflict, never the last one; identical ones are one", async () => {
    const client = await setup(() => ({
      status: 200,
      body: {
        responses: [
          { id: "g0", status: 200, body: { value: [{ id: "big" }] } },
          { id: "g0", status: 200, body: { value: [{ id: "small" }] } },
          { id: "g1", status: 200, body: 5 },
          { id: "g1", status: 200, body: 5 },
        ],
      },
    }));
    const results = await runBatches(client, items(2), options());
    expect(results.get("g0")).toMatchObject({ failure: "unavailable", code: "ConflictingBatchResponse" });
    expect(results.get("g1")).toEqual({ status: 200, body: 5 });
  });

  it("lets the caller reconcile differing answers, or refuse them", async () => {
    const client = await setup(() => ({
      status: 200,
      body: {
        responses: [
          { id: "g0", status: 200, body: 840000 },
          { id: "g0", status: 200, body: 3 },
        ],
      },
    }));
    const seen: unknown[] = [];
    const larger = await runBatches(client, items(1), {
      ...options(),
      reconcile: (answers) => {
        seen.push(answers);
        return answers.reduce((a, b) => ((a.body as number) >= (b.body as number) ? a : b));
      },
    });
    expect(seen).toEqual([
      [
        { status: 200, body: 840000 },
        { status: 200, body: 3 },
      ],
    ]);
    expect(larger.get("g0")).toEqual({ status: 200, body: 840000 });
    const refused = await runBatches(client, items(1), { ...options(), reconcile: () => null });
    expect(refused.get("g0")).toMatchObject({ code: "ConflictingBatchResponse" });
  });

  it.each([301, 302, 304, 307])("reports a sub-request answered %i as unavailable", async (status) => {
    const client = await setup((request) =>
      batchAnswer(request, () => ({ status, headers: { Location: "https://elsewhere.example" }, body: 3 })),
    );
    const results = await runBatches(client, items(1), options());
    expect(results.get("g0")).toMatchObject({ failure: "unavailable", status });
  });
});
