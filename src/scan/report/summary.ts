import type { CatalogueList } from "../../core/catalogue";
import { formatCount } from "../../present/figures";
import type { Drift } from "../drift";
import { escapeHtml } from "./escape";

// The four figures an admin looks at first.

export interface Tally {
  readonly sized: number;
  readonly unsized: number;
  readonly largest: CatalogueList | null;
}

function figure(term: string, value: string, className = ""): string {
  return `<div${className ? ` class="${className}"` : ""}><dt>${term}</dt><dd>${value}</dd></div>`;
}

export function renderSummary(tally: Tally, drift: Drift | null): string {
  const largest = tally.largest;
  const largestValue =
    largest && largest.members !== null
      ? `${formatCount(largest.members)}<small>${escapeHtml(largest.displayName.trim() || largest.address)}` +
        `${largest.displayName.trim() ? ` (${escapeHtml(largest.address)})` : ""}</small>`
      : "none sized";
  const alarms =
    drift === null
      ? figure("Alarms", "–<small>no previous catalogue to compare with</small>")
      : figure("Alarms", formatCount(drift.alarms.length), drift.alarms.length > 0 ? "alarmed" : "");
  return (
    `<dl class="summary">` +
    figure("Lists sized", formatCount(tally.sized)) +
    figure("Lists with no size", formatCount(tally.unsized)) +
    figure("Largest list", largestValue) +
    alarms +
    `</dl>`
  );
}
