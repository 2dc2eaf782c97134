import { DEMO_TOKEN, loadDemoDirectory, startFakeGraph, type FakeGraph } from "../../src/fake-graph";
import { MAX_LOGGED_REQUESTS, RequestLog } from "../../src/fake-graph/request-log";
import { call, groupByMail, mailTips, ME } from "./helpers";
import { portOf, raw } from "./raw-request";

// Who may reach the local Graph server: any web page the developer has open can send requests to
// 127.0.0.1, and DNS rebinding lets it read the answers. The control endpoint answers browsers only
// on the playground page's origins, every request must name this server in Host, the request log
// is not served at all, and it stays bounded.

const PAGE = "http://localhost:3000";
const EVIL = "https://evil.example";
const FAULTS = JSON.stringify({ status: { code: 503 } });

let graph: FakeGraph;

beforeAll(async () => {
  // The trailing slash and capitals: origins are compared as browsers send them.
  graph = await startFakeGraph({
    directory: loadDemoDirectory(),
    controlOrigins: ["HTTP://localhost:3000/", "http://127.0.0.1:3000"],
  });
});
beforeEach(() => {
  graph.setFaults({});
  graph.resetLog();
});
afterAll(async () => {
  await graph.close();
});

const putFaults = (headers: Record<string, string>) =>
  raw(graph, "/_fake/faults", {
    method: "PUT",
    headers: { "Content-Type": "application/json", ...headers },
    body: FAULTS,
  });

const allowHeaders = (headers: Record<string, unknown>) =>
  Object.keys(headers).filter((name) => name.startsWith("access-control-"));

describe("the control endpoint from a browser", () => {
  it("refuse a PUT of faults from another origin, and the faults stay as they were", async () => {
    const answer = await putFaults({ Origin: EVIL });
    expect(answer.status).toBe(403);
    expect(allowHeaders(answer.headers)).toEqual([]);
    expect(graph.requests).toEqual([]);
    expect((await call(graph, "/_fake/faults", { token: null })).body).toEqual({});
    expect((await mailTips(graph, [ME])).status).toBe(200);
  });

  it("refuse to show the faults to another origin, or to an opaque one", async () => {
    await mailTips(graph, [ME]);
    for (const origin of [EVIL, "null"]) {
      const read = await raw(graph, "/_fake/faults", { headers: { Origin: origin } });
      expect(read.status).toBe(403);
      expect(allowHeaders(read.headers)).toEqual([]);
    }
    // Nor does the request log, with its recipient addresses, come out: there is no endpoint for it.
    const log = await raw(graph, "/_fake/requests", { headers: { Origin: PAGE } });
    expect(log.status).toBe(404);
    expect(log.text).not.toContain("getMailTips");
    expect(graph.requests).toHaveLength(1);
  });

  it("give a preflight from another origin no allow headers", async () => {
    const answer = await raw(graph, "/_fake/faults", {
      method: "OPTIONS",
      headers: {
        Origin: EVIL,
        "Access-Control-Request-Method": "PUT",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(answer.status).toBe(403);
    expect(allowHeaders(answer.headers)).toEqual([]);
  });

  it.each(["cross-site", "same-site"])(
    "refuse a request marked Sec-Fetch-Site: %s that carries no Origin",
    async (site) => {
      expect((await raw(graph, "/_fake/faults", { headers: { "Sec-Fetch-Site": site } })).status).toBe(403);
      expect((await putFaults({ "Sec-Fetch-Site": site })).status).toBe(403);
      expect(graph.requests).toEqual([]);
      expect((await call(graph, "/_fake/faults", { token: null })).body).toEqual({});
    },
  );

  it("answer the playground page's origins, echoing the origin and never *", async () => {
    const preflight = await raw(graph, "/_fake/faults", {
      method: "OPTIONS",
      headers: { Origin: PAGE, "Access-Control-Request-Method": "PUT" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe(PAGE);
    expect(preflight.headers["access-control-allow-methods"]).toMatch(/PUT/);
    expect(preflight.headers["access-control-allow-headers"]).toMatch(/Content-Type/i);
    expect(preflight.headers.vary).toBe("Origin");
    // Cross-site (localhost page, 127.0.0.1 server) yet allowed: the Origin is the page's own.
    const put = await putFaults({ Origin: "http://127.0.0.1:3000", "Sec-Fetch-Site": "cross-site" });
    expect(put.status).toBe(200);
    expect(put.headers["access-control-allow-origin"]).toBe("http://127.0.0.1:3000");
    expect(put.headers.vary).toBe("Origin");
    expect((await mailTips(graph, [ME])).status).toBe(503);
    const read = await raw(graph, "/_fake/faults", { headers: { Origin: PAGE } });
    expect(read.status).toBe(200);
    expect(JSON.parse(read.text)).toEqual({ status: { code: 503 } });
  });

  it("answer a caller with no Origin (tests, curl, the address bar) without CORS headers", async () => {
    const answer = await putFaults({ "Sec-Fetch-Site": "none" });
    expect(answer.status).toBe(200);
    expect(allowHeaders(answer.headers)).toEqual([]);
    expect(answer.headers.vary).toBe("Origin");
  });

  it("leave the Graph endpoints open to any origin, as Graph is", async () => {
    const answer = await raw(graph, "/v1.0/me/getMailTips", {
      method: "POST",
      headers: { Origin: EVIL, Authorization: `Bearer ${DEMO_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ EmailAddresses: [ME], MailTipsOptions: "totalMemberCount" }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    const preflight = await raw(graph, "/v1.0/$batch", { method: "OPTIONS", headers: { Origin: EVIL } });
    expect(preflight.headers["access-control-allow-origin"]).toBe("*");
  });
});

describe("the Host header", () => {
  const hosts = (port: number) => [
    `evil.example:${port}`,
    `127.0.0.1.nip.io:${port}`,
    "127.0.0.1",
    `localhost:${port + 1}`,
  ];

  it("must name this server, on Graph and control paths alike", async () => {
    const port = portOf(graph);
    for (const host of hosts(port)) {
      for (const path of ["/v1.0/me/getMailTips", "/_fake/faults"]) {
        const answer = await raw(graph, path, { headers: { Host: host } });
        expect({ host, path, status: answer.status }).toEqual({ host, path, status: 421 });
        expect(answer.text).toMatch(/^Misdirected request/);
      }
      const put = await putFaults({ Host: host });
      expect(put.status).toBe(421);
    }
    // Node's own server refuses HTTP/1.1 without a Host (400) before the guard sees it.
    expect([400, 421]).toContain((await raw(graph, "/_fake/faults", { setHost: false })).status);
    expect(graph.requests).toEqual([]);
    expect((await call(graph, "/_fake/faults", { token: null })).body).toEqual({});
  });

  it("is accepted as 127.0.0.1, localhost or [::1] with this port, in any case", async () => {
    const port = portOf(graph);
    for (const host of [`127.0.0.1:${port}`, `LocalHost:${port}`, `[::1]:${port}`]) {
      expect((await raw(graph, "/_fake/faults", { headers: { Host: host } })).status).toBe(200);
      const tips = await raw(graph, "/v1.0/me/getMailTips", {
        method: "POST",
        headers: { Host: host, Authorization: `Bearer ${DEMO_TOKEN}`, "Content-Type": "application/json" },
        body: JSON.stringify({ EmailAddresses: [ME], MailTipsOptions: "totalMemberCount" }),
      });
      expect(tips.status).toBe(200);
    }
  });
});

describe("the request log", () => {
  it("keeps only the most recent requests, dropping the oldest", async () => {
    const small = await startFakeGraph({ directory: loadDemoDirectory(), maxLoggedRequests: 3 });
    try {
      for (const n of [1, 2, 3, 4, 5]) await groupByMail(small, `nobody${n}@example.org`);
      expect(small.requests.map((request) => decodeURIComponent(request.path))).toEqual([
        "/v1.0/groups?$filter=mail eq 'nobody3@example.org'",
        "/v1.0/groups?$filter=mail eq 'nobody4@example.org'",
        "/v1.0/groups?$filter=mail eq 'nobody5@example.org'",
      ]);
    } finally {
      await small.close();
    }
  });

  it(`holds ${MAX_LOGGED_REQUESTS.toLocaleString("en-GB")} records by default`, () => {
    const log = new RequestLog();
    for (let n = 0; n < MAX_LOGGED_REQUESTS + 25; n += 1)
      log.add({ method: "GET", path: `/v1.0/groups/${n}`, kind: "groups", at: n });
    expect(log.all).toHaveLength(MAX_LOGGED_REQUESTS);
    expect(log.all[0]?.at).toBe(25);
    expect(log.all.at(-1)?.at).toBe(MAX_LOGGED_REQUESTS + 24);
  });
});
