// `npm run bench`: the figures the README quotes. Run on an idle machine; medians of several runs.
// `npm run bench -- degraded send` runs only the groups named (any part of a name will do).
import { cpus, loadavg } from "node:os";
import { benchBundles } from "./bundles";
import { benchDegraded } from "./degraded";
import { benchDirectory } from "./directory";
import { benchPolicyAtMaxima } from "./policy-maxima";
import { benchPureDecision } from "./pure";
import { benchScan } from "./scan";
import { benchSend } from "./send";
import { benchStorm } from "./storm";
import { printTable, type Row } from "./table";

/** Timings mean little without the load they were taken under. */
function machine(): Row {
  return {
    what: "machine",
    value: `${cpus().length} cores`,
    detail: `load average ${loadavg()[0]!.toFixed(1)} at start (timings grow with load); Node ${process.version}`,
  };
}

const GROUPS: readonly (readonly [string, () => Row[] | Promise<Row[]>])[] = [
  ["pure", benchPureDecision],
  ["policy-maxima", benchPolicyAtMaxima],
  ["directory", benchDirectory],
  ["send", benchSend],
  ["degraded", benchDegraded],
  ["bundles", benchBundles],
  ["scan", benchScan],
  ["storm", benchStorm],
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !GROUPS.some(([group]) => group.includes(name)));
  if (unknown.length > 0) {
    console.error(
      `no benchmark group matches ${unknown.join(", ")}; groups: ${GROUPS.map(([g]) => g).join(", ")}`,
    );
    process.exitCode = 2;
    return;
  }
  const rows: Row[] = [machine()];
  for (const [group, bench] of GROUPS) {
    if (wanted.length === 0 || wanted.some((name) => group.includes(name))) rows.push(...(await bench()));
  }
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
