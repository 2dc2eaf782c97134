import { parseAddress } from "../core/addresses";
import type { Catalogue, CatalogueKind } from "../core/catalogue";
import { matchEntries, normalisePattern, WILDCARDS } from "../core/patterns";
import type { Policy } from "../core/policy";
import { formatCount } from "../present/figures";
import { mailTipProblem } from "./mailtip";
import { assertSafeText, UnsafeTextError } from "./quote";
import { stormValues, type StormSetting, type StormValues } from "./storm";

// What the Exchange backstop will do, worked out from the policy (and the reach catalogue when there
// is one) before a line of PowerShell is written: which lists get restricted and why, who may still
// post, the storm settings, and everything Exchange cannot express, for the admin to read.

export interface BackstopOptions {
  /** Moderation (held for approval) instead of a hard restriction. */
  readonly moderate: boolean;
  /** Who approves held messages; required with `moderate`. */
  readonly moderator: string | null;
  /** One MailTip for every list; null: `defaultMailTip`'s wording, with each list's size. */
  readonly mailTip: string | null;
  /** The words of the default MailTip (src/present/mailtip.ts: sentences are put together there). */
  readonly defaultMailTip: (members: number | null, moderated: boolean) => string;
  /** The mailbox that receives the mail-flow rules' incident reports; null: audit severity only. */
  readonly reportTo: string | null;
  /** Storm settings given explicitly, already checked against Exchange's ranges. */
  readonly storm: Partial<Record<StormSetting, number>>;
}

export interface ListTarget {
  /** Normalised, as the core and the catalogue write addresses. */
  readonly address: string;
  /** From the catalogue; null: the script asks Exchange (Get-Recipient) at run time. */
  readonly kind: CatalogueKind | null;
  readonly members: number | null;
  /** Why it is restricted, for the comment above it. */
  readonly because: string;
  readonly mailTip: string;
}

export interface BackstopPlan {
  readonly targets: readonly ListTarget[];
  /** Exact broadcaster addresses: the only senders a restricted list accepts (or lets past moderation). */
  readonly broadcasters: readonly string[];
  /** Broadcaster patterns, which Exchange cannot express: listed in a comment. */
  readonly broadcasterPatterns: readonly string[];
  /** Blocked patterns with no catalogue to expand them against: listed in a comment. */
  readonly unexpandedPatterns: readonly string[];
  readonly moderate: boolean;
  readonly moderator: string | null;
  readonly reportTo: string | null;
  readonly storm: StormValues;
  /** For standard error: what the admin should know before running the script. */
  readonly warnings: readonly string[];
}

/** The policy and options cannot make a safe script; the message names the field or option. */
export class BackstopError extends Error {
  override readonly name = "BackstopError";
}

const ADDRESS = /^[^\s@]+@[^\s@]+$/;

function checkedAddress(text: string, what: string): string {
  const trimmed = text.trim();
  try {
    assertSafeText(trimmed, what);
  } catch (error) {
    throw new BackstopError((error as UnsafeTextError).message);
  }
  if (!ADDRESS.test(trimmed))
    throw new BackstopError(`${what} must be an email address; got ${JSON.stringify(text)}`);
  return trimmed;
}

/** The address as the catalogue writes it, so that an entry finds its list whatever its case. */
function normalised(address: string): string {
  const parsed = parseAddress(address);
  return parsed.valid ? parsed.address : normalisePattern(address);
}

function checkEntries(entries: readonly string[], field: string): void {
  entries.forEach((entry, index) => {
    try {
      assertSafeText(entry, `${field}[${index}]`);
    } catch (error) {
      throw new BackstopError((error as UnsafeTextError).message);
    }
  });
}

export function planBackstop(
  policy: Policy,
  catalogue: Catalogue | null,
  options: BackstopOptions,
): BackstopPlan {
  checkEntries(policy.blockedAddresses, "blockedAddresses");
  checkEntries(policy.broadcasters, "broadcasters");
  const warnings: string[] = [];

  const broadcasters: string[] = [];
  const broadcasterPatterns: string[] = [];
  const seenBroadcasters = new Set<string>();
  for (const entry of policy.broadcasters) {
    if (WILDCARDS.test(entry)) broadcasterPatterns.push(entry);
    else if (!seenBroadcasters.has(normalised(entry))) {
      seenBroadcasters.add(normalised(entry));
      broadcasters.push(normalised(entry));
    }
  }
  if (broadcasterPatterns.length > 0) {
    warnings.push(
      `broadcasters ${broadcasterPatterns.join(", ")}: Exchange cannot take patterns as senders; they are listed in a comment and may not post to the restricted lists`,
    );
  }

  if (options.moderate && options.moderator === null)
    throw new BackstopError("--moderator is required with --moderate: someone must approve held messages");
  if (!options.moderate && options.moderator !== null)
    throw new BackstopError("--moderator needs --moderate");
  const moderator = options.moderator === null ? null : checkedAddress(options.moderator, "--moderator");
  if (!options.moderate && broadcasters.length === 0) {
    throw new BackstopError(
      "the policy names no broadcaster by its exact address, and in Exchange an empty AcceptMessagesOnlyFromSendersOrMembers lets anyone post: add one to broadcasters, or use --moderate --moderator ADDRESS to hold every message for approval",
    );
  }
  const reportTo = options.reportTo === null ? null : checkedAddress(options.reportTo, "--report-to");
  if (options.mailTip !== null) {
    let problem: string | null;
    try {
      problem = mailTipProblem(options.mailTip);
    } catch (error) {
      throw new BackstopError(`--mailtip: ${(error as Error).message}`);
    }
    if (problem) throw new BackstopError(`--mailtip ${problem}`);
  }

  const lists = new Map((catalogue?.lists ?? []).map((list) => [list.address, list]));
  const targets = new Map<string, Omit<ListTarget, "mailTip">>();
  const add = (address: string, because: string) => {
    if (targets.has(address)) return;
    const list = lists.get(address);
    targets.set(address, { address, kind: list?.kind ?? null, members: list?.members ?? null, because });
  };

  const unexpandedPatterns: string[] = [];
  const patterns: string[] = [];
  policy.blockedAddresses.forEach((entry) => {
    if (!WILDCARDS.test(entry)) add(normalised(entry), `blockedAddresses: ${entry}`);
    else if (catalogue) patterns.push(entry);
    else unexpandedPatterns.push(entry);
  });
  if (patterns.length > 0) {
    const matched = matchEntries(patterns, [...lists.keys()]);
    for (const [address, entry] of [...matched].sort(([a], [b]) => (a < b ? -1 : 1)))
      add(address, `blockedAddresses: matches ${entry}`);
    for (const pattern of patterns.filter((entry) => ![...matched.values()].includes(entry)))
      warnings.push(`blockedAddresses ${pattern} matches no list in the catalogue`);
  }
  if (unexpandedPatterns.length > 0) {
    warnings.push(
      `blockedAddresses ${unexpandedPatterns.join(", ")}: patterns need --catalogue to be expanded into lists; they are listed in a comment and left alone`,
    );
  }
  for (const list of catalogue?.lists ?? []) {
    if (list.members !== null && list.members >= policy.blockAt)
      add(
        list.address,
        `${formatCount(list.members)} members, at or above blockAt (${formatCount(policy.blockAt)})`,
      );
  }

  const ordered = [...targets.values()]
    .sort((a, b) => (b.members ?? Infinity) - (a.members ?? Infinity) || (a.address < b.address ? -1 : 1))
    .map((target) => {
      checkEntries([target.address], "a list address");
      return {
        ...target,
        mailTip: options.mailTip ?? options.defaultMailTip(target.members, options.moderate),
      };
    });

  if (ordered.length === 0)
    warnings.push("no list to restrict: the script sets storm protection and the audit rules only");
  if (options.moderate && ordered.some((target) => target.kind === "m365")) {
    warnings.push(
      "Set-UnifiedGroup has no BypassModerationFromSendersOrMembers: on Microsoft 365 groups the broadcasters' messages are held for approval too",
    );
  }
  if (policy.mode === "monitor") {
    warnings.push(
      "the policy is in monitor mode, but this script restricts the lists in Exchange whatever the mode",
    );
  }

  const storm = stormValues(policy, options.storm);
  warnings.push(...storm.notes);
  return {
    targets: ordered,
    broadcasters,
    broadcasterPatterns,
    unexpandedPatterns,
    moderate: options.moderate,
    moderator,
    reportTo,
    storm,
    warnings,
  };
}
