#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the package needs no separate compile step.
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
