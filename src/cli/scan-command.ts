import { mkdir, readFile } from "node:fs/promises";
import { staticTokenProvider } from "../auth/static";
import type { TokenProvider } from "../auth/port";
import { CatalogueError, parseCatalogueText, type Catalogue } from "../core/catalogue";
import { isPolicyError } from "../core/policy";
import { createGraphClient } from "../directory/graph/client";
import type { BackoffOptions } from "../directory/graph/retry";
import { DEMO_TOKEN, loadDemoDirectory, startFakeGraph, type FakeGraph } from "../fake-graph";
import { DEMO_DYNAMIC_LISTS_PATH } from "../fake-graph/demo";
import { parseAddressFile } from "../scan/address-file";
import type { StepRetry } from "../scan/backoff";
import { compareCatalogues, suggestedBlocks, type Alarm } from "../scan/drift";
import { ScanInterrupted, ScanUsageError } from "../scan/errors";
import { loadMsalNode } from "../scan/msal-node";
import { parseScanArgs, type ScanOptions } from "../scan/options";
import { writeOutputs } from "../scan/outputs";
import { createProgress } from "../scan/progress";
import { runScan } from "../scan/run";
import {
  authorityFor,
  certificateTokens,
  delegatedScopes,
  deviceCodeTokens,
  readCertificatePem,
  type MsalFactory,
} from "../scan/sign-in";
import { removeState } from "../scan/state";
import { UsageError } from "./args";
import { loadPolicy } from "./check";
import type { CliIo } from "./main";

// reach-guard scan: sizes every mail-enabled list of the tenant and writes DIR/catalogue.json,
// report.html and report.csv. Exit statuses, for schedulers: 0 done and no alarm; 2 usage (bad
// arguments or files, nothing asked of Graph); 3 not finished, a rerun resumes; 4 done with drift
// alarms (printed to standard error, one a line); 1 unexpected.

export const EXIT = { done: 0, unexpected: 1, usage: 2, unfinished: 3, alarms: 4 } as const;

/** What tests replace: MSAL, the scan's patience, the clock. */
export interface ScanDeps {
  readonly loadMsal?: () => Promise<MsalFactory>;
  readonly retry?: StepRetry;
  readonly backoff?: BackoffOptions;
  readonly sliceSize?: number;
  readonly now?: () => Date;
}

/** The client's retries of one request: Retry-After honoured up to each request's budget. */
const SCAN_BACKOFF: BackoffOptions = { baseDelayMs: 500, maxDelayMs: 30_000, maxAttempts: 4 };

async function readText(path: string, flag: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ScanUsageError(
      `${flag} ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  // Windows PowerShell's Out-File writes UTF-16 with a byte order mark unless told otherwise.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  return bytes.toString("utf8");
}

async function readPrevious(path: string | null): Promise<Catalogue | null> {
  if (path === null) return null;
  try {
    return parseCatalogueText(await readText(path, "--previous"));
  } catch (error) {
    if (error instanceof CatalogueError) throw new ScanUsageError(`--previous ${path}: ${error.message}`);
    throw error;
  }
}

async function readAddresses(path: string | null): Promise<readonly string[]> {
  if (path === null) return [];
  const file = parseAddressFile(await readText(path, "--addresses"));
  if (file.problems.length > 0) {
    const shown = file.problems
      .slice(0, 5)
      .map((problem) => `line ${problem.line} ${JSON.stringify(problem.text)}`);
    const more = file.problems.length > 5 ? ` and ${file.problems.length - 5} more` : "";
    throw new ScanUsageError(
      `--addresses ${path} has lines that are not addresses: ${shown.join(", ")}${more}`,
    );
  }
  return file.addresses;
}

async function tokenProvider(
  options: ScanOptions,
  env: NodeJS.ProcessEnv,
  io: CliIo,
  deps: ScanDeps,
): Promise<TokenProvider> {
  const signIn = options.signIn;
  // The demo server is not Microsoft's: a real token must never be sent to it.
  if (signIn.way === "demo") return staticTokenProvider(DEMO_TOKEN);
  if (signIn.way === "token") {
    const token = env.REACH_GUARD_TOKEN;
    if (!token)
      throw new ScanUsageError(
        "set REACH_GUARD_TOKEN, sign in with --device-code or --certificate, or use --demo",
      );
    return staticTokenProvider(token);
  }
  const authority = authorityFor(options.graphUrl, signIn.tenant);
  if (signIn.way === "device-code") {
    const msal = await (deps.loadMsal ?? loadMsalNode)();
    const scopes = delegatedScopes(options.graphUrl, options.addressesPath !== null);
    return deviceCodeTokens(msal, { clientId: signIn.clientId, authority }, scopes, (message) =>
      io.err(`${message}\n`),
    );
  }
  const certificate = readCertificatePem(await readText(signIn.pemPath, "--certificate"), signIn.pemPath);
  const msal = await (deps.loadMsal ?? loadMsalNode)();
  return certificateTokens(msal, { clientId: signIn.clientId, authority, ...certificate }, options.graphUrl);
}

function alarmLine(alarm: Alarm): string {
  const size = (value: number | null) => (value === null ? "none" : value.toLocaleString("en-GB"));
  return `reach-guard: alarm ${alarm.kind}: ${alarm.address} (${JSON.stringify(alarm.displayName)}) ${size(alarm.before)} -> ${size(alarm.after)}\n`;
}

async function scan(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  deps: ScanDeps,
): Promise<number> {
  const options = parseScanArgs(argv);
  // Everything the scan reads is checked before Graph is asked anything.
  const policy = await loadPolicy(options.policyPath);
  const previous = await readPrevious(options.previousPath);
  // The demo tenant's dynamic lists (the all-staff list among them) are sized unless told otherwise.
  const demoAddresses = options.signIn.way === "demo" ? DEMO_DYNAMIC_LISTS_PATH : null;
  const addresses = await readAddresses(options.addressesPath ?? demoAddresses);
  const getToken = await tokenProvider(options, env, io, deps);
  await mkdir(options.out, { recursive: true });

  let demo: FakeGraph | null = null;
  try {
    if (options.signIn.way === "demo") demo = await startFakeGraph({ directory: loadDemoDirectory() });
    const client = createGraphClient({
      graphRoot: demo?.url ?? options.graphUrl,
      getToken,
      backoff: deps.backoff ?? SCAN_BACKOFF,
    });
    const result = await runScan({
      client,
      dir: options.out,
      addresses,
      mailbox: options.mailbox,
      progress: createProgress({ write: io.err, isTerminal: io.errIsTerminal === true }),
      log: (line) => io.err(`reach-guard: ${line}\n`),
      ...(deps.retry ? { retry: deps.retry } : {}),
      ...(deps.sliceSize ? { sliceSize: deps.sliceSize } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    });
    const { catalogue, unsized } = result;
    const drift = previous ? compareCatalogues(previous, catalogue, policy) : null;
    // Every list at or above blockAt that the policy does not block yet, not only the newly grown:
    // a list left unblocked after yesterday's alarm is still worth suggesting today.
    const suggested = suggestedBlocks(catalogue, policy);
    const incomplete =
      unsized.length > 0
        ? [`${unsized.length.toLocaleString("en-GB")} lists could not be sized and are listed with no size`]
        : [];
    await writeOutputs(options.out, { catalogue, drift, policy, suggested, incomplete });
    await removeState(options.out);
    io.out(
      `sized ${(catalogue.lists.length - unsized.length).toLocaleString("en-GB")} of ${catalogue.lists.length.toLocaleString("en-GB")} lists` +
        `${unsized.length > 0 ? ` (${unsized.length.toLocaleString("en-GB")} with no size)` : ""}; ` +
        `wrote catalogue.json, report.html and report.csv to ${options.out}\n`,
    );
    const alarms = drift?.alarms ?? [];
    for (const alarm of alarms) io.err(alarmLine(alarm));
    if (alarms.length > 0 && suggested.length > 0)
      io.err(`reach-guard: suggested blockedAddresses: ${JSON.stringify(suggested)}\n`);
    return alarms.length > 0 ? EXIT.alarms : EXIT.done;
  } finally {
    await demo?.close();
  }
}

export async function scanCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  deps: ScanDeps = {},
): Promise<number> {
  try {
    return await scan(argv, env, io, deps);
  } catch (error) {
    if (error instanceof ScanUsageError || error instanceof UsageError || isPolicyError(error)) {
      io.err(`reach-guard: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof ScanInterrupted) {
      io.err(
        `reach-guard: the scan stopped, ${error.message}; its progress is kept, and the same command resumes it\n`,
      );
      return EXIT.unfinished;
    }
    throw error;
  }
}

export function runScanCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  return scanCommand(argv, env, io);
}
