// This machine's loopback hosts, the only places Reach Guard allows plain http: a local build's base
// URL (scripts/build/options.js), the playground's Graph root (src/directory/graph/roots.ts) and the
// origins the playground page may be opened at (src/playground/server/server.ts). Written as a URL
// writes a host, the IPv6 address in brackets.

export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "[::1]"];

/** Whether `host` (a URL's hostname, lower case, no port) is this machine's loopback. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.includes(host);
}

/** `http://<host>:<port>` for each loopback host, `localhost` first. */
export function loopbackOrigins(port: number): string[] {
  return LOOPBACK_HOSTS.map((host) => `http://${host}:${port}`);
}
