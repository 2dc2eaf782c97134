import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import webpack, { type Configuration } from "webpack";
import type { BuildOptions } from "../scripts/build/options";
import { bytesPerSource, type RawSourceMap } from "./source-map";

// What takes the space in a bundle: its configuration from webpack.config.js compiled again with a
// hidden source map, and the minified code counted per package or source folder.

const load = createRequire(__filename);
/** An app registration as an admin would give one: the bundles are measured with Graph on, as shipped. */
export const BENCH_CLIENT_ID = "6f1c3a52-94d4-4c55-9d5e-3b1b4bdf0e21";
export const BENCH_TENANT = "contoso.onmicrosoft.com";
const { resolveOptions } = load("../scripts/build/options.js") as typeof import("../scripts/build/options");
const { createConfigs } = load("../webpack.config.js") as {
  createConfigs(options: BuildOptions & { cache: boolean }): Configuration[];
};

type Rule = NonNullable<NonNullable<Configuration["module"]>["rules"]>[number];

export const UNMAPPED = "Babel helpers, ES2016 prelude, webpack runtime";

export interface Contents {
  /** Minified characters per package (`zod`), source folder (`src/core/`) or UNMAPPED. */
  readonly owners: readonly (readonly [string, number])[];
  /** Minified characters per file, largest first. */
  readonly files: readonly (readonly [string, number])[];
  readonly total: number;
  /** Chunks loaded on demand (`import()`), with the module that asks for each. */
  readonly lazyChunks: readonly { readonly files: string[]; readonly size: number; readonly from: string }[];
}

/** Packages' own maps point into their src/ folders: stop at the files in node_modules instead. */
function withoutInputMaps(rule: Rule): Rule {
  if (!rule || typeof rule !== "object" || typeof rule.use !== "object" || Array.isArray(rule.use))
    return rule;
  const use = rule.use as { loader?: string; options?: Record<string, unknown> };
  return { ...rule, use: { ...use, options: { ...use.options, inputSourceMap: false } } };
}

const shortName = (source: string) => source.replace(/^webpack:\/\/[^/]*\/(\.\/)?(node_modules\/)?/, "");

/** `@scope/name`, `src/folder/`, or the path as webpack names it. */
function ownerOf(source: string | null): string {
  if (source === null) return UNMAPPED;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (inPackage) return inPackage[1]!;
  const inSource = /\/(src\/[^/]+)\//.exec(source);
  return inSource ? `${inSource[1]}/` : shortName(source);
}

function mapped(config: Configuration): Configuration {
  return {
    ...config,
    cache: false,
    devtool: "hidden-source-map",
    module: { ...config.module, rules: (config.module?.rules ?? []).map(withoutInputMaps) },
    // The ES2016 guard rewrites the minified events.js (conditional operators, a few per cent longer)
    // without keeping a map, so shares are measured on the minified code just before it.
    plugins: (config.plugins ?? []).filter((plugin) => plugin?.constructor.name !== "Es2016GuardPlugin"),
  };
}

function compile(configs: Configuration[]): Promise<webpack.MultiStats | undefined> {
  return new Promise((resolve, reject) => {
    const compiler = webpack(configs);
    compiler.run((error, stats) => compiler.close(() => (error ? reject(error) : resolve(stats))));
  });
}

function read(outDir: string, name: string, stats: webpack.Stats): Contents {
  const code = readFileSync(join(outDir, `${name}.js`), "utf8");
  const map = JSON.parse(readFileSync(join(outDir, `${name}.js.map`), "utf8")) as RawSourceMap;
  const perSource = bytesPerSource(code, map);
  const owners = new Map<string, number>();
  for (const [source, count] of perSource) {
    const owner = ownerOf(source);
    owners.set(owner, (owners.get(owner) ?? 0) + count);
  }
  const chunks = stats.toJson({ all: false, chunks: true, chunkOrigins: true }).chunks ?? [];
  return {
    owners: [...owners].sort((a, b) => b[1] - a[1]),
    files: [...perSource]
      .filter((entry): entry is [string, number] => entry[0] !== null)
      .map(([source, count]) => [shortName(source), count] as const)
      .sort((a, b) => b[1] - a[1]),
    total: code.length,
    lazyChunks: chunks
      .filter((chunk) => !chunk.initial)
      .map((chunk) => ({
        files: [...(chunk.files ?? [])].filter((file) => file.endsWith(".js")),
        size: chunk.size,
        from: (chunk.origins ?? [])
          .map((origin) => `${origin.moduleName} import("${origin.request}")`)
          .join(", "),
      })),
  };
}

/** The named bundles (`events`, `taskpane`) compiled with source maps into outDir. */
export async function bundleContents(
  baseUrl: string,
  outDir: string,
  names: readonly string[],
): Promise<Map<string, Contents>> {
  const options = {
    ...resolveOptions({
      baseUrl,
      out: outDir,
      playground: false,
      clientId: BENCH_CLIENT_ID,
      tenantId: BENCH_TENANT,
    }),
    cache: false,
  };
  const configs = createConfigs(options).filter((config) => names.includes(config.name ?? ""));
  const stats = await compile(configs.map(mapped));
  if (!stats || stats.hasErrors()) throw new Error(`build failed: ${stats?.toString("errors-only")}`);
  return new Map(
    stats.stats.map((one, index) => [configs[index]!.name!, read(outDir, configs[index]!.name!, one)]),
  );
}
