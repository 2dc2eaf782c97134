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
  const widths = [
    Math.max(...rows.map((row) => row.what.length)),
    Math.max(...rows.map((row) => row.value.length)),
  ];
  for (const row of rows) {
    console.log(`${row.what.padEnd(widths[0]!)}  ${row.value.padStart(widths[1]!)}  ${row.detail}`);
  }
}
