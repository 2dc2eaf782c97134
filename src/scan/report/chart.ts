import type { CatalogueList } from "../../core/catalogue";
import type { Policy } from "../../core/policy";
import { clip, formatCount } from "../../present/figures";
import { escapeHtml } from "./escape";
import { listCell } from "./table";

// The largest lists as an inline SVG bar chart: no script, no font or image fetched, so it draws
// under the page's Content-Security-Policy and in print. Sizes run from a handful to 840,000, so the
// scale is logarithmic (each grid line ten times the last): on a straight scale warnAt's line and
// every list but the largest would sit against the left edge. The exact figure ends each bar, and
// the same figures are in a table for screen readers, which read the SVG as one image.

export const CHART_LISTS = 20;

const WIDTH = 760;
const LABEL_END = 236;
const BARS_START = 244;
const BARS_WIDTH = 420;
const TOP = 44;
const ROW = 24;
const BAR = 14;
const BOTTOM = 28;
/** A list of one member still gets a bar that can be seen. */
const MIN_BAR = 2;

function shortFigure(value: number): string {
  if (value >= 1_000_000) return `${value / 1_000_000}M`;
  if (value >= 1000) return `${value / 1000}k`;
  return String(value);
}

function band(members: number, policy: Policy): "block" | "warn" | "below" {
  if (members >= policy.blockAt) return "block";
  return members >= policy.warnAt ? "warn" : "below";
}

/** The SVG and its table, for lists that all have a size, largest first. */
export function renderChart(lists: readonly CatalogueList[], policy: Policy): string {
  const largest = lists[0]?.members ?? 0;
  // The scale always reaches blockAt, so both lines are drawn even when every list is small.
  const decades = Math.max(1, Math.ceil(Math.log10(Math.max(largest, policy.blockAt, 10))));
  const x = (value: number): number =>
    value <= 0 ? 0 : Math.max(MIN_BAR, (Math.log10(Math.max(value, 1)) / decades) * BARS_WIDTH);
  const height = TOP + lists.length * ROW + BOTTOM;
  const axisEnd = TOP + lists.length * ROW;

  const grid: string[] = [];
  for (let power = 0; power <= decades; power++) {
    const at = (BARS_START + (power / decades) * BARS_WIDTH).toFixed(1);
    grid.push(
      `<line class="grid" x1="${at}" x2="${at}" y1="${TOP - 4}" y2="${axisEnd}"/>`,
      `<text class="tick" x="${at}" y="${axisEnd + 16}" text-anchor="middle">${shortFigure(10 ** power)}</text>`,
    );
  }
  const bars = lists.map((list, index) => {
    const members = list.members ?? 0;
    const y = TOP + index * ROW;
    const width = x(members);
    const name = list.displayName.trim() || list.address;
    return (
      `<text class="label" x="${LABEL_END}" y="${y + BAR - 2}" text-anchor="end">${escapeHtml(clip(name, 30))}</text>` +
      `<rect class="bar ${band(members, policy)}" x="${BARS_START}" y="${y}" width="${width.toFixed(1)}" height="${BAR}">` +
      `<title>${escapeHtml(name)}: ${formatCount(members)}</title></rect>` +
      `<text class="value" x="${(BARS_START + width + 6).toFixed(1)}" y="${y + BAR - 2}">${formatCount(members)}</text>`
    );
  });
  const threshold = (value: number, label: string, row: number, kind: string) => {
    const at = BARS_START + x(value);
    // Near the right edge the label runs leftwards from its line, so it stays inside the drawing.
    const leftwards = at > BARS_START + BARS_WIDTH * 0.7;
    const labelAt = (leftwards ? at - 4 : at + 4).toFixed(1);
    return (
      `<line class="threshold ${kind}" x1="${at.toFixed(1)}" x2="${at.toFixed(1)}" y1="${TOP - 8 - row * 16}" y2="${axisEnd}"/>` +
      `<text class="threshold-label" x="${labelAt}" y="${TOP - 10 - row * 16}"${leftwards ? ' text-anchor="end"' : ""}>` +
      `${label} ${formatCount(value)}</text>`
    );
  };
  const atOrAboveBlock = lists.filter((list) => (list.members ?? 0) >= policy.blockAt).length;
  const description =
    `Horizontal bars on a logarithmic scale, largest first. The largest is ${escapeHtml(
      lists[0]?.displayName.trim() || lists[0]?.address || "",
    )} with ${formatCount(largest)} people. ${atOrAboveBlock} of these ${lists.length} lists are at or ` +
    `above blockAt (${formatCount(policy.blockAt)}); lines mark warnAt and blockAt.`;
  const svg =
    `<svg class="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${WIDTH} ${height}" ` +
    `width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="chart-title">The ${lists.length} largest lists by people reached</title>` +
    `<desc id="chart-desc">${description}</desc>` +
    grid.join("") +
    threshold(policy.warnAt, "warnAt", 0, "warn") +
    threshold(policy.blockAt, "blockAt", 1, "block") +
    bars.join("") +
    `</svg>`;
  const rows = lists
    .map(
      (list) =>
        `<tr><td>${listCell(list)}</td><td class="figure">${formatCount(list.members ?? 0)}</td></tr>`,
    )
    .join("\n");
  const table =
    `<table class="visually-hidden"><caption>The ${lists.length} largest lists</caption>` +
    `<thead><tr><th scope="col">List</th><th scope="col" class="figure">People</th></tr></thead>` +
    `<tbody>\n${rows}\n</tbody></table>`;
  const legend =
    `<figcaption>Each grid line is ten times the one before. <span class="key block"></span> at or above ` +
    `blockAt, <span class="key warn"></span> at or above warnAt, <span class="key below"></span> below warnAt.` +
    `</figcaption>`;
  return `<figure>${svg}${legend}</figure>${table}`;
}
