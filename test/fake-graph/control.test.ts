import { call, expectGraphError, mailTips, ME, putFaults, useFakeGraph } from "./helpers";

// The one control endpoint, /_fake/faults, for the playground's switches: read and replace the
// faults (validated, each problem named). No token needed. The request log is read in-process.

const graph = useFakeGraph();

describe("PUT /_fake/faults", () => {
  it("replaces the faults, answers them back, and they take effect at once", async () => {
    const faults = { throttle: { times: 1, on: "mailtips", retryAfter: 2 }, latencyMs: 5 };
    const put = await putFaults(graph(), faults);
    expect(put.status).toBe(200);
    expect(put.body).toEqual(faults);
    expect((await call(graph(), "/_fake/faults", { token: null })).body).toEqual(faults);
    expect((await mailTips(graph(), [ME])).status).toBe(429);
    expect((await mailTips(graph(), [ME])).status).toBe(200);
  });

  it("starts the `times` count afresh with every PUT", async () => {
    await putFaults(graph(), { status: { code: 503, times: 1 } });
    expect((await mailTips(graph(), [ME])).status).toBe(503);
    await putFaults(graph(), { status: { code: 503, times: 1 } });
    expect((await mailTips(graph(), [ME])).status).toBe(503);
  });

  it.each([
    ["an array", [], "faults must be an object"],
    ["an unknown fault", { slow: true }, "unknown fault slow"],
    ["a negative latency", { latencyMs: -1 }, "latencyMs must be a number >= 0"],
    ["a latency in a string", { latencyMs: "50" }, "latencyMs must be a number >= 0"],
    ["a status without a code", { status: {} }, "status.code must be an HTTP error status (400-599)"],
    [
      "a status that is not an error",
      { status: { code: 200 } },
      "status.code must be an HTTP error status (400-599)",
    ],
    ["a fault that is not an object", { throttle: true }, "throttle must be an object"],
    [
      "a misspelt target",
      { throttle: { on: "mailtip" } },
      "throttle.on must be one of any, mailtips, groups, count, batch, messages",
    ],
    ["a count of none", { drop: { times: 0 } }, "drop.times must be a whole number >= 1"],
    ["a fractional count", { hang: { times: 1.5 } }, "hang.times must be a whole number >= 1"],
    ["a misspelt field", { malformed: { time: 1 } }, "unknown field malformed.time"],
    [
      "an empty Retry-After",
      { throttle: { retryAfter: "" } },
      "throttle.retryAfter must be seconds >= 0 or an HTTP date",
    ],
    [
      "a negative Retry-After",
      { status: { code: 503, retryAfter: -1 } },
      "status.retryAfter must be seconds >= 0 or an HTTP date",
    ],
    ["unauthorized as a string", { unauthorized: "yes" }, "unauthorized must be true or false"],
  ])("refuses %s with 400 and the problem named", async (_, faults, message) => {
    const answer = await putFaults(graph(), faults);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: message });
  });

  it("refuses a body that is not JSON, and keeps the faults in force after any refusal", async () => {
    await putFaults(graph(), { throttle: {} });
    const answer = await putFaults(graph(), "{not json");
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: expect.any(String) });
    await putFaults(graph(), { throttle: { on: "nothing" } });
    expect((await call(graph(), "/_fake/faults", { token: null })).body).toEqual({ throttle: {} });
    expect((await mailTips(graph(), [ME])).status).toBe(429);
  });
});

describe("the request log", () => {
  it("lists Graph requests in order, for whoever started the server", async () => {
    await putFaults(graph(), { latencyMs: 1 });
    await mailTips(graph(), [ME, "sam.patel@example.org"]);
    await call(graph(), `/v1.0/groups?$filter=${encodeURIComponent("mail eq 'ward7-team@example.org'")}`);
    expect(graph().requests).toEqual([
      {
        method: "POST",
        path: "/v1.0/me/getMailTips",
        kind: "mailtips",
        addresses: 2,
        at: expect.any(Number),
      },
      {
        method: "GET",
        path: expect.stringMatching(/^\/v1\.0\/groups\?\$filter=/),
        kind: "groups",
        at: expect.any(Number),
      },
    ]);
    graph().resetLog();
    expect(graph().requests).toEqual([]);
  });

  it("does not log control calls", async () => {
    await call(graph(), "/_fake/faults", { token: null });
    expect(graph().requests).toEqual([]);
  });

  it("is not served over HTTP: it holds recipient addresses, and no page needs it", async () => {
    await mailTips(graph(), [ME]);
    for (const [path, method] of [
      ["/_fake/requests", "GET"],
      ["/_fake/reset", "POST"],
    ] as const) {
      const answer = await call(graph(), path, { method, token: null });
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain("getMailTips");
    }
    expect(graph().requests).toHaveLength(1);
  });
});

describe("the rest of the surface", () => {
  it("answers 404 with a JSON error for an unknown control endpoint", async () => {
    const answer = await call(graph(), "/_fake/nothing", { token: null });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: "unknown control endpoint" });
  });

  it("answers a CORS preflight with the headers a browser client needs", async () => {
    const answer = await call(graph(), "/v1.0/$batch", { method: "OPTIONS", token: null });
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    expect(answer.headers.get("access-control-allow-headers")).toMatch(/ConsistencyLevel/);
    expect(answer.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
  });

  it("answers a Graph request whose body is not JSON with 400 BadRequest", async () => {
    expectGraphError(await call(graph(), "/v1.0/me/getMailTips", { body: "{oops" }), 400, "BadRequest");
  });
});
