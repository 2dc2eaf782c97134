import {
  DEMO_TOKEN,
  loadDemoDirectory,
  startFakeGraph,
  type FakeDirectory,
  type FakeGraph,
  type Faults,
} from "../../src/fake-graph";

// Real sockets to the local Graph-compatible server on the demo directory: a started server per test
// file, a small fetch wrapper, and the checks every Graph error body must pass.

export const ME = "dr.amelia.hart@example.org";
export const ALL_OPTIONS =
  "totalMemberCount, externalMemberCount, recipientScope, deliveryRestriction, moderationStatus";
export const GRAPH_JSON_TYPE = /^application\/json;odata\.metadata=minimal/;
export const CONTEXT = "https://graph.microsoft.com/v1.0/$metadata";

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON (throws if it is not JSON). */
  readonly body: Record<string, unknown>;
}

export interface CallOptions {
  readonly method?: string;
  /** null: no Authorization header. Default: the demo token with every permission. */
  readonly token?: string | null;
  readonly headers?: Record<string, string>;
  /** Sent as JSON; a string is sent as it is. */
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

export async function call(graph: FakeGraph, path: string, options: CallOptions = {}): Promise<Answer> {
  const token = options.token === undefined ? DEMO_TOKEN : options.token;
  const headers: Record<string, string> = { ...options.headers };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(`${graph.url}${path}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    ...(body === undefined ? {} : { body }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    get body() {
      return JSON.parse(text) as Record<string, unknown>;
    },
  };
}

export const mailTips = (graph: FakeGraph, addresses: string[], options: CallOptions = {}) =>
  call(graph, "/v1.0/me/getMailTips", {
    body: { EmailAddresses: addresses, MailTipsOptions: ALL_OPTIONS },
    ...options,
  });

export const groupByMail = (graph: FakeGraph, mail: string, query = "", options: CallOptions = {}) =>
  call(graph, `/v1.0/groups?$filter=${encodeURIComponent(`mail eq '${mail}'`)}${query}`, options);

export const countPath = (groupId: string) =>
  `/v1.0/groups/${groupId}/transitiveMembers/microsoft.graph.user/$count`;

export const EVENTUAL = { ConsistencyLevel: "eventual" } as const;

/** Graph's error body exactly: error.code, error.message, error.innerError with the request id. */
export function expectGraphError(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get("content-type")).toMatch(GRAPH_JSON_TYPE);
  const body = answer.body as { error?: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toEqual({
    code,
    message: expect.any(String),
    innerError: {
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/),
      "request-id": answer.headers.get("request-id"),
      "client-request-id": expect.any(String),
    },
  });
  expect(String(body.error?.message).length).toBeGreaterThan(0);
}

/** One server per test file; faults and the request log start empty for every test. */
/**
 * One server per test file, on the demo directory unless given another; faults and the request log
 * start empty for every test.
 */
export function useFakeGraph(
  directory: () => FakeDirectory = loadDemoDirectory,
  options: { readonly maxLoggedRequests?: number } = {},
): () => FakeGraph {
  let graph: FakeGraph | null = null;
  beforeAll(async () => {
    graph = await startFakeGraph({ directory: directory(), ...options });
  });
  beforeEach(() => {
    graph!.setFaults({});
    graph!.resetLog();
  });
  afterAll(async () => {
    await graph?.close();
  });
  return () => graph!;
}

export async function putFaults(graph: FakeGraph, faults: Faults | unknown): Promise<Answer> {
  return call(graph, "/_fake/faults", { method: "PUT", token: null, body: faults });
}

/** Milliseconds a promise takes. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}
