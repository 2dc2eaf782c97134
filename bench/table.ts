export interface Row {
  readonly what: string;
  readonly value: string;
  readonly detail: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function printTable(rows: readonly Row[]): void {
  const all = [{ what: "measure", value: "figure", detail: "details; target" }, ...rows];
  const widths = [
    Math.max(...all.map((row) => row.what.length)),
    Math.max(...all.map((row) => row.value.length)),
  ];
  const line = (row: Row) =>
    `${row.what.padEnd(widths[0]!)}  ${row.value.padStart(widths[1]!)}  ${row.detail}`.trimEnd();
  console.log(line(all[0]!));
  console.log(`${"-".repeat(widths[0]!)}  ${"-".repeat(widths[1]!)}  ${"-".repeat(15)}`);
  for (const row of rows) console.log(line(row));
}
