// Where Reach Guard may send recipient addresses: Microsoft Graph's own roots, and loopback for the
// playground's local Graph-compatible server. One rule, used by config.json's validation (add-in and
// build), the Graph client and the CLI's --graph-url, so that a root one of them accepts can never
// be refused (or worse, reinterpreted) by another. Written without the WHATWG URL class, which
// classic Outlook's JavaScript-only runtime does not promise.

import { isLoopbackHost, LOOPBACK_HOSTS } from "../../kit/loopback";

/** Microsoft Graph service roots: global, US Government L4 and L5 (DoD), China (21Vianet). */
export const GRAPH_ROOTS: readonly string[] = [
  "https://graph.microsoft.com",
  "https://graph.microsoft.us",
  "https://dod-graph.microsoft.us",
  "https://microsoftgraph.chinacloudapi.cn",
];

// http only on this machine's loopback, with a port: the playground's server. The host is all
// before the last colon, so that [::1]'s own colons stay in it.
const HTTP_WITH_PORT = /^http:\/\/(.+):(\d{1,5})$/;

const loopbackRoots = LOOPBACK_HOSTS.map((host) => `http://${host}`);
export const GRAPH_ROOT_RULE =
  `must be a Microsoft Graph root (${GRAPH_ROOTS.join(", ")}) with no version, path, query or ` +
  `fragment, or for the playground ${loopbackRoots.slice(0, -1).join(", ")} or ` +
  `${loopbackRoots[loopbackRoots.length - 1]} with a port`;

/** The root written canonically (lower case, no trailing slash), or null when the rule refuses it. */
export function parseGraphRoot(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/\/$/, "").toLowerCase();
  if (GRAPH_ROOTS.includes(text)) return text;
  const loopback = HTTP_WITH_PORT.exec(text);
  if (!loopback || !isLoopbackHost(loopback[1] ?? "")) return null;
  const port = Number(loopback[2]);
  return port >= 1 && port <= 65_535 ? text : null;
}
