import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

// A local server listening on a loopback port, closed at once when asked: open keep-alive
// connections (a browser's, a test's) are ended rather than waited for. Used by the local Graph
// server and the playground's server.

export interface Listening {
  readonly port: number;
  /** Ends every open connection and stops listening. */
  close(): Promise<void>;
}

export async function listenLocally(server: Server, port: number, host: string): Promise<Listening> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
