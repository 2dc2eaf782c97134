// `npm run bench`: the figures the README quotes. Run on an idle machine; medians of several runs.
import { cpus, loadavg } from "node:os";
import { benchBundles } from "./bundles";
import { benchDirectory } from "./directory";
import { benchPolicyAtMaxima } from "./policy-maxima";
import { benchPureDecision } from "./pure";
import { benchSend } from "./send";
import { printTable, type Row } from "./table";

/** Timings mean little without the load they were taken under. */
function machine(): Row {
  return {
    what: "machine",
    value: `${cpus().length} cores`,
    detail: `load average ${loadavg()[0]!.toFixed(1)} at start (timings grow with load); Node ${process.version}`,
  };
}

async function main(): Promise<void> {
  const rows: Row[] = [machine()];
  rows.push(...benchPureDecision());
  rows.push(...benchPolicyAtMaxima());
  rows.push(...(await benchDirectory()));
  rows.push(...(await benchSend()));
  rows.push(...(await benchBundles()));
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
