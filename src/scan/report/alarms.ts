import { MAX_ENTRIES, type Policy } from "../../core/policy";
import { formatCount } from "../../present/figures";
import type { Alarm, AlarmKind } from "../drift";
import { escapeHtml } from "./escape";
import { cappedTable, listCell, membersText } from "./table";

// The part of the report an admin must act on: the alarms, what each means, and the entries to add
// to blockedAddresses, ready to paste.

const ALARM_NAMES: Readonly<Record<AlarmKind, string>> = {
  "crossed-block": "Crossed blockAt",
  "grew-tenfold": "Grew tenfold",
  "new-above-warn": "New, at or above warnAt",
};

function alarmMeanings(policy: Policy): Readonly<Record<AlarmKind, string>> {
  const blockAt = formatCount(policy.blockAt);
  const warnAt = formatCount(policy.warnAt);
  return {
    "crossed-block":
      `was below blockAt (${blockAt}) at the last scan and is at or above it now. Sends to it are ` +
      `blocked while Microsoft Graph answers; add it to blockedAddresses so that they stay blocked ` +
      `when Graph does not.`,
    "grew-tenfold":
      `reaches ten times as many people as at the last scan, and at least warnAt (${warnAt}). A list ` +
      `nested inside another brings all its members with it: ask the list's owner whether that was meant.`,
    "new-above-warn":
      `was not in the last catalogue, or could not be sized then, and reaches at least warnAt ` +
      `(${warnAt}). Check that its owner meant it to reach that many people.`,
  };
}

export function renderAlarms(alarms: readonly Alarm[], policy: Policy): string {
  const meanings = alarmMeanings(policy);
  const kinds = (Object.keys(ALARM_NAMES) as AlarmKind[]).filter((kind) =>
    alarms.some((alarm) => alarm.kind === kind),
  );
  const table = cappedTable(
    "Alarms, most serious first",
    [
      { heading: "List", cell: (alarm: Alarm) => listCell(alarm) },
      { heading: "Alarm", cell: (alarm: Alarm) => ALARM_NAMES[alarm.kind] },
      { heading: "Last scan", numeric: true, cell: (alarm: Alarm) => membersText(alarm.before) },
      { heading: "Now", numeric: true, cell: (alarm: Alarm) => formatCount(alarm.after) },
    ],
    alarms,
    "the lists are in the CSV, largest first",
  );
  const meaning = kinds
    .map((kind) => `<dt>${ALARM_NAMES[kind]}</dt><dd>The list ${meanings[kind]}</dd>`)
    .join("");
  return (
    `<section class="alarms" aria-labelledby="alarms-heading">` +
    `<h2 id="alarms-heading">${alarms.length === 1 ? "1 alarm" : `${formatCount(alarms.length)} alarms`}</h2>` +
    `${table}<dl class="meanings">${meaning}</dl></section>`
  );
}

/** The policy's blockedAddresses with the suggestions added: the whole field, so nothing is lost by pasting it. */
export function blockedAddressesSnippet(policy: Policy, suggested: readonly string[]): string {
  return JSON.stringify({ blockedAddresses: [...policy.blockedAddresses, ...suggested] }, null, 2);
}

export function renderSuggestions(suggested: readonly string[], policy: Policy): string {
  // The scan may suggest every large list or only the alarmed ones: the sentence fits either.
  const one = suggested.length === 1;
  const lists = one ? "1 list" : `${formatCount(suggested.length)} lists`;
  // A policy holds at most MAX_ENTRIES: a longer field would be refused as a whole, so the snippet
  // takes the largest lists that fit (the suggestions come largest first).
  const room = Math.max(0, MAX_ENTRIES - policy.blockedAddresses.length);
  const fitting = suggested.length > room ? suggested.slice(0, room) : suggested;
  const tooMany =
    fitting.length < suggested.length
      ? `<p class="caution">A policy holds at most ${formatCount(MAX_ENTRIES)} entries, so this adds the ` +
        `${formatCount(fitting.length)} largest: cover the rest with a pattern for each naming scheme, such ` +
        `as all-*@example.org.</p>`
      : "";
  return (
    `<section class="todo" aria-labelledby="todo-heading"><h2 id="todo-heading">What to do</h2>` +
    `<p>Add ${lists} to blockedAddresses: ${one ? "it reaches" : "each reaches"} blockAt ` +
    `(${formatCount(policy.blockAt)}) or more and no entry names ${one ? "it" : "them"} yet. ` +
    `Reach Guard blocks a send to such a list only when ` +
    `Microsoft Graph tells it the size; an entry in blockedAddresses blocks it with no directory call, ` +
    `during an outage too.</p>` +
    `<p>Replace the <code>blockedAddresses</code> field of policy.json with the one below (it keeps the ` +
    `entries already there):</p>${tooMany}` +
    `<pre class="snippet"><code>${escapeHtml(blockedAddressesSnippet(policy, fitting))}</code></pre></section>`
  );
}
