import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenLocally } from "../../fake-graph/listen";
import { basename, join, resolve } from "node:path";
import { readFile } from "node:fs/promises";
import { loadDemoDirectory, startFakeGraph, type FakeGraph } from "../../fake-graph";
import { DEMO_DIRECTORY_PATH } from "../../fake-graph/demo";
import { parsePolicyText } from "../../core/policy";
import { loopbackOrigins } from "../../kit/loopback";
import { summarisePolicy, type PolicySummary } from "../host/policy-summary";
import { readStatic } from "./static-files";
import { demoCatalogueText } from "./demo-catalogue";
import { withDemoIncident } from "./demo-incident";
import { playgroundEnvironment, playgroundHostConfig } from "./environment";

// The playground's web server: the built add-in (as an admin would host it), the playground page,
// a config.json that points the add-in at the local Graph-compatible server on the demo directory,
// and that server itself. Listens on this machine only.

export interface PlaygroundOptions {
  /** The build folder: npm start's, or the browser tests'. */
  readonly distDir: string;
  readonly port?: number;
  readonly host?: string;
  /** A policy file to use instead of the built one (checked before the server starts). */
  readonly policyPath?: string;
  /**
   * Whether to host a reach catalogue of the demo directory beside policy.json, as an admin who runs
   * `reach-guard scan` would (default). Without one, a list Graph cannot size is not known at all.
   */
  readonly catalogue?: boolean;
}

export interface Playground {
  /** The page: http://localhost:<port>/playground/ */
  readonly url: string;
  readonly origin: string;
  readonly graph: FakeGraph;
  close(): Promise<void>;
}

/** The policy the add-in will read: the file given to npm start, else the build's policy.json. */
async function policyInForce(
  root: string,
  policyPath: string | null,
  policyText: string | null,
): Promise<PolicySummary | null> {
  if (policyPath !== null && policyText !== null)
    return summarisePolicy(basename(policyPath), parsePolicyText(policyText));
  let built: string;
  try {
    built = await readFile(join(root, "policy.json"), "utf8");
  } catch {
    return null;
  }
  try {
    return summarisePolicy("policy.json (from the build)", parsePolicyText(built));
  } catch {
    return null;
  }
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const root = resolve(options.distDir);
  const policyText = options.policyPath ? await readFile(options.policyPath, "utf8") : null;
  // A broken file stops here, with its field named; the page shows the policy in force.
  const policy = await policyInForce(root, options.policyPath ?? null, policyText);
  // What the add-in reads: a file given at start as it is; else the build's, with the demo's storm
  // stopped (./demo-incident.ts).
  const servedPolicy =
    policyText ??
    (await readFile(join(root, "policy.json"), "utf8").then(
      (text) => withDemoIncident(text),
      () => null,
    ));
  const directory = loadDemoDirectory();
  const demoData = JSON.parse(await readFile(DEMO_DIRECTORY_PATH, "utf8")) as unknown;
  // The reach catalogue an admin would host beside policy.json, for the demo directory.
  // Dynamic lists are not in /groups: a scan is given their addresses, as this one is.
  const dynamicLists = ((demoData as { groups: readonly { mail: string; kind: string }[] }).groups ?? [])
    .filter((group) => group.kind === "dynamic")
    .map((group) => group.mail);
  const catalogueText = options.catalogue === false ? null : demoCatalogueText(directory, dynamicLists);
  // Started once this server's port is known: the page's origins are the only browser callers its
  // control endpoints (the fault switches) answer.
  let graph: FakeGraph | null = null;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const send = (status: number, type: string, body: string | Buffer) => {
      // Everything here changes with each build: never cached. The add-in's JSON is read across
      // localhost and 127.0.0.1, so it may be read from either.
      res.writeHead(status, {
        "Content-Type": type,
        "Cache-Control": "no-store",
        "Access-Control-Allow-Origin": "*",
      });
      res.end(body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "text/plain", "Method not allowed");
    if (!graph) return send(503, "text/plain", "The playground is starting");
    if (path === "/") {
      res.writeHead(302, { Location: "/playground/" });
      return void res.end();
    }
    if (path === "/config.json")
      return send(200, "application/json", JSON.stringify(playgroundHostConfig(graph.url)));
    if (path === "/policy.json" && servedPolicy !== null) return send(200, "application/json", servedPolicy);
    if (path === "/catalogue.json" && catalogueText !== null)
      return send(200, "application/json", catalogueText);
    if (path === "/playground/env.json")
      return send(
        200,
        "application/json",
        JSON.stringify({ ...playgroundEnvironment(demoData, graph.url), policy }),
      );
    // Browsers ask for it whatever the page says: the add-in's own icon, never a 404.
    if (path === "/favicon.ico") {
      const icon = await readStatic(root, "/assets/icon-32.png");
      if (icon) return send(200, icon.type, icon.body);
    }
    const file = await readStatic(root, path);
    if (!file) return send(404, "text/plain; charset=utf-8", "Not found");
    send(200, file.type, file.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end("The playground server failed.");
    });
  });
  const listening = await listenLocally(server, options.port ?? 3000, options.host ?? "127.0.0.1");
  const { port } = listening;
  const origin = `http://localhost:${port}`;
  try {
    // The page may be opened at the printed localhost address or at this machine's other loopbacks.
    graph = await startFakeGraph({ directory, controlOrigins: loopbackOrigins(port) });
  } catch (error) {
    await listening.close();
    throw error;
  }
  const started = graph;
  return {
    url: `${origin}/playground/`,
    origin,
    graph: started,
    close: async () => {
      await listening.close();
      await started.close();
    },
  };
}
