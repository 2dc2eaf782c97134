import { formatCount } from "../present/figures";
import type { BackstopPlan, ListTarget } from "./plan";
import { HELPERS, ROLLBACK_HEADER, SESSION_CHECK, SUMMARY } from "./powershell";
import { commentText, psArray, psString } from "./quote";
import { mailFlowRules, type RuleValue } from "./rules";
import { STORM_RANGES } from "./storm";

// The Exchange Online PowerShell script an admin reviews and runs: the fixed helpers (./powershell.ts)
// and a data section written from the plan, every address and text in it a verbatim string
// (./quote.ts). The script itself reads Exchange before each change, so it is safe to run twice.

export interface ScriptSource {
  /** The policy file's name, for the header comment. */
  readonly policyName: string;
  /** The catalogue's scan time, when one was used. */
  readonly catalogueScannedAt: string | null;
  /** When the script was generated (ISO 8601). */
  readonly generatedAt: string;
}

/** The file name the rollback launcher gets beside the script written with --out. */
export function rollbackLauncherName(scriptName: string): string {
  return `${scriptName.replace(/\.ps1$/i, "")}.rollback.ps1`;
}

function comment(text: string): string {
  return `# ${commentText(text)}`;
}

function ruleValue(value: RuleValue, what: string): string {
  return typeof value === "string" ? psString(value, what) : psArray(value, what);
}

function kindWords(target: ListTarget): string {
  const kind = target.kind === null ? "kind asked of Exchange at run time" : target.kind;
  return target.members === null ? kind : `${kind}, ${formatCount(target.members)} members`;
}

function listLines(plan: BackstopPlan): string[] {
  if (plan.targets.length === 0) return ["# No list to restrict."];
  return plan.targets.flatMap((target) => [
    comment(`${target.address}: ${target.because} (${kindWords(target)})`),
    `Set-ReachGuardList -Address ${psString(target.address, "a list address")} -Kind ${psString(target.kind ?? "")} -MailTip ${psString(target.mailTip, "the MailTip")}`,
  ]);
}

function stormLines(plan: BackstopPlan): string[] {
  const { recipients, replies, hours } = STORM_RANGES;
  return [
    "# Reply-all storm protection, tighter than Exchange Online's defaults",
    `# (${recipients.exchangeDefault} recipients, ${replies.exchangeDefault} replies, ${hours.exchangeDefault} hours). Exchange accepts`,
    `# ${recipients.min} to ${recipients.max} recipients, ${replies.min} to ${replies.max} replies and ${hours.min} to ${hours.max} hours (Exchange Team, MC254418).`,
    ...plan.storm.notes.map(comment),
    "Set-ReachGuardTransportConfig -Wanted ([ordered]@{",
    "    ReplyAllStormProtectionEnabled = $true",
    `    ${recipients.parameter} = ${plan.storm.recipients}`,
    `    ${replies.parameter} = ${plan.storm.replies}`,
    `    ${hours.parameter} = ${plan.storm.hours}`,
    "})",
  ];
}

function ruleLines(plan: BackstopPlan): string[] {
  const lines = [
    "# Mail-flow rules (DEPLOY.md section 8): report, never copy, what the X-Reach-Guard header says was",
    "# sent unchecked or after a warning, and strip the header from mail from outside.",
  ];
  if (plan.reportTo === null)
    lines.push(
      "# No --report-to was given: the rules set an audit severity only and send no incident report.",
    );
  for (const rule of mailFlowRules(plan.reportTo)) {
    lines.push(`Set-ReachGuardRule -Name ${psString(rule.name)} -Wanted ([ordered]@{`);
    for (const [name, value] of rule.parameters)
      lines.push(`    ${name} = ${ruleValue(value, `the rule's ${name}`)}`);
    lines.push("})");
  }
  return lines;
}

function dataLines(plan: BackstopPlan): string[] {
  const lines = [
    "# Who may still post to a restricted list: the policy's broadcasters, by exact address.",
    `$Broadcasters = ${psArray(plan.broadcasters, "broadcasters")}`,
  ];
  if (plan.broadcasterPatterns.length > 0) {
    lines.push("# Broadcaster patterns, which Exchange cannot take as senders (so they may not post):");
    for (const pattern of plan.broadcasterPatterns) lines.push(comment(`  ${pattern}`));
  }
  if (plan.unexpandedPatterns.length > 0) {
    lines.push("# Blocked patterns not expanded (no reach catalogue was given), left alone:");
    for (const pattern of plan.unexpandedPatterns) lines.push(comment(`  ${pattern}`));
  }
  lines.push(
    plan.moderate
      ? "# Moderation: messages from anyone but the broadcasters wait for the moderator's approval."
      : "# A hard restriction: messages from anyone but the broadcasters are rejected.",
    `$Moderate = ${plan.moderate ? "$true" : "$false"}`,
    `$Moderators = ${psArray(plan.moderator === null ? [] : [plan.moderator], "--moderator")}`,
  );
  return lines;
}

export function renderScript(plan: BackstopPlan, source: ScriptSource): string {
  const from =
    source.catalogueScannedAt === null
      ? `the policy ${source.policyName}`
      : `the policy ${source.policyName} and the reach catalogue of ${source.catalogueScannedAt}`;
  return [
    "# Reach Guard: the Exchange backstop, for Exchange Online PowerShell.",
    `# Generated by reach-guard exchange on ${commentText(source.generatedAt)} from ${commentText(from)}.`,
    "#",
    "# It restricts who may post to the lists the policy blocks, sets reply-all storm protection and",
    "# adds the audit mail-flow rules, so that mail from phones and from any client without the add-in",
    "# meets the same limits. Review it, then run it as it is: nothing changes, every change is shown",
    "# with -WhatIf. Run it with -Apply to make the changes; before each change the value it replaces is",
    "# written to reach-guard-rollback-<time>.ps1 beside this script, which puts it back when run with",
    "# -Apply. It reads each setting first and changes only what differs, so it is safe to run again.",
    "[CmdletBinding()]",
    "param([switch]$Apply)",
    "",
    SESSION_CHECK,
    "",
    "$ReachGuardRollbackHeader = @'",
    ROLLBACK_HEADER.trimEnd(),
    "'@",
    "",
    HELPERS,
    "",
    ...dataLines(plan),
    "$Broadcasters = @(Resolve-ReachGuardRequired -Addresses $Broadcasters -Role 'Broadcaster')",
    "$Moderators = @(Resolve-ReachGuardRequired -Addresses $Moderators -Role 'Moderator')",
    ...(plan.reportTo === null
      ? []
      : [
          `$null = Resolve-ReachGuardRequired -Addresses @(${psString(plan.reportTo, "--report-to")}) -Role 'The report mailbox'`,
        ]),
    "",
    ...listLines(plan),
    "",
    ...stormLines(plan),
    "",
    ...ruleLines(plan),
    "",
    SUMMARY,
    "",
  ].join("\n");
}

/**
 * Written beside the script by --out: runs the newest rollback the script recorded that has not been
 * applied yet, with the same dry run by default, and marks it done once applied.
 */
export function renderRollbackLauncher(scriptName: string): string {
  return [
    `# Reach Guard: undoes the newest run of ${commentText(scriptName)} made with -Apply.`,
    "# Each run with -Apply records reach-guard-rollback-<time>.ps1 beside the script. This runs the newest",
    "# one not yet applied: as it is, it shows the changes with -WhatIf; with -Apply it makes them and",
    "# renames that file to .done.ps1, so running this again undoes the run before.",
    "[CmdletBinding()]",
    "param([switch]$Apply)",
    "Set-StrictMode -Version 3.0",
    "$ErrorActionPreference = 'Stop'",
    "$recorded = @(Get-ChildItem -LiteralPath $PSScriptRoot -Filter 'reach-guard-rollback-*.ps1' |",
    "    Where-Object { $_.Name -notlike '*.done.ps1' } | Sort-Object -Property Name -Descending)",
    "if ($recorded.Count -eq 0) { throw ('No recorded rollback waits in {0}: nothing to undo.' -f $PSScriptRoot) }",
    "$newest = $recorded[0]",
    "Write-Host ('Rolling back with {0}' -f $newest.Name)",
    "& $newest.FullName -Apply:$Apply",
    "if ($Apply) { Rename-Item -LiteralPath $newest.FullName -NewName ($newest.BaseName + '.done.ps1') }",
    "",
  ].join("\n");
}
