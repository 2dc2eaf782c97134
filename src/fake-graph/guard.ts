import type { IncomingHttpHeaders } from "node:http";
import { LOOPBACK_HOSTS } from "../kit/loopback";

// The server listens on loopback only, yet any web page the developer has open can still reach it:
// by cross-origin requests straight to 127.0.0.1, or by DNS rebinding (its own name re-pointed at
// 127.0.0.1, which makes the browser treat the answers as same-origin). Two checks keep such pages
// out: the Host header must name this server, and the control endpoint, which changes faults,
// answers browsers only on the origins it was started with.

/** The Host values this server answers to on `port`: loopback names only, whatever the case. */
export function ownHosts(port: number, listenHost?: string): ReadonlySet<string> {
  const hosts = LOOPBACK_HOSTS.map((host) => `${host}:${port}`);
  // A server started on another name must still answer its own url.
  if (listenHost) hosts.push(`${listenHost.includes(":") ? `[${listenHost}]` : listenHost}:${port}`);
  return new Set(hosts.map((host) => host.toLowerCase()));
}

export function hostAllowed(host: string | undefined, own: ReadonlySet<string>): boolean {
  return host !== undefined && own.has(host.toLowerCase());
}

/** Origins as browsers send them: lower case, no trailing slash. */
export function originSet(origins: readonly string[]): ReadonlySet<string> {
  return new Set(origins.map((origin) => origin.trim().replace(/\/+$/, "").toLowerCase()));
}

/** Who is calling a control endpoint: refused, or allowed with the origin to echo (null: no browser origin). */
export type ControlAccess =
  { readonly allowed: false } | { readonly allowed: true; readonly origin: string | null };

export function controlAccess(headers: IncomingHttpHeaders, allowed: ReadonlySet<string>): ControlAccess {
  const origin = headers.origin;
  if (origin !== undefined)
    return allowed.has(origin.toLowerCase()) ? { allowed: true, origin } : { allowed: false };
  // Browsers leave Origin off some cross-site requests (a plain GET from a link or an image) but
  // send Sec-Fetch-Site. Same-site is refused too: a page on another localhost port is same-site.
  const site = headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") return { allowed: false };
  return { allowed: true, origin: null };
}

/** CORS headers for a control answer: for an allowed browser origin only, never `*`. */
export function controlCors(origin: string | null): Record<string, string> {
  // The answer differs by Origin, so no cache may hand one origin's answer to another.
  if (origin === null) return { Vary: "Origin" };
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": "GET, PUT, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    Vary: "Origin",
  };
}
