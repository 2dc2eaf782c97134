// `npm run bench`: the figures the README quotes. Run on an idle machine; medians of several runs.
import { benchDirectory, benchPureDecision } from "./directory";
import { printTable, type Row } from "./table";

async function main(): Promise<void> {
  const rows: Row[] = [];
  rows.push(...benchPureDecision());
  rows.push(...(await benchDirectory()));
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
