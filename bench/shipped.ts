import { buildSync } from "esbuild";
import { join } from "node:path";
import { runInThisContext } from "node:vm";

// The add-in's code as it ships: one bundle whose modules are joined, so a call into a library is a
// plain call. Run from the TypeScript sources through tsx, an ES module library such as
// @noble/hashes is rewritten to CommonJS with a getter on every import, which made SHA-256 (the
// fingerprint, the cache keys) several times slower than in events.js. The benchmarks time this
// bundle instead; only the local Graph server and the fixtures run from the sources.

export type Shipped = typeof import("./shipped-entry");

let loaded: Shipped | null = null;

export function shipped(): Shipped {
  if (loaded) return loaded;
  const { outputFiles } = buildSync({
    entryPoints: [join(__dirname, "shipped-entry.ts")],
    bundle: true,
    write: false,
    format: "cjs",
    platform: "node",
    // As webpack does: a package's ES module build first (a UMD "main" is one esbuild cannot follow).
    mainFields: ["module", "main"],
    target: "node20",
    logLevel: "error",
  });
  const module = { exports: {} as Shipped };
  const run = runInThisContext(`(function (module, exports, require) {${outputFiles[0]!.text}\n})`) as (
    module: unknown,
    exports: unknown,
    require: NodeJS.Require,
  ) => void;
  run(module, module.exports, require);
  loaded = module.exports;
  return loaded;
}
