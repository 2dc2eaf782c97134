import { isPolicyError } from "../core/policy";
import { USAGE, UsageError, parseCheckArgs } from "./args";
import { runCheck } from "./check";
import { paneWordsFor } from "../present/catalogues";
import { toJson, toText } from "./render";
import { runScanCommand } from "./scan-command";
import { INCIDENT_USAGE, runIncidentCommand } from "./incident-command";
import { SCAN_USAGE } from "../scan/options";
import { EXCHANGE_USAGE, runExchangeCommand } from "./exchange-command";

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether standard error is a terminal (progress bars draw only there). */
  readonly errIsTerminal?: boolean;
}

/** One subcommand: its arguments after the name in, an exit status out. */
type Command = (argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo) => Promise<number>;

/** Exit 0 for any decision; 2 with a one-line error for bad arguments or an invalid policy file. */
async function checkCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const options = parseCheckArgs(["check", ...argv], env);
  const decision = await runCheck(options, env);
  const words = paneWordsFor(options.locale);
  io.out(options.json ? `${JSON.stringify(toJson(decision, words))}\n` : toText(decision, words));
  return 0;
}

const COMMANDS: Readonly<Record<string, { readonly run: Command; readonly usage: string }>> = {
  check: { run: checkCommand, usage: USAGE },
  scan: { run: runScanCommand, usage: SCAN_USAGE },
  incident: { run: runIncidentCommand, usage: INCIDENT_USAGE },
  exchange: { run: runExchangeCommand, usage: EXCHANGE_USAGE },
};

/** Without a command: what each one is for. */
const OVERVIEW = `Usage: reach-guard <command> [options]   (reach-guard <command> --help for its options)
  check      what Reach Guard would decide for one message
  scan       size every mail-enabled list of the tenant and write the reach catalogue
  incident   write or try the policy's incident section, to stop a reply-all storm
  exchange   write the Exchange Online PowerShell script that enforces the policy on the server`;

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h") {
    io.out(`${OVERVIEW}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  try {
    const [name = "", ...rest] = argv;
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`unknown command "${name}"`);
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(`${command.usage}\n`);
      return 0;
    }
    return await command.run(rest, env, io);
  } catch (error) {
    if (error instanceof UsageError || isPolicyError(error)) {
      io.err(`reach-guard: ${error.message}\n`);
      return 2;
    }
    io.err(`reach-guard: unexpected error: ${(error as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTerminal: process.stderr.isTTY === true,
  }).then((code) => {
    process.exitCode = code;
  });
}
