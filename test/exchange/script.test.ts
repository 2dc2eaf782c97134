import { parsePolicy } from "../../src/core/policy";
import { planBackstop, type BackstopOptions } from "../../src/exchange/plan";
import { ROLLBACK_HEADER } from "../../src/exchange/powershell";
import { renderRollbackLauncher, renderScript, rollbackLauncherName } from "../../src/exchange/script";
import { demoCatalogue, demoPolicy, OPTIONS } from "./helpers";
import { readVerbatim } from "./powershell-reader";

const SOURCE = {
  policyName: "policy.json",
  catalogueScannedAt: "2026-11-27T03:00:00Z",
  generatedAt: "2026-11-27T10:00:00Z",
};

function demoScript(options: Partial<BackstopOptions> = {}): string {
  return renderScript(planBackstop(demoPolicy(), demoCatalogue(), { ...OPTIONS, ...options }), SOURCE);
}

/** The body of one PowerShell function of the script, from its name to its closing brace. */
function functionBody(script: string, name: string): string {
  const start = script.indexOf(`function ${name} {`);
  expect(start).toBeGreaterThanOrEqual(0);
  return script.slice(start, script.indexOf("\n}\n", start) + 2);
}

/** Lines that change Exchange, or write the command that will change it back. */
const CHANGE =
  /(\$cmdlets\.Set\b|\b(Set|New|Remove)-(DistributionGroup|DynamicDistributionGroup|UnifiedGroup|TransportConfig|TransportRule)\b)/;

describe("the script for the demo policy and catalogue", () => {
  const script = demoScript({ reportTo: "reach-guard-reports@example.org" });

  it("restricts the three lists, each by its kind, with its size in the MailTip", () => {
    const calls = script.split("\n").filter((line) => line.startsWith("Set-ReachGuardList "));
    expect(calls).toEqual([
      "Set-ReachGuardList -Address 'everyone@example.org' -Kind 'dynamic' -MailTip 'This list reaches about 840,000 people. Only approved senders may post to it.'",
      "Set-ReachGuardList -Address 'all-staff-news@example.org' -Kind 'dynamic' -MailTip 'This list reaches about 12,000 people. Only approved senders may post to it.'",
      "Set-ReachGuardList -Address 'outpatients-bulletin@example.org' -Kind 'distribution' -MailTip 'This list reaches about 6,400 people. Only approved senders may post to it.'",
    ]);
    expect(script).toContain(
      "# everyone@example.org: blockedAddresses: everyone@example.org (dynamic, 840,000 members)",
    );
    expect(script).toContain("$Broadcasters = @('comms@example.org')");
    expect(script).toContain("$Moderate = $false");
  });

  it("picks the cmdlet by kind, and asks Get-Recipient when the kind is not known", () => {
    expect(script).toContain(
      "distribution = @{ Get = 'Get-DistributionGroup'; Set = 'Set-DistributionGroup' }",
    );
    expect(script).toContain(
      "security     = @{ Get = 'Get-DistributionGroup'; Set = 'Set-DistributionGroup' }",
    );
    expect(script).toContain(
      "dynamic      = @{ Get = 'Get-DynamicDistributionGroup'; Set = 'Set-DynamicDistributionGroup' }",
    );
    expect(script).toContain("m365         = @{ Get = 'Get-UnifiedGroup'; Set = 'Set-UnifiedGroup' }");
    const kind = functionBody(script, "Get-ReachGuardKind");
    for (const [type, ours] of [
      ["MailUniversalDistributionGroup", "distribution"],
      ["MailNonUniversalGroup", "distribution"],
      ["MailUniversalSecurityGroup", "security"],
      ["DynamicDistributionGroup", "dynamic"],
      ["GroupMailbox", "m365"],
    ]) {
      expect(kind).toContain(`'${type}' { return '${ours}' }`);
    }
    expect(kind).toContain("RecipientTypeDetails");
  });

  it("sets reply-all storm protection to the tightest values Exchange allows", () => {
    expect(script).toContain(
      [
        "Set-ReachGuardTransportConfig -Wanted ([ordered]@{",
        "    ReplyAllStormProtectionEnabled = $true",
        "    ReplyAllStormDetectionMinimumRecipients = 1000",
        "    ReplyAllStormDetectionMinimumReplies = 5",
        "    ReplyAllStormBlockDurationHours = 12",
        "})",
      ].join("\n"),
    );
  });

  it("adds DEPLOY.md's three mail-flow rules, reporting without Subject or the original message", () => {
    expect(script).toContain("Set-ReachGuardRule -Name 'Reach Guard: sent unchecked'");
    expect(script).toContain("Set-ReachGuardRule -Name 'Reach Guard: sent after a warning'");
    expect(script).toContain("Set-ReachGuardRule -Name 'Reach Guard: strip the header from outside'");
    expect(script).toContain("    HeaderMatchesPatterns = @('check=failed')");
    expect(script).toContain("    HeaderMatchesPatterns = @('verdict=(warn|block)', 'ack=yes')");
    expect(script).toContain("    GenerateIncidentReport = 'reach-guard-reports@example.org'");
    expect(script).toContain(
      "    IncidentReportContent = @('Sender', 'Recipients', 'CC', 'BCC', 'RuleDetections')",
    );
    expect(script).not.toMatch(/IncidentReportContent = .*(Subject|AttachOriginalMail)/);
    expect(script.match(/FromScope = 'InOrganization'/g)).toHaveLength(2);
    expect(script).toContain("    FromScope = 'NotInOrganization'\n    RemoveHeader = 'X-Reach-Guard'");
  });

  it("stops before anything else unless Exchange Online is connected, strict and on first error", () => {
    const firstChange = script.indexOf("Set-ReachGuardList -Address");
    for (const needed of [
      "param([switch]$Apply)",
      "Set-StrictMode -Version 3.0",
      "$ErrorActionPreference = 'Stop'",
      "Get-Command -Name 'Get-ConnectionInformation'",
      "Get-ConnectionInformation | Where-Object { $_.State -eq 'Connected' -and -not $_.IsEopSession }",
      "run Connect-ExchangeOnline",
    ]) {
      expect(script.indexOf(needed)).toBeGreaterThanOrEqual(0);
      expect(script.indexOf(needed)).toBeLessThan(firstChange);
    }
    // The senders must all exist before the first list is touched.
    expect(script.indexOf("Resolve-ReachGuardRequired -Addresses $Broadcasters")).toBeLessThan(firstChange);
    expect(script.indexOf("-Role 'The report mailbox'")).toBeLessThan(firstChange);
  });

  it("changes nothing without -Apply: every change, and every recorded undo, carries -WhatIf:$DryRun", () => {
    expect(script).toContain("$DryRun = -not $Apply");
    const changes = script
      .split("\n")
      .filter(
        (line) =>
          CHANGE.test(line) &&
          !line.trimStart().startsWith("#") &&
          !line.includes("= @{ Get = ") &&
          !line.includes("Write-Warning"),
      );
    // The list, transport config and rule setters, their rollback lines, and the rule creation.
    expect(changes.length).toBeGreaterThanOrEqual(8);
    for (const line of changes) expect(line).toContain("-WhatIf:$DryRun");
  });

  it("writes PowerShell the lead can read in one pass: no backtick continuations", () => {
    expect(script).not.toContain("`");
  });
});

describe("idempotence: each setter reads, compares, and changes only what differs", () => {
  const script = demoScript();

  it.each([
    ["Set-ReachGuardList", "& $cmdlets.Get -Identity $Address", "& $cmdlets.Set -Identity $Address @changes"],
    ["Set-ReachGuardTransportConfig", "$config = Get-TransportConfig", "Set-TransportConfig @changes"],
    [
      "Set-ReachGuardRule",
      "Get-TransportRule | Where-Object { [string]$_.Name -eq $Name }",
      "Set-TransportRule -Identity $Name @changes",
    ],
  ])("%s", (name, read, change) => {
    const body = functionBody(script, name);
    const at = (text: string) => {
      expect(body).toContain(text);
      return body.indexOf(text);
    };
    expect(at(read)).toBeLessThan(at("$changes.Count -eq 0"));
    expect(at("$changes.Count -eq 0")).toBeLessThan(body.lastIndexOf("Add-ReachGuardRollback ("));
    expect(body.lastIndexOf("Add-ReachGuardRollback (")).toBeLessThan(at(change));
    // Nothing is put into $changes without a comparison on the same line.
    for (const line of body
      .split("\n")
      .filter((text) => /\$changes(\.|\[)\w*/.test(text) && /=\s/.test(text))) {
      if (/\$changes = \[ordered\]@\{\}/.test(line)) continue;
      expect(line).toMatch(
        /-ne|-cne|Test-ReachGuardSame|^\s+\$changes\.(AcceptMessagesOnly|BypassModeration)/,
      );
    }
  });

  it("compares senders as sets of primary addresses, and MailTips as the text inside Exchange's HTML", () => {
    const list = functionBody(script, "Set-ReachGuardList");
    expect(list).toContain("Test-ReachGuardSame $current $Broadcasters");
    expect(list).toContain("Resolve-ReachGuardSenders $list.AcceptMessagesOnlyFromSendersOrMembers");
    expect(list).toContain("$currentTip = ConvertFrom-ReachGuardMailTip $list.MailTip");
    expect(functionBody(script, "ConvertFrom-ReachGuardMailTip")).toContain("<html>");
  });

  it("finds each lookup again by address or name, since a missing identity lists every object", () => {
    expect(functionBody(script, "Resolve-ReachGuardRecipient")).toContain(
      "if ($found.Count -ne 1) { return $null }",
    );
    expect(functionBody(script, "Set-ReachGuardList")).toContain("if ($found.Count -ne 1)");
    expect(functionBody(script, "Set-ReachGuardRule")).not.toContain("Get-TransportRule -Identity");
  });
});

describe("the rollback the script records", () => {
  const script = demoScript({ moderate: true, moderator: "it-moderators@example.org" });

  it("records each value before replacing it, for every property it changes", () => {
    const list = functionBody(script, "Set-ReachGuardList");
    for (const property of [
      "ModerationEnabled",
      "ModeratedBy",
      "BypassModerationFromSendersOrMembers",
      "AcceptMessagesOnlyFromSendersOrMembers",
      "MailTip",
    ]) {
      expect(list).toMatch(new RegExp(`\\$changes\\.${property} = `));
      expect(list).toMatch(new RegExp(`\\$previous\\.${property} = `));
    }
    // Moderation that was off is recorded as off; an empty MailTip or accept list as $null.
    expect(list).toContain("$previous.ModerationEnabled = [bool]$list.ModerationEnabled");
    expect(list).toContain("$previous.MailTip = $(if ($currentTip -eq '') { $null } else { $currentTip })");
    expect(functionBody(script, "ConvertTo-ReachGuardLiteral")).toContain(
      "if ($items.Count -eq 0) { return '$null' }",
    );
    expect(list).toContain(
      "Add-ReachGuardRollback ($cmdlets.Set + ' -Identity ' + (ConvertTo-ReachGuardLiteral $Address) + (Format-ReachGuardParameters $previous) + $switchText + ' -WhatIf:$DryRun')",
    );
    expect(list).toContain("$switchText = ' -BypassSecurityGroupManagerCheck'");
  });

  it("records the old transport values, and removes a rule it created", () => {
    expect(functionBody(script, "Set-ReachGuardTransportConfig")).toContain(
      "$previous[$name] = $config.$name",
    );
    const rule = functionBody(script, "Set-ReachGuardRule");
    expect(rule).toContain(
      "Add-ReachGuardRollback ('Remove-TransportRule -Identity ' + (ConvertTo-ReachGuardLiteral $Name) + ' -Confirm:$false -WhatIf:$DryRun')",
    );
    expect(rule.indexOf("Remove-TransportRule")).toBeLessThan(rule.indexOf("New-TransportRule -Name $Name"));
  });

  it("quotes recorded values as the generator does: every PowerShell single quote doubled", () => {
    expect(functionBody(script, "ConvertTo-ReachGuardLiteral")).toContain(
      "-replace '[''\\u2018-\\u201B]', '$0$0'",
    );
  });

  it("writes the rollback next to the script, only with -Apply, starting with the same checks", () => {
    expect(script).toContain("Join-Path -Path $PSScriptRoot -ChildPath ('reach-guard-rollback-{0}.ps1'");
    expect(functionBody(script, "Add-ReachGuardRollback")).toContain("if ($DryRun) {");
    expect(ROLLBACK_HEADER).toContain("param([switch]$Apply)");
    expect(ROLLBACK_HEADER).toContain("Get-ConnectionInformation");
    // It is carried in a verbatim here-string, which a line starting with '@ would end early.
    expect(ROLLBACK_HEADER.split("\n").some((line) => line.startsWith("'@"))).toBe(false);
    expect(script).toContain("$ReachGuardRollbackHeader = @'\n# Reach Guard: the rollback");
    expect(script.split("\n").filter((line) => line.startsWith("'@"))).toEqual(["'@"]);
  });

  it("holds everything for the moderator, letting broadcasters past", () => {
    expect(script).toContain("$Moderate = $true");
    expect(script).toContain("$Moderators = @('it-moderators@example.org')");
    expect(script).toContain("Messages to it wait for a moderator''s approval.'");
  });
});

describe("text from the policy in the script", () => {
  it("cannot break out of its string: o'brien and a curly quote read back as written", () => {
    const script = renderScript(
      planBackstop(
        parsePolicy({
          blockedAddresses: ["all\u2019staff@example.org"],
          broadcasters: ["o'brien@example.org"],
        }),
        null,
        OPTIONS,
      ),
      SOURCE,
    );
    const broadcasters = script.split("\n").find((line) => line.startsWith("$Broadcasters = @("));
    expect(broadcasters).toBe("$Broadcasters = @('o''brien@example.org')");
    const list = script.split("\n").find((line) => line.startsWith("Set-ReachGuardList ")) as string;
    const address = readVerbatim(list, list.indexOf("-Address ") + 9);
    expect(address.value).toBe("all\u2019staff@example.org");
    expect(list.slice(address.end)).toMatch(/^ -Kind '' -MailTip '/);
  });

  it("keeps an unsafe policy file name out of the comment lines", () => {
    const script = renderScript(planBackstop(demoPolicy(), null, OPTIONS), {
      ...SOURCE,
      policyName: "p\nRemove-Item x.json",
    });
    expect(script).toContain("from the policy p?Remove-Item x.json");
    expect(script.split("\n").some((line) => line.startsWith("Remove-Item"))).toBe(false);
  });

  it("lists patterns it cannot use in comments", () => {
    const script = renderScript(
      planBackstop(
        parsePolicy({
          blockedAddresses: ["all-*@example.org"],
          broadcasters: ["c@example.org", "ceo-*@example.org"],
        }),
        null,
        OPTIONS,
      ),
      SOURCE,
    );
    expect(script).toContain(
      "# Broadcaster patterns, which Exchange cannot take as senders (so they may not post):\n#   ceo-*@example.org",
    );
    expect(script).toContain(
      "# Blocked patterns not expanded (no reach catalogue was given), left alone:\n#   all-*@example.org",
    );
  });

  it("says why the policy's storm.replies was brought into range", () => {
    const script = renderScript(
      planBackstop(parsePolicy({ broadcasters: ["c@example.org"], storm: { replies: 2 } }), null, OPTIONS),
      SOURCE,
    );
    expect(script).toContain(
      "# the policy's storm.replies is 2, outside Exchange's 5 to 20 for ReplyAllStormDetectionMinimumReplies: 5 is used",
    );
    expect(script).toContain("    ReplyAllStormDetectionMinimumReplies = 5");
  });

  it("without --report-to: audit severity only, and says so", () => {
    const script = demoScript();
    expect(script).not.toContain("GenerateIncidentReport =");
    expect(script).not.toContain("IncidentReportContent =");
    expect(script).toContain("    SetAuditSeverity = 'Medium'");
    expect(script).toContain("# No --report-to was given");
  });
});

describe("the rollback launcher written with --out", () => {
  it("is named after the script and runs the newest recorded rollback not yet applied", () => {
    expect(rollbackLauncherName("reach-guard-exchange.ps1")).toBe("reach-guard-exchange.rollback.ps1");
    const launcher = renderRollbackLauncher("reach-guard-exchange.ps1");
    expect(launcher).toContain("param([switch]$Apply)");
    expect(launcher).toContain("-Filter 'reach-guard-rollback-*.ps1'");
    expect(launcher).toContain(
      "Where-Object { $_.Name -notlike '*.done.ps1' } | Sort-Object -Property Name -Descending",
    );
    expect(launcher).toContain("& $newest.FullName -Apply:$Apply");
    expect(launcher).toContain("if ($Apply) { Rename-Item");
  });
});
