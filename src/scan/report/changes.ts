import type { CatalogueList } from "../../core/catalogue";
import { formatCount } from "../../present/figures";
import type { Drift } from "../drift";
import { formatUtcTime } from "./dates";
import { escapeHtml } from "./escape";
import { cappedTable, listCell, membersColumn, membersText, type Column } from "./table";

// What changed since the previous catalogue, and the lists the scan could not size.

const IN_THE_CSV = "every list is in the CSV";

const listColumn: Column<CatalogueList> = { heading: "List", cell: listCell };
const kindColumn: Column<CatalogueList> = { heading: "Kind", cell: (list) => escapeHtml(list.kind) };

function signed(before: number | null, after: number | null): string {
  if (before === null || after === null) return "";
  const difference = after - before;
  // A true minus sign: a hyphen is read out as "dash" by some screen readers.
  return difference >= 0 ? `+${formatCount(difference)}` : `\u2212${formatCount(-difference)}`;
}

function part(heading: string, lists: readonly unknown[], table: () => string): string {
  const body = lists.length === 0 ? "<p>None.</p>" : table();
  return `<h3>${heading} (${formatCount(lists.length)})</h3>${body}`;
}

export function renderChanges(drift: Drift | null): string {
  const open = `<section aria-labelledby="changes-heading"><h2 id="changes-heading">Since the previous scan</h2>`;
  if (drift === null) {
    return `${open}<p>No previous catalogue was given, so there is nothing to compare with yet.</p></section>`;
  }
  type Change = Drift["changed"][number];
  const changed: Column<Change>[] = [
    { heading: "List", cell: (change) => listCell(change.list) },
    { heading: "Last scan", numeric: true, cell: (change) => membersText(change.before) },
    { heading: "Now", numeric: true, cell: (change) => membersText(change.list.members) },
    { heading: "Change", numeric: true, cell: (change) => signed(change.before, change.list.members) },
  ];
  return (
    open +
    part("Sizes changed", drift.changed, () =>
      cappedTable("Lists whose size changed, largest change first", changed, drift.changed, IN_THE_CSV),
    ) +
    part("New lists", drift.added, () =>
      cappedTable(
        "Lists not in the previous catalogue, largest first",
        [listColumn, kindColumn, membersColumn("People", (list) => list.members)],
        drift.added,
        IN_THE_CSV,
      ),
    ) +
    part("Lists gone", drift.removed, () =>
      cappedTable(
        "Lists in the previous catalogue only, largest first",
        [listColumn, kindColumn, membersColumn("People at the last scan", (list) => list.members)],
        drift.removed,
        "the previous catalogue holds them",
      ),
    ) +
    `</section>`
  );
}

export function renderNoSize(unsized: readonly CatalogueList[]): string {
  const open = `<section aria-labelledby="no-size-heading"><h2 id="no-size-heading">Lists with no size (${formatCount(unsized.length)})</h2>`;
  if (unsized.length === 0) return `${open}<p>The scan sized every list.</p></section>`;
  return (
    `${open}<p>The scan could not size these (hidden membership, or Microsoft Graph did not answer). ` +
    `At send Reach Guard asks Graph for their size; when it cannot say either, the policy's ` +
    `<code>unknownList</code> decides. A list with no size is never taken to be small.</p>` +
    cappedTable(
      "Lists the scan could not size",
      [
        listColumn,
        kindColumn,
        { heading: "Tried at", cell: (list) => escapeHtml(formatUtcTime(list.sizedAt)) },
      ],
      unsized,
      IN_THE_CSV,
    ) +
    `</section>`
  );
}
