import type { CatalogueList } from "../../core/catalogue";
import { formatCount } from "../../present/figures";
import { escapeHtml } from "./escape";

// The report's tables. A tenant can hold 100,000 lists: a page that long is neither read nor opened
// quickly, so each table shows its first rows and says how many more the CSV holds.

export const TABLE_ROWS = 200;

export interface Column<Row> {
  readonly heading: string;
  /** The cell's HTML, already escaped. */
  readonly cell: (row: Row) => string;
  readonly numeric?: boolean;
}

/** Members as a figure, or "no size" when the scan could not size the list. */
export function membersText(members: number | null): string {
  return members === null ? "no size" : formatCount(members);
}

/** The list's name above its address; the address alone when it has no name. */
export function listCell(list: { readonly displayName: string; readonly address: string }): string {
  const address = `<span class="address">${escapeHtml(list.address)}</span>`;
  return list.displayName.trim() === ""
    ? address
    : `<span class="name">${escapeHtml(list.displayName)}</span> ${address}`;
}

export function membersColumn(heading: string, members: (row: CatalogueList) => number | null) {
  return { heading, numeric: true, cell: (row: CatalogueList) => membersText(members(row)) };
}

/** A table of the first TABLE_ROWS rows, with a line saying how many were left out and where they are. */
export function cappedTable<Row>(
  caption: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  whereTheRestAre: string,
): string {
  const shown = rows.length > TABLE_ROWS ? rows.slice(0, TABLE_ROWS) : rows;
  const head = columns
    .map((column) => `<th scope="col"${column.numeric ? ' class="figure"' : ""}>${column.heading}</th>`)
    .join("");
  const body = shown
    .map(
      (row) =>
        `<tr>${columns.map((column) => `<td${column.numeric ? ' class="figure"' : ""}>${column.cell(row)}</td>`).join("")}</tr>`,
    )
    .join("\n");
  const more =
    rows.length > shown.length
      ? `<p class="more">${formatCount(rows.length - shown.length)} more not shown here: ${whereTheRestAre}.</p>`
      : "";
  return `<table><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${more}`;
}
