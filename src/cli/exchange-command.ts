import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CatalogueError, parseCatalogueText, type Catalogue } from "../core/catalogue";
import { parsePolicyText } from "../core/policy";
import { BackstopError, planBackstop } from "../exchange/plan";
import { listMailTip } from "../present/mailtip";
import { renderRollbackLauncher, renderScript, rollbackLauncherName } from "../exchange/script";
import { explicitStormValue, StormRangeError, type StormSetting } from "../exchange/storm";
import { writeAtomically } from "../scan/files";
import { parseOptions, UsageError } from "./args";
import type { CliIo } from "./main";

// reach-guard exchange: the policy as an Exchange Online PowerShell script, the backstop for mail the
// add-in never sees (phones, clients without it). It restricts who may post to the blocked and
// catalogued large lists, tightens reply-all storm protection and adds the audit mail-flow rules. The
// script is printed, or written with --out beside a rollback launcher; nothing here talks to Exchange.

export const EXCHANGE_USAGE = `usage: reach-guard exchange --policy policy.json [--catalogue catalogue.json]
         [--out reach-guard-exchange.ps1] [--report-to <address>]
         [--moderate --moderator <address>] [--mailtip <text>]
         [--storm-recipients <1000-5000>] [--storm-replies <5-20>] [--storm-hours <1-12>]
Writes an Exchange Online PowerShell script that restricts who may post to every exact address in
blockedAddresses and, with --catalogue, every list at or above blockAt and every list a blocked
pattern matches: only the policy's broadcasters (exact addresses) may post, or, with --moderate, the
rest is held for the moderator. It also tightens reply-all storm protection and adds the audit
mail-flow rules (incident reports to --report-to). The script runs as a dry run (-WhatIf) unless
started with -Apply, and records what it replaces in reach-guard-rollback-<time>.ps1 beside itself.
Without --out the script goes to standard output; with --out FILE it is written to FILE, and
FILE.rollback.ps1 (FILE without .ps1) undoes the newest applied run.`;

const STORM_FLAGS = {
  recipients: "storm-recipients",
  replies: "storm-replies",
  hours: "storm-hours",
} as const satisfies Record<StormSetting, string>;

async function readText(path: string, flag: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${flag} ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

function parseExchangeArgs(argv: readonly string[]) {
  return parseOptions(
    argv,
    {
      policy: { type: "string" },
      catalogue: { type: "string" },
      out: { type: "string" },
      moderate: { type: "boolean", default: false },
      moderator: { type: "string" },
      mailtip: { type: "string" },
      "report-to": { type: "string" },
      "storm-recipients": { type: "string" },
      "storm-replies": { type: "string" },
      "storm-hours": { type: "string" },
    },
    EXCHANGE_USAGE,
  );
}

export async function runExchangeCommand(
  argv: readonly string[],
  _env: NodeJS.ProcessEnv,
  io: CliIo,
  now: () => number = Date.now,
): Promise<number> {
  const values = parseExchangeArgs(argv);
  if (!values.policy) throw new UsageError(`--policy is required\n${EXCHANGE_USAGE}`);
  if (values.out !== undefined && !/\.ps1$/i.test(values.out))
    throw new UsageError(`--out must name a .ps1 file; got ${JSON.stringify(values.out)}`);

  const storm: Partial<Record<StormSetting, number>> = {};
  for (const setting of Object.keys(STORM_FLAGS) as StormSetting[]) {
    const text = values[STORM_FLAGS[setting]];
    if (text === undefined) continue;
    try {
      storm[setting] = explicitStormValue(setting, text);
    } catch (error) {
      if (error instanceof StormRangeError) throw new UsageError(error.message);
      throw error;
    }
  }

  const policy = parsePolicyText(await readText(values.policy, "--policy"));
  let catalogue: Catalogue | null = null;
  if (values.catalogue !== undefined) {
    try {
      catalogue = parseCatalogueText(await readText(values.catalogue, "--catalogue"));
    } catch (error) {
      if (error instanceof CatalogueError)
        throw new UsageError(`--catalogue ${values.catalogue}: ${error.message}`);
      throw error;
    }
  }

  let script: string;
  let warnings: readonly string[];
  try {
    const plan = planBackstop(policy, catalogue, {
      moderate: values.moderate === true,
      moderator: values.moderator ?? null,
      mailTip: values.mailtip ?? null,
      defaultMailTip: listMailTip,
      reportTo: values["report-to"] ?? null,
      storm,
    });
    warnings = plan.warnings;
    script = renderScript(plan, {
      policyName: basename(values.policy),
      catalogueScannedAt: catalogue?.scannedAt ?? null,
      generatedAt: new Date(now()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    });
  } catch (error) {
    if (error instanceof BackstopError) throw new UsageError(error.message);
    throw error;
  }
  for (const warning of warnings) io.err(`reach-guard: warning: ${warning}\n`);

  if (values.out === undefined) {
    io.out(script);
    return 0;
  }
  const launcher = join(dirname(values.out), rollbackLauncherName(basename(values.out)));
  // A byte order mark: Windows PowerShell 5.1 reads a .ps1 without one in the machine's ANSI code
  // page, which would garble any address or MailTip outside ASCII.
  try {
    await writeAtomically(values.out, `\uFEFF${script}`);
    await writeAtomically(launcher, `\uFEFF${renderRollbackLauncher(basename(values.out))}`);
  } catch (error) {
    throw new UsageError(`cannot write ${values.out} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  io.err(`reach-guard: wrote ${values.out} and ${launcher}\n`);
  return 0;
}
