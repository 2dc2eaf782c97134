import { TokenUnavailableError } from "../../src/auth/port";
import { createGraphClient, MAX_RESPONSE_CHARS, type GraphClient } from "../../src/directory/graph/client";
import { GraphError } from "../../src/directory/graph/errors";
import { GRAPH_ROOT_RULE } from "../../src/directory/graph/roots";
import { graphError, startScriptedServer, type Scripted, type ScriptedServer } from "./scripted-server";

const ok: Scripted = { status: 200, body: { value: [] } };
let server: ScriptedServer | null = null;
let elsewhere: ScriptedServer | null = null;

async function clientFor(
  script: (index: number) => Scripted,
  getToken = async (_scopes: readonly string[]) => "token-1",
): Promise<GraphClient> {
  server = await startScriptedServer((_request, index) => script(index));
  return createGraphClient({
    graphRoot: server.root,
    getToken,
    backoff: { baseDelayMs: 50, maxDelayMs: 400, maxAttempts: 4 },
  });
}

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error("expected a GraphError");
}

const get = (deadlineMs = 3000) => ({
  method: "GET" as const,
  path: "/groups?$filter=x",
  scopes: ["GroupMember.Read.All"],
  deadlineAt: Date.now() + deadlineMs,
});

afterEach(async () => {
  await Promise.all([server?.close(), elsewhere?.close()]);
  server = null;
  elsewhere = null;
});

describe("Graph client", () => {
  it("calls the versioned absolute URL with the bearer token and the caller's headers", async () => {
    const scopesAsked: (readonly string[])[] = [];
    const client = await clientFor(
      () => ok,
      async (scopes) => {
        scopesAsked.push(scopes);
        return "secret-token";
      },
    );
    await client.request({ ...get(), headers: { ConsistencyLevel: "eventual" } });
    const [request] = server!.received;
    expect(request?.url).toBe("/v1.0/groups?$filter=x");
    expect(request?.headers.authorization).toBe("Bearer secret-token");
    expect(request?.headers.consistencylevel).toBe("eventual");
    expect(scopesAsked).toEqual([["GroupMember.Read.All"]]);
  });

  it("returns a text/plain answer as text", async () => {
    const client = await clientFor(() => ({
      status: 200,
      headers: { "content-type": "text/plain" },
      raw: "313",
    }));
    expect((await client.request(get())).body).toBe("313");
  });

  it("waits what Retry-After says on 429, then succeeds", async () => {
    const client = await clientFor((index) =>
      index === 0 ? graphError(429, "TooManyRequests", { "Retry-After": "0.3" }) : ok,
    );
    await client.request(get());
    const [first, second] = server!.received;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(290);
    expect(client.stats).toEqual({ requests: 2, retries: 1 });
  });

  it.each([503, 504])("retries %i with back-off", async (status) => {
    const client = await clientFor((index) => (index < 2 ? graphError(status, "ServiceUnavailable") : ok));
    await client.request(get());
    expect(server!.received).toHaveLength(3);
  });

  it("gives up at once when Retry-After ends past the deadline", async () => {
    const client = await clientFor(() => graphError(429, "TooManyRequests", { "Retry-After": "10" }));
    const started = Date.now();
    const error = await failure(client.request(get(1000)));
    expect(Date.now() - started).toBeLessThan(500);
    expect(error).toMatchObject({ failure: "unavailable", status: 429, code: "TooManyRequests" });
    expect(server!.received).toHaveLength(1);
  });

  it("stops after the attempts allowed", async () => {
    const client = await clientFor(() => graphError(503, "ServiceUnavailable"));
    const error = await failure(client.request(get(5000)));
    expect(error.failure).toBe("unavailable");
    expect(server!.received).toHaveLength(4);
  });

  it.each([
    [401, "InvalidAuthenticationToken"],
    [403, "Authorization_RequestDenied"],
  ])("reports %i %s as not permitted, without retrying", async (status, code) => {
    const client = await clientFor(() => graphError(status, code));
    const error = await failure(client.request(get()));
    expect(error).toMatchObject({ failure: "not-permitted", status, code });
    expect(server!.received).toHaveLength(1);
  });

  it("branches on error.code, not the status alone", async () => {
    const client = await clientFor(() => graphError(400, "ErrorAccessDenied"));
    expect((await failure(client.request(get()))).failure).toBe("not-permitted");
  });

  it("does not retry a bad request", async () => {
    const client = await clientFor(() => graphError(400, "Request_UnsupportedQuery"));
    expect(await failure(client.request(get()))).toMatchObject({
      failure: "unavailable",
      code: "Request_UnsupportedQuery",
    });
    expect(server!.received).toHaveLength(1);
  });

  it("reports a malformed body after one more try", async () => {
    const client = await clientFor(() => ({ status: 200, raw: '{"value": [{"emailAdd' }));
    const error = await failure(client.request(get()));
    expect(error).toMatchObject({ failure: "unavailable", code: "MalformedResponse" });
    expect(server!.received.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a body far larger than any Graph answer it asks for, without parsing it", async () => {
    // Valid JSON, so only its size can stop it: 3 MB of one string.
    const client = await clientFor(() => ({
      status: 200,
      raw: `{"value": [], "padding": "${"x".repeat(MAX_RESPONSE_CHARS + 1)}"}`,
    }));
    const error = await failure(client.request(get()));
    expect(error).toMatchObject({ failure: "unavailable", code: "ResponseTooLarge" });
    expect(server!.received).toHaveLength(1);
  });

  it("retries a dropped connection", async () => {
    const client = await clientFor((index) => (index === 0 ? "drop" : ok));
    expect((await client.request(get())).status).toBe(200);
    expect(server!.received).toHaveLength(2);
  });

  it("ends a call that gets no answer at the deadline", async () => {
    const client = await clientFor(() => "hang");
    const started = Date.now();
    const error = await failure(client.request(get(400)));
    expect(error.failure).toBe("timeout");
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    expect(Date.now() - started).toBeLessThan(700);
  });

  it("ends at the deadline when the token broker never answers, and sends nothing", async () => {
    const client = await clientFor(
      () => ok,
      () => new Promise<string>(() => undefined),
    );
    const started = Date.now();
    const error = await failure(client.request(get(400)));
    expect(error.failure).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(700);
    expect(server!.received).toHaveLength(0);
  });

  it("reports a token that cannot be had as no-token and sends nothing", async () => {
    const client = await clientFor(
      () => ok,
      async () => {
        throw new TokenUnavailableError("interaction-required");
      },
    );
    const error = await failure(client.request(get()));
    expect(error).toMatchObject({ failure: "no-token", code: "NoToken:interaction-required" });
    expect(server!.received).toHaveLength(0);
  });

  it.each([
    "http://graph.example.org",
    "https://graph.example.org",
    "http://[::1]",
    "http://localhost",
    "https://graph.microsoft.com/v1.0",
    "https://graph.microsoft.com?x=1",
    "not a url",
  ])("refuses the Graph root %j with the shared rule", (graphRoot) => {
    expect(() => createGraphClient({ graphRoot, getToken: async () => "t" })).toThrow(GRAPH_ROOT_RULE);
  });

  it.each([
    ["https://graph.microsoft.us/", "https://graph.microsoft.us"],
    ["https://Graph.Microsoft.com", "https://graph.microsoft.com"],
    ["http://[::1]:3000", "http://[::1]:3000"],
    ["http://127.0.0.1:43123", "http://127.0.0.1:43123"],
  ])("accepts the Graph root %j as %j", (graphRoot, root) => {
    expect(createGraphClient({ graphRoot, getToken: async () => "t" }).root).toBe(root);
  });
});

describe("Graph client and redirects", () => {
  it.each([301, 302, 303, 307, 308])(
    "never follows a %i to another origin, nor retries it, nor reads its body",
    async (status) => {
      elsewhere = await startScriptedServer(() => ok);
      const target = `${elsewhere.root}/v1.0/me/getMailTips`;
      const client = await clientFor(() => ({ status, headers: { Location: target }, body: ok.body }));
      const error = await failure(
        client.request({
          ...get(),
          method: "POST",
          path: "/me/getMailTips",
          body: { EmailAddresses: ["a"] },
        }),
      );
      expect(error).toMatchObject({ failure: "unavailable", status, code: "Redirected" });
      expect(server!.received).toHaveLength(1);
      expect(elsewhere.received).toHaveLength(0);
    },
  );

  /** A fetch that answers as a runtime that followed a redirect, or hid one, would. */
  function answeredAs(shape: { type?: string; redirected?: boolean; url?: string; status?: number }) {
    return async (): Promise<Response> => {
      const response = new Response(JSON.stringify({ value: [] }), {
        headers: { "content-type": "application/json" },
      });
      for (const [key, value] of Object.entries(shape)) Object.defineProperty(response, key, { value });
      return response;
    };
  }

  it.each([
    ["an opaque redirect (browsers)", { type: "opaqueredirect", status: 0 }],
    ["a response that says it was redirected", { redirected: true }],
    ["a response from another origin", { url: "https://graph.microsoft.com.evil.example/v1.0/me" }],
    ["a response from the same host on another port", { url: "https://graph.microsoft.com:444/v1.0/me" }],
  ])("refuses %s", async (_name, shape) => {
    let calls = 0;
    const fetch = answeredAs(shape);
    const client = createGraphClient({
      graphRoot: "https://graph.microsoft.com",
      getToken: async () => "t",
      fetch: async () => {
        calls += 1;
        return fetch();
      },
    });
    expect(await failure(client.request(get()))).toMatchObject({
      failure: "unavailable",
      code: "Redirected",
    });
    expect(calls).toBe(1);
  });

  it("accepts a response from the root it asked, and one with no URL (a stand-in fetch)", async () => {
    for (const [graphRoot, url] of [
      ["https://graph.microsoft.com", "https://graph.microsoft.com/v1.0/groups?$filter=x"],
      ["https://graph.microsoft.com", ""],
      // fetch writes the default port out of the URL it reports.
      ["http://127.0.0.1:80", "http://127.0.0.1/v1.0/groups?$filter=x"],
    ] as const) {
      const client = createGraphClient({
        graphRoot,
        getToken: async () => "t",
        fetch: answeredAs({ url }),
      });
      expect((await client.request(get())).body).toEqual({ value: [] });
    }
  });

  it("asks fetch not to follow redirects", async () => {
    const inits: (RequestInit | undefined)[] = [];
    const client = createGraphClient({
      graphRoot: "https://graph.microsoft.com",
      getToken: async () => "t",
      fetch: async (_input, init) => {
        inits.push(init);
        return answeredAs({})();
      },
    });
    await client.request(get());
    expect(inits[0]?.redirect).toBe("manual");
  });
});
