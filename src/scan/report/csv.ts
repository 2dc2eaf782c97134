import type { Catalogue, CatalogueList } from "../../core/catalogue";
import { largestFirst } from "../drift";

// Every list of the catalogue for a spreadsheet, as RFC 4180 writes it: CRLF between records, a field
// quoted when it holds a comma, a quote or a line break, its quotes doubled. The file starts with a
// UTF-8 byte order mark: without it Excel reads the file in the machine's legacy code page, and a
// name such as "Équipe Médicale" arrives as mojibake.

const BYTE_ORDER_MARK = "\uFEFF";
const HEADER = ["address", "displayName", "kind", "members", "externalMembers", "sizedAt"];

// A cell starting with one of these is read by spreadsheets as a formula, and a display name is
// written by whoever created the list: "=HYPERLINK(...)" must arrive as text. The leading single
// quote is the prefix OWASP recommends; Excel hides it and keeps the rest as typed.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function record(list: CatalogueList): string {
  return [list.address, list.displayName, list.kind, list.members, list.externalMembers, list.sizedAt]
    .map(csvField)
    .join(",");
}

/** Largest first, as catalogue.json is written, so the lists that matter open at the top. */
export function renderReportCsv(catalogue: Catalogue): string {
  const lines = [HEADER.join(","), ...[...catalogue.lists].sort(largestFirst).map(record)];
  return `${BYTE_ORDER_MARK}${lines.join("\r\n")}\r\n`;
}
