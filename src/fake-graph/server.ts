import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenLocally } from "./listen";
import type { FakeDirectory } from "./directory";
import { FaultState, validateFaults, type Faults, type RequestKind } from "./faults";
import { controlAccess, controlCors, hostAllowed, originSet, ownHosts } from "./guard";
import { RequestLog, type RecordedRequest } from "./request-log";
import {
  answerGraph,
  authenticated,
  classify,
  errorAnswer,
  GRAPH_JSON,
  UNAUTHENTICATED,
  type GraphAnswer,
} from "./routes";

// A real HTTP server on 127.0.0.1 that answers like Microsoft Graph (routes.ts: the requests the
// add-in makes), with faults on demand. One control endpoint, /_fake/faults (never faulted, never
// authorised), is there for the playground page, which has no other way into this process: its
// switches PUT the faults, and each page load PUTs an empty set. GET reads them back, for the
// tests of those switches. Browsers reach it only from `controlOrigins` (see guard.ts). Tests,
// the CLI and the benchmarks run this server in their own process and use the returned object
// instead (setFaults, requests, resetLog).

export type { RecordedRequest } from "./request-log";

export interface FakeGraph {
  /** Graph root without version, e.g. http://127.0.0.1:43123 */
  readonly url: string;
  setFaults(faults: Faults): void;
  readonly requests: readonly RecordedRequest[];
  resetLog(): void;
  close(): Promise<void>;
}

export interface FakeGraphOptions {
  readonly directory: FakeDirectory;
  readonly faults?: Faults;
  readonly port?: number;
  readonly host?: string;
  /**
   * Browser origins that may use the control endpoint, e.g. the playground page's
   * `http://localhost:3000`. Requests without an Origin header (tests, curl) are always allowed.
   */
  readonly controlOrigins?: readonly string[];
  /** How many requests the log keeps (default MAX_LOGGED_REQUESTS, 10,000). */
  readonly maxLoggedRequests?: number;
}

export const MAX_BATCH = 20;

// Graph itself is CORS-open to any origin that holds a token; the control endpoint is not.
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, PUT, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, ConsistencyLevel, client-request-id",
  "Access-Control-Expose-Headers": "Retry-After, request-id",
} as const;

function retryAfterValue(value: number | string | undefined): string {
  return value === undefined ? "1" : String(value);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function write(res: ServerResponse, answer: GraphAnswer): void {
  const isText = (answer.headers["Content-Type"] ?? "").startsWith("text/plain");
  res.writeHead(answer.status, { ...CORS, ...answer.headers });
  res.end(isText ? String(answer.body) : JSON.stringify(answer.body));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeGraph(options: FakeGraphOptions): Promise<FakeGraph> {
  const faults = new FaultState(options.faults ?? {});
  const log = new RequestLog(options.maxLoggedRequests);
  const controlOrigins = originSet(options.controlOrigins ?? []);
  let hosts: ReadonlySet<string> = new Set();

  /** Faults that end a request with an error answer (also used per sub-request of a batch). */
  function errorFault(kind: RequestKind): GraphAnswer | null {
    const current = faults.faults;
    if (faults.take("throttle", kind)) {
      return errorAnswer(429, "TooManyRequests", "Too many requests.", {
        "Retry-After": retryAfterValue(current.throttle?.retryAfter),
      });
    }
    if (faults.take("status", kind)) {
      const code = current.status?.code ?? 503;
      const retry =
        current.status?.retryAfter === undefined
          ? {}
          : { "Retry-After": retryAfterValue(current.status.retryAfter) };
      return errorAnswer(
        code,
        code === 503 ? "ServiceUnavailable" : "UnknownError",
        "The service is unavailable.",
        retry,
      );
    }
    return null;
  }

  function call(
    method: string,
    path: string,
    headers: Record<string, string | undefined>,
    body: unknown,
    token: string | null,
  ): GraphAnswer {
    if (faults.faults.unauthorized)
      return errorAnswer(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");
    return (
      errorFault(classify(method, path)) ??
      answerGraph(
        { method, path, headers, body, token, root: faults.faults.nextLinkOrigin ?? origin },
        options.directory,
      )
    );
  }

  function batch(body: unknown, token: string | null): GraphAnswer {
    const requestsIn = (body as { requests?: unknown } | null)?.requests;
    if (!Array.isArray(requestsIn)) return errorAnswer(400, "BadRequest", "Invalid batch payload format.");
    if (requestsIn.length > MAX_BATCH)
      return errorAnswer(400, "BadRequest", `Number of batch requests exceeds the limit of ${MAX_BATCH}.`);
    const ids = new Set<string>();
    for (const sub of requestsIn as { id?: unknown }[]) {
      if (typeof sub?.id !== "string" || ids.has(sub.id))
        return errorAnswer(400, "BadRequest", "Batch request ids must be unique strings.");
      ids.add(sub.id);
    }
    // Answers keep the order of the requests; Graph does not promise any order, so clients match by id.
    const responses = (
      requestsIn as {
        id: string;
        method?: string;
        url?: string;
        headers?: Record<string, string>;
        body?: unknown;
      }[]
    ).map((sub) => {
      const url = String(sub.url ?? "");
      const path = url.startsWith("/") ? url : `/${url}`;
      const method = (sub.method ?? "GET").toUpperCase();
      const headers = Object.fromEntries(
        Object.entries(sub.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
      );
      log.add({
        method,
        path: `/v1.0${path}`,
        kind: classify(method, path),
        inBatch: true,
        at: Date.now(),
      });
      const answer = call(method, path, headers, sub.body ?? null, token);
      // Graph is reported to base64-encode an inner body that is not JSON (a text/plain $count), and
      // documents only JSON ones: the stricter reading is the one served, so the client must decode.
      const text = (answer.headers["Content-Type"] ?? "").startsWith("text/plain");
      const body = text ? Buffer.from(String(answer.body), "utf8").toString("base64") : answer.body;
      return { id: sub.id, status: answer.status, headers: answer.headers, body };
    });
    return { status: 200, headers: { "Content-Type": GRAPH_JSON }, body: { responses } };
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const access = controlAccess(req.headers, controlOrigins);
    if (!access.allowed) {
      res.writeHead(403, { Vary: "Origin", "Content-Type": "text/plain; charset=utf-8" });
      res.end("The control endpoint answers only the playground page.");
      return;
    }
    const cors = controlCors(access.origin);
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { ...cors, "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    // The playground's fault switches (src/playground/index.tsx) PUT; GET answers what is in force.
    if (path === "/_fake/faults" && req.method === "GET") return send(200, faults.faults);
    if (path === "/_fake/faults" && req.method === "PUT") {
      try {
        faults.replace(validateFaults(JSON.parse(await readBody(req))));
        return send(200, faults.faults);
      } catch (error) {
        return send(400, { error: (error as Error).message });
      }
    }
    send(404, { error: "unknown control endpoint" });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const full = req.url ?? "/";
    const pathname = full.split("?")[0] ?? "/";
    if (!hostAllowed(req.headers.host, hosts)) {
      res.writeHead(421, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Misdirected request: the Host header does not name this server.");
      return;
    }
    if (pathname.startsWith("/_fake/")) return control(req, res, pathname);
    if (req.method === "OPTIONS") {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    const text = await readBody(req);
    if (!pathname.startsWith("/v1.0/")) {
      write(res, errorAnswer(400, "BadRequest", "Invalid version: the path must start with /v1.0."));
      return;
    }
    const path = full.slice("/v1.0".length);
    const method = req.method ?? "GET";
    const kind = classify(method, path);
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        write(res, errorAnswer(400, "BadRequest", "Unable to read JSON request payload."));
        return;
      }
    }
    const record: RecordedRequest = {
      method,
      path: full,
      kind,
      at: Date.now(),
      ...(kind === "batch"
        ? {
            batchSize: Array.isArray((body as { requests?: unknown })?.requests)
              ? (body as { requests: unknown[] }).requests.length
              : 0,
          }
        : {}),
      ...(kind === "mailtips"
        ? {
            addresses: Array.isArray((body as { EmailAddresses?: unknown })?.EmailAddresses)
              ? (body as { EmailAddresses: unknown[] }).EmailAddresses.length
              : 0,
          }
        : {}),
    };
    log.add(record);
    const latency = faults.faults.latencyMs ?? 0;
    if (latency > 0) await sleep(latency);
    if (faults.take("hang", kind)) return; // no answer; close() ends the socket
    if (faults.take("drop", kind)) {
      req.socket.destroy();
      return;
    }
    if (faults.take("malformed", kind)) {
      res.writeHead(200, { ...CORS, "Content-Type": GRAPH_JSON });
      res.end('{"value": [{"emailAdd');
      return;
    }
    const authorization = req.headers.authorization ?? "";
    const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1]?.trim() ?? null;
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(",") : value,
      ]),
    );
    if (kind === "batch") {
      if (faults.faults.unauthorized)
        return write(
          res,
          errorAnswer(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid."),
        );
      // Graph authenticates the $batch request itself: without a valid token the whole batch is
      // 401, not a 200 envelope of 401s. Permissions (403) are still decided per request inside.
      if (!authenticated(token)) return write(res, UNAUTHENTICATED());
      const whole = errorFault("batch");
      return write(
        res,
        whole ??
          (method === "POST" ? batch(body, token) : errorAnswer(405, "BadRequest", "Method not allowed.")),
      );
    }
    write(res, call(method, path, headers, body, token));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) write(res, errorAnswer(500, "UnknownError", "The local Graph server failed."));
      else res.end();
    });
  });
  const listening = await listenLocally(server, options.port ?? 0, options.host ?? "127.0.0.1");
  const origin = `http://${options.host ?? "127.0.0.1"}:${listening.port}`;
  hosts = ownHosts(listening.port, options.host);

  return {
    url: origin,
    setFaults: (next) => faults.replace(next),
    get requests() {
      return log.all;
    },
    resetLog: () => log.clear(),
    close: () => listening.close(),
  };
}
