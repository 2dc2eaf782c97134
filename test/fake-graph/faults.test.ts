import { loadDemoDirectory, startFakeGraph } from "../../src/fake-graph";
import {
  call,
  countPath,
  EVENTUAL,
  expectGraphError,
  GRAPH_JSON_TYPE,
  groupByMail,
  mailTips,
  ME,
  timed,
  useFakeGraph,
} from "./helpers";

// Each fault as src/fake-graph/faults.ts documents it, with its `times` and `on` targeting.

const graph = useFakeGraph();
const WARD7_ID = "5f1c6a0e-0002-4c1e-9a55-000000000002";

const tips = () => mailTips(graph(), [ME]);
const lookup = () => groupByMail(graph(), "ward7-team@example.org");
const count = () => call(graph(), countPath(WARD7_ID), { headers: EVENTUAL });

describe("latency", () => {
  it("delays every answer, a $batch once rather than per request inside it", async () => {
    graph().setFaults({ latencyMs: 100 });
    const single = await timed(tips);
    expect(single.value.status).toBe(200);
    expect(single.ms).toBeGreaterThanOrEqual(95);
    const requests = Array.from({ length: 10 }, (_, index) => ({
      id: String(index),
      method: "GET",
      url: `/groups/${WARD7_ID}/transitiveMembers/microsoft.graph.user/$count`,
      headers: EVENTUAL,
    }));
    const batched = await timed(() => call(graph(), "/v1.0/$batch", { body: { requests } }));
    expect(batched.value.status).toBe(200);
    expect(batched.ms).toBeGreaterThanOrEqual(95);
    expect(batched.ms).toBeLessThan(200);
  });
});

describe("throttle", () => {
  it("answers 429 TooManyRequests with Retry-After 1 by default", async () => {
    graph().setFaults({ throttle: {} });
    const answer = await tips();
    expectGraphError(answer, 429, "TooManyRequests");
    expect(answer.headers.get("retry-after")).toBe("1");
  });

  it("passes a given Retry-After through as it is: seconds, fractions or an HTTP date", async () => {
    for (const retryAfter of [30, "0.5", "Wed, 21 Oct 2015 07:28:00 GMT"]) {
      graph().setFaults({ throttle: { retryAfter } });
      expect((await tips()).headers.get("retry-after")).toBe(String(retryAfter));
    }
  });

  it("hits only `times` answers, then Graph answers again", async () => {
    graph().setFaults({ throttle: { times: 2 } });
    expect([(await tips()).status, (await tips()).status, (await tips()).status]).toEqual([429, 429, 200]);
  });

  it("hits only the requests it is `on`", async () => {
    graph().setFaults({ throttle: { on: "mailtips" } });
    expect([(await tips()).status, (await lookup()).status, (await count()).status]).toEqual([429, 200, 200]);
    graph().setFaults({ throttle: { on: "count" } });
    expect([(await tips()).status, (await lookup()).status, (await count()).status]).toEqual([200, 200, 429]);
    graph().setFaults({ throttle: { on: "groups" } });
    expect([(await tips()).status, (await lookup()).status, (await count()).status]).toEqual([200, 429, 200]);
  });

  it("does not spend its `times` on requests it is not on", async () => {
    graph().setFaults({ throttle: { on: "count", times: 1 } });
    await tips();
    await lookup();
    expect((await count()).status).toBe(429);
    expect((await count()).status).toBe(200);
  });
});

describe("status", () => {
  it("answers 503 ServiceUnavailable, with Retry-After only when the fault names one", async () => {
    graph().setFaults({ status: { code: 503 } });
    const bare = await tips();
    expectGraphError(bare, 503, "ServiceUnavailable");
    expect(bare.headers.get("retry-after")).toBeNull();
    graph().setFaults({ status: { code: 503, retryAfter: 2 } });
    expect((await tips()).headers.get("retry-after")).toBe("2");
  });

  it("answers other statuses with Graph's error body too", async () => {
    graph().setFaults({ status: { code: 504, times: 1, on: "groups" } });
    expectGraphError(await lookup(), 504, "UnknownError");
    expect((await lookup()).status).toBe(200);
  });
});

describe("malformed", () => {
  it("answers 200 with a JSON body cut short", async () => {
    graph().setFaults({ malformed: { times: 1 } });
    const answer = await tips();
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(GRAPH_JSON_TYPE);
    expect(() => answer.body).toThrow(SyntaxError);
    expect((await tips()).body).toHaveProperty("value");
  });
});

describe("drop", () => {
  it("closes the connection without an answer, once per `times`", async () => {
    graph().setFaults({ drop: { times: 1, on: "mailtips" } });
    await expect(tips()).rejects.toThrow();
    expect((await tips()).status).toBe(200);
    // Logged once each: the client saw the failure and nothing retried behind its back.
    expect(graph().requests.filter((request) => request.kind === "mailtips")).toHaveLength(2);
  });
});

describe("hang", () => {
  it("never answers: the client's own time limit ends the request", async () => {
    graph().setFaults({ hang: { times: 1 } });
    const outcome = await mailTips(graph(), [ME], { signal: AbortSignal.timeout(150) }).catch(
      (error: unknown) => error,
    );
    // A DOMException from fetch's own realm: compare by name.
    expect(outcome).toMatchObject({ name: "TimeoutError" });
    expect((await tips()).status).toBe(200);
  });

  it("is ended by close(), so a test never leaves a socket open", async () => {
    const own = await startFakeGraph({ directory: loadDemoDirectory(), faults: { hang: {} } });
    const pending = mailTips(own, [ME]).then(
      () => "answered",
      () => "closed",
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    await own.close();
    expect(await pending).toBe("closed");
  });
});

describe("unauthorized", () => {
  it("answers every Graph request 401 InvalidAuthenticationToken, a batch as a whole", async () => {
    graph().setFaults({ unauthorized: true });
    expectGraphError(await tips(), 401, "InvalidAuthenticationToken");
    expectGraphError(await count(), 401, "InvalidAuthenticationToken");
    const batch = await call(graph(), "/v1.0/$batch", {
      body: {
        requests: [
          {
            id: "1",
            method: "GET",
            url: `/groups/${WARD7_ID}/transitiveMembers/microsoft.graph.user/$count`,
            headers: EVENTUAL,
          },
        ],
      },
    });
    expectGraphError(batch, 401, "InvalidAuthenticationToken");
  });
});

describe("control endpoints", () => {
  it("are never faulted", async () => {
    graph().setFaults({ hang: {}, latencyMs: 1000, unauthorized: true });
    const answer = await timed(() => call(graph(), "/_fake/faults", { token: null }));
    expect(answer.value.status).toBe(200);
    expect(answer.ms).toBeLessThan(500);
  });
});
