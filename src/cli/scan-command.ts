import { UsageError } from "./args";
import type { CliIo } from "./main";

// reach-guard scan: placeholder until the tenant scan lands (src/scan).
export async function runScanCommand(
  _argv: readonly string[],
  _env: NodeJS.ProcessEnv,
  _io: CliIo,
): Promise<number> {
  throw new UsageError("scan is not available yet");
}
