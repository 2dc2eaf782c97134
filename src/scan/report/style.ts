// The report's only styles, inline (the page's Content-Security-Policy allows nothing it would have to
// fetch). System fonts; colours chosen for 4.5:1 text contrast on white and 3:1 for the bars.

export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4d4d4d; --rule: #d0d0d0; --block: #a4262c;
  --warn: #8a5a00; --below: #41638f; --alarm-bg: #fdf3f3; --todo-bg: #f4f7fb; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.scanned, .more, figcaption, .address { color: var(--muted); }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; margin: 1rem 0; }
.summary div { border: 1px solid var(--rule); border-radius: 6px; padding: .75rem 1rem; }
.summary dt { font-size: .875rem; color: var(--muted); }
.summary dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
.summary dd small { display: block; font-size: .875rem; font-weight: 400; overflow-wrap: anywhere; }
.summary .alarmed dd { color: var(--block); }
.gaps, .alarms, .todo { border-left: 4px solid var(--block); background: var(--alarm-bg); padding: .25rem 1rem 1rem; margin: 1.5rem 0; }
.gaps { border-color: var(--warn); background: #fdf8ee; }
.todo { border-color: var(--below); background: var(--todo-bg); }
.alarms h2, .todo h2, .gaps h2 { border: 0; }
.meanings dt { font-weight: 600; margin-top: .5rem; }
.meanings dd { margin: 0; }
.snippet { background: #fff; border: 1px solid var(--rule); padding: .75rem; overflow-x: auto; max-height: 24rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .9375rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
.figure { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.name { display: block; }
.address { font-size: .875rem; overflow-wrap: anywhere; }
figure { margin: 1rem 0; }
.chart { width: 100%; height: auto; font-size: 12px; }
.chart .label, .chart .value, .chart .tick, .chart .threshold-label { fill: var(--ink); }
/* A white edge keeps a figure readable where a threshold line runs behind it. */
.chart .value, .chart .threshold-label { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.chart .grid { stroke: #e4e4e4; }
.chart .threshold { stroke-width: 2; stroke-dasharray: 5 3; }
.chart .threshold.warn { stroke: var(--warn); }
.chart .threshold.block { stroke: var(--block); }
.bar.block, .key.block { fill: var(--block); background: var(--block); }
.bar.warn, .key.warn { fill: var(--warn); background: var(--warn); }
.bar.below, .key.below { fill: var(--below); background: var(--below); }
.key { display: inline-block; width: .8em; height: .8em; vertical-align: baseline; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
footer { margin-top: 2rem; color: var(--muted); font-size: .875rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  figure, tr, .summary div, pre { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .snippet { max-height: none; overflow: visible; white-space: pre-wrap; }
}
`;
