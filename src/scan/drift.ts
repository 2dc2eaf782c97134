import type { Catalogue, CatalogueList } from "../core/catalogue";
import { matchEntries } from "../core/patterns";
import type { Policy } from "../core/policy";

// What changed between two scans, and which changes an admin must act on. A list that quietly grows
// to the whole organisation (someone nests "All staff" inside a team list) is how a reply-all storm
// starts; the scan is the one place that sees it before a sender does.

export type AlarmKind = "grew-tenfold" | "crossed-block" | "new-above-warn";

export interface Alarm {
  kind: AlarmKind;
  address: string;
  displayName: string;
  /** Members at the previous scan; null when the list was new or could not be sized then. */
  before: number | null;
  after: number;
}

export interface Drift {
  /** Most serious first, then largest. */
  alarms: Alarm[];
  /** Alarmed lists at or above blockAt that no blockedAddresses entry covers yet, largest first. */
  suggestedBlockedAddresses: string[];
  added: CatalogueList[];
  removed: CatalogueList[];
  /** Lists whose size changed (to or from "no size" included), largest change first. */
  changed: { list: CatalogueList; before: number | null }[];
}

/** Higher is more serious: one alarm per list, of the most serious kind that applies. */
export const ALARM_SERIOUSNESS: Readonly<Record<AlarmKind, number>> = {
  "crossed-block": 3,
  "grew-tenfold": 2,
  "new-above-warn": 1,
};

/**
 * The lists by address. A catalogue read by parseCatalogue has each address once; one put together
 * by hand may not, and then the larger size wins, as parseCatalogue decides: a list is never made
 * smaller than some scan saw it.
 */
function byAddress(lists: readonly CatalogueList[]): Map<string, CatalogueList> {
  const index = new Map<string, CatalogueList>();
  for (const list of lists) {
    const seen = index.get(list.address);
    if (!seen || (list.members ?? -1) > (seen.members ?? -1)) index.set(list.address, list);
  }
  return index;
}

/** The most serious alarm a list raises, or null. A list with no size now raises none. */
export function alarmKind(before: number | null, after: number | null, policy: Policy): AlarmKind | null {
  if (after === null) return null;
  if (before !== null && before < policy.blockAt && after >= policy.blockAt) return "crossed-block";
  // Tenfold alone is noise among small lists (2 to 20 is a team taking on its new starters): it
  // matters only once the list reaches a size the sender would be warned about.
  if (before !== null && before >= 1 && after >= before * 10 && after >= policy.warnAt) return "grew-tenfold";
  if (before === null && after >= policy.warnAt) return "new-above-warn";
  return null;
}

/** Largest first, lists with no size last, then by address, so that every run orders alike. */
export function largestFirst(a: CatalogueList, b: CatalogueList): number {
  return (
    (b.members ?? -1) - (a.members ?? -1) || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)
  );
}

function alarmOrder(a: Alarm, b: Alarm): number {
  return (
    ALARM_SERIOUSNESS[b.kind] - ALARM_SERIOUSNESS[a.kind] ||
    b.after - a.after ||
    (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)
  );
}

/** The addresses among `lists` that no entry of blockedAddresses matches, order kept. */
function notYetBlocked(lists: readonly CatalogueList[], policy: Policy): string[] {
  const addresses = lists.map((list) => list.address);
  const blocked = matchEntries(policy.blockedAddresses, addresses);
  return addresses.filter((address) => !blocked.has(address));
}

/**
 * Lists at or above blockAt that blockedAddresses does not name yet, largest first. Reach blocks
 * them anyway while Graph answers; an entry in blockedAddresses blocks them with no directory call,
 * so they stay blocked during an outage or a throttled afternoon.
 */
export function suggestedBlocks(current: Catalogue, policy: Policy): string[] {
  const large = [...byAddress(current.lists).values()].filter(
    (list) => list.members !== null && list.members >= policy.blockAt,
  );
  return notYetBlocked(large.sort(largestFirst), policy);
}

/** The size a change is ranked by: "no size" counts as nothing, so a large list lost to it ranks high. */
function changeSize(before: number | null, after: number | null): number {
  return Math.abs((after ?? 0) - (before ?? 0));
}

export function compareCatalogues(previous: Catalogue, current: Catalogue, policy: Policy): Drift {
  const earlier = byAddress(previous.lists);
  const now = byAddress(current.lists);
  const alarms: Alarm[] = [];
  const added: CatalogueList[] = [];
  const changed: { list: CatalogueList; before: number | null }[] = [];
  for (const list of now.values()) {
    const was = earlier.get(list.address);
    const before = was ? was.members : null;
    const kind = alarmKind(before, list.members, policy);
    if (kind && list.members !== null) {
      alarms.push({
        kind,
        address: list.address,
        displayName: list.displayName,
        before,
        after: list.members,
      });
    }
    if (!was) added.push(list);
    else if (was.members !== list.members) changed.push({ list, before });
  }
  const removed = [...earlier.values()].filter((list) => !now.has(list.address));
  alarms.sort(alarmOrder);
  changed.sort(
    (a, b) =>
      changeSize(b.before, b.list.members) - changeSize(a.before, a.list.members) ||
      largestFirst(a.list, b.list),
  );
  const alarmedLarge = alarms
    .filter((alarm) => alarm.after >= policy.blockAt)
    .map((alarm) => now.get(alarm.address) as CatalogueList)
    .sort(largestFirst);
  return {
    alarms,
    suggestedBlockedAddresses: notYetBlocked(alarmedLarge, policy),
    added: added.sort(largestFirst),
    removed: removed.sort(largestFirst),
    changed,
  };
}
