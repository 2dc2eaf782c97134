// `npm run bench`: the figures the README quotes. Run on an idle machine; medians of several runs.
import { benchBundles } from "./bundles";
import { benchDirectory } from "./directory";
import { benchPureDecision } from "./pure";
import { benchSend } from "./send";
import { printTable, type Row } from "./table";

async function main(): Promise<void> {
  const rows: Row[] = [];
  rows.push(...benchPureDecision());
  rows.push(...(await benchDirectory()));
  rows.push(...(await benchSend()));
  rows.push(...(await benchBundles()));
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
