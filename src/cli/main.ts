import { isPolicyError } from "../core/policy";
import { USAGE, UsageError, parseCheckArgs } from "./args";
import { runCheck } from "./check";
import { paneWordsFor } from "../present/catalogues";
import { toJson, toText } from "./render";

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Exit 0 for any decision; 2 with a one-line error for bad arguments or an invalid policy file. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) {
    io.out(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  try {
    const options = parseCheckArgs(argv, env);
    const decision = await runCheck(options, env);
    const words = paneWordsFor(options.locale);
    io.out(options.json ? `${JSON.stringify(toJson(decision, words))}\n` : toText(decision, words));
    return 0;
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
  }).then((code) => {
    process.exitCode = code;
  });
}
