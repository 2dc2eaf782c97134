import { writeFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { BUILD_DIR, PORT_FILE, ROOT } from "./build-dir";
import { join } from "node:path";

// The real build, as `npm start` makes it: events.js, the task pane and the playground, for a free
// port (the add-in's host address is fixed at build time, as in production). A development build
// skips minifying, which would otherwise take most of the suite's time and change nothing here.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export default async function globalSetup(): Promise<void> {
  for (const name of Object.keys(process.env)) if (name.startsWith("REACH_GUARD_")) delete process.env[name];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS
  const { main } = require("../../scripts/build") as { main: (argv: string[]) => Promise<number> };
  const port = await freePort();
  const started = Date.now();
  const code = await main([
    "--base-url",
    `http://localhost:${port}`,
    "--out",
    BUILD_DIR,
    "--playground",
    "--dev",
  ]);
  if (code !== 0) throw new Error(`the playground build failed (exit ${code}); run npm start to see why`);
  mkdirSync(join(ROOT, "test-output"), { recursive: true });
  writeFileSync(PORT_FILE, String(port));
  console.log(
    `browser tests: playground built for port ${port} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
