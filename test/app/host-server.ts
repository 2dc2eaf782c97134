import { createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";

// The admin's host on 127.0.0.1: serves policy.json and config.json as a test sets them, or never
// answers. Bodies are bytes, so a file saved with a byte-order mark arrives as it would from a host.

export type HostFile = { readonly status?: number; readonly body: string | Buffer } | "hang";

export interface HostServer {
  readonly baseUrl: string;
  readonly files: Map<string, HostFile>;
  readonly requested: string[];
  close(): Promise<void>;
}

export async function startHost(base = "/reach-guard"): Promise<HostServer> {
  const files = new Map<string, HostFile>();
  const requested: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = req.url ?? "";
    requested.push(path);
    const file = path.startsWith(`${base}/`) ? files.get(path.slice(base.length + 1)) : undefined;
    if (file === "hang") return;
    res.writeHead(file?.status ?? (file ? 200 : 404), { "content-type": "application/json" });
    res.end(file?.body ?? "");
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${base}`,
    files,
    requested,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
