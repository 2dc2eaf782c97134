import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

// A real HTTP server on 127.0.0.1 whose every answer a test scripts: status, headers and body as
// Graph sends them, or a dropped connection, or no answer at all, or an answer that breaks off or
// trickles in.

export type Scripted =
  | {
      readonly status: number;
      readonly headers?: Record<string, string>;
      readonly body?: unknown;
      readonly raw?: string;
      readonly delayMs?: number;
    }
  | {
      /** Headers and this much of the body, then the connection is reset. */
      readonly resetAfter: string;
      readonly status: number;
      readonly headers?: Record<string, string>;
    }
  | {
      /** Headers at once, then the body one character every `everyMs`. */
      readonly drip: string;
      readonly everyMs: number;
      readonly status: number;
      readonly headers?: Record<string, string>;
    }
  | "drop"
  | "hang";

export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: unknown;
  readonly at: number;
}

export interface ScriptedServer {
  readonly root: string;
  readonly received: Received[];
  /** Most requests in flight at once. */
  readonly peakConcurrency: () => number;
  close(): Promise<void>;
}

export const GRAPH_JSON =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

export function graphError(status: number, code: string, headers: Record<string, string> = {}): Scripted {
  return {
    status,
    headers,
    body: {
      error: {
        code,
        message: `scripted ${code}`,
        innerError: { date: new Date().toISOString(), "request-id": "r" },
      },
    },
  };
}

export async function startScriptedServer(
  script: (request: Received, index: number) => Scripted | Promise<Scripted>,
): Promise<ScriptedServer> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let peak = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // kept as text
      }
      const request: Received = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body,
        at: Date.now(),
      };
      received.push(request);
      const answer = await script(request, received.length - 1);
      if (answer === "hang") return;
      if (answer === "drop") {
        inFlight -= 1;
        req.socket.destroy();
        return;
      }
      if ("resetAfter" in answer) {
        inFlight -= 1;
        res.writeHead(answer.status, { "content-type": GRAPH_JSON, ...answer.headers });
        // Flushed before the reset, so the client has the headers and a part of the body.
        res.write(answer.resetAfter, () => req.socket.destroy());
        return;
      }
      if ("drip" in answer) {
        res.writeHead(answer.status, { "content-type": GRAPH_JSON, ...answer.headers });
        res.flushHeaders();
        let sent = 0;
        const timer = setInterval(() => {
          if (sent >= answer.drip.length) {
            clearInterval(timer);
            inFlight -= 1;
            res.end();
          } else res.write(answer.drip.charAt(sent++));
        }, answer.everyMs);
        req.socket.on("close", () => clearInterval(timer));
        return;
      }
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      inFlight -= 1;
      const payload = answer.raw ?? (answer.body === undefined ? "" : JSON.stringify(answer.body));
      res.writeHead(answer.status, { "content-type": GRAPH_JSON, ...answer.headers });
      res.end(payload);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    root: `http://127.0.0.1:${port}`,
    received,
    peakConcurrency: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The addresses a `getMailTips` call asked about. */
export function askedAddresses(request: Received): string[] {
  return (request.body as { EmailAddresses: string[] }).EmailAddresses;
}

export interface SubRequest {
  readonly id: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
}

/** The requests inside a `$batch` call. */
export function subRequests(request: Received): SubRequest[] {
  return (request.body as { requests: SubRequest[] }).requests;
}

export interface SubAnswer {
  readonly id?: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/** A `$batch` answer: each sub-request answered by `answer` (none, one, or several answers). */
export function batchOf(
  request: Received,
  answer: (sub: SubRequest) => SubAnswer | readonly SubAnswer[],
): Scripted {
  const responses = subRequests(request).flatMap((sub) => {
    const answers = answer(sub);
    return (Array.isArray(answers) ? answers : [answers]).map((one: SubAnswer) => ({ id: sub.id, ...one }));
  });
  return { status: 200, body: { responses } };
}
