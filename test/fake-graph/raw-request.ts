import { request } from "node:http";
import type { FakeGraph } from "../../src/fake-graph";

// A request with exactly the headers a browser (or an attacker's page) would send: node's fetch
// will not set Host, Origin as a page would, or Sec-Fetch-Site, so node:http it is.

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

export interface RawOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** false: no Host header at all, as an HTTP/1.0 client may send. */
  readonly setHost?: boolean;
}

export function raw(graph: FakeGraph, path: string, options: RawOptions = {}): Promise<RawAnswer> {
  const port = portOf(graph);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: options.method ?? "GET",
        headers: options.headers ?? {},
        setHost: options.setHost ?? true,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

export function portOf(graph: FakeGraph): number {
  return Number(graph.url.split(":").pop());
}
