import { startPlayground } from "./server";

// `npm start`'s server, after the build: prints where to go and stops cleanly on Ctrl+C.

export async function run(options: {
  distDir: string;
  port: number;
  host: string;
  policyPath?: string;
}): Promise<number> {
  let playground;
  try {
    playground = await startPlayground(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === "EADDRINUSE"
        ? `start: port ${options.port} is in use; choose another with PORT=4000 npm start`
        : `start: ${(error as Error).message}`,
    );
    return 2;
  }
  console.log(`\nReach Guard playground: ${playground.url}`);
  console.log(`Local Microsoft Graph-compatible server on the demo directory: ${playground.graph.url}`);
  console.log("Press Ctrl+C to stop.");
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await playground.close();
  return 0;
}
