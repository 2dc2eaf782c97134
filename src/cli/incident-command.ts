import { UsageError } from "./args";
import type { CliIo } from "./main";

// reach-guard incident: placeholder until the incident helper lands.
export async function runIncidentCommand(
  _argv: readonly string[],
  _env: NodeJS.ProcessEnv,
  _io: CliIo,
): Promise<number> {
  throw new UsageError("incident is not available yet");
}
