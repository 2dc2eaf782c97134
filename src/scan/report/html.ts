import type { Catalogue, CatalogueList } from "../../core/catalogue";
import type { Policy } from "../../core/policy";
import { formatCount } from "../../present/figures";
import { largestFirst, type Drift } from "../drift";
import { renderAlarms, renderSuggestions } from "./alarms";
import { CHART_LISTS, renderChart } from "./chart";
import { renderChanges, renderNoSize } from "./changes";
import { formatUtcDate, formatUtcTime } from "./dates";
import { escapeHtml } from "./escape";
import { REPORT_CSS } from "./style";
import { renderSummary } from "./summary";

// The scan's report: one self-contained page an admin opens from a file share or an email. It fetches
// nothing (its Content-Security-Policy forbids every request but inline styles and data: images), runs
// no script, and stays short whatever the tenant's size: the figures first, then what to act on, then
// the largest lists and what changed; every list is in the CSV beside it.

export interface ReportInput {
  catalogue: Catalogue;
  drift: Drift | null;
  policy: Policy;
  /** Lists at or above blockAt that blockedAddresses does not name yet (suggestedBlocks). */
  suggested: string[];
  /** The scan's problems worth showing, e.g. "12 addresses in the file were not valid". */
  incomplete: string[];
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function renderGaps(incomplete: readonly string[]): string {
  if (incomplete.length === 0) return "";
  return (
    `<section class="gaps" aria-labelledby="gaps-heading"><h2 id="gaps-heading">This scan is incomplete</h2>` +
    `<ul>${incomplete.map((problem) => `<li>${escapeHtml(problem)}</li>`).join("")}</ul></section>`
  );
}

function renderLargest(sized: readonly CatalogueList[], policy: Policy): string {
  const open = `<section aria-labelledby="largest-heading"><h2 id="largest-heading">The largest lists</h2>`;
  if (sized.length === 0)
    return `${open}<p>The scan could not size any list, so there is nothing to draw.</p></section>`;
  return `${open}${renderChart(sized.slice(0, CHART_LISTS), policy)}</section>`;
}

export function renderReportHtml(input: ReportInput): string {
  const { catalogue, drift, policy, suggested, incomplete } = input;
  // One pass to split the lists, one sort of the sized ones: 100,000 lists render in a blink.
  const sized: CatalogueList[] = [];
  const unsized: CatalogueList[] = [];
  for (const list of catalogue.lists) (list.members === null ? unsized : sized).push(list);
  sized.sort(largestFirst);
  unsized.sort(largestFirst);
  const date = escapeHtml(formatUtcDate(catalogue.scannedAt));
  const alarms = drift && drift.alarms.length > 0 ? renderAlarms(drift.alarms, policy) : "";
  const todo = suggested.length > 0 ? renderSuggestions(suggested, policy) : "";
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reach Guard: lists of the tenant on ${date}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>Lists of the tenant on ${date}</h1>
<p class="scanned">Scanned ${escapeHtml(formatUtcTime(catalogue.scannedAt))}. warnAt ${formatCount(policy.warnAt)}, blockAt ${formatCount(policy.blockAt)}. Every list, with its size, is in the CSV written beside this report.</p>
${renderSummary({ sized: sized.length, unsized: unsized.length, largest: sized[0] ?? null }, drift)}
${renderGaps(incomplete)}
${alarms}
${todo}
${renderLargest(sized, policy)}
${renderChanges(drift)}
${renderNoSize(unsized)}
</main>
<footer><p>Written by reach-guard scan. Times are in UTC. The full list is in the CSV.</p></footer>
</body>
</html>
`;
}
