#!/usr/bin/env node
// `npm run build -- --base-url https://host.example.org/reach-guard [options]`: writes the folder an
// admin hosts (dist/ by default). Exit codes: 0 built, 1 the bundles failed to compile, 2 bad options.
const { parseArgs } = require("node:util");
const { existsSync, readdirSync, readFileSync, rmSync, statSync } = require("node:fs");
const { join, relative } = require("node:path");
const { gzipSync } = require("node:zlib");
const webpack = require("webpack");
const { resolveOptions, BuildOptionError } = require("./build/options");
const { createConfigs } = require("../webpack.config");

const USAGE = `Usage: npm run build -- --base-url https://host.example.org/reach-guard [options]
  --base-url URL      where dist/ will be hosted (or REACH_GUARD_BASE_URL); https, or
                      http://localhost for local playground builds
  --send-mode MODE    SoftBlock (default), PromptUser or Block: the manifest's SendMode
  --allow-send-anyway-on-block
                      required with --send-mode PromptUser, which offers "Send Anyway" on every
                      Smart Alert, blocks included
  --version X.Y.Z     manifest version (default: package.json); raise it for every manifest update
  --out DIR           output folder (default: dist)
  --client-id GUID    app registration for nested app authentication (config.json clientId);
                      required for an https build unless --no-graph
  --tenant-id ID      the tenant's Directory (tenant) ID or a verified domain (config.json
                      tenantId); required for an https build unless --no-graph; not common,
                      organizations or consumers (the app registration is single-tenant)
  --no-graph          build without Microsoft Graph: the add-in decides on the policy alone
                      (blocked addresses; directoryUnavailable for possible lists)
  --graph-root URL    Microsoft Graph root (national clouds)
  --authority URL     Entra ID authority host (national clouds)
  --support-url URL   the manifest's SupportUrl (default: the built support.html); Outlook does
                      not show it to users
  --provider-name S   ProviderName in the manifest
  --only NAMES        build only these bundles, comma-separated: events (with the manifest and
                      deployment files), taskpane, playground
  --playground        also build the playground (the stand-in Outlook npm start serves; never host it)
  --no-playground     skip the playground (the default)
  --dev               development build (not minified, source maps)
  --no-cache          do not use webpack's filesystem cache`;

const FLAGS = {
  "base-url": "baseUrl",
  "send-mode": "sendMode",
  version: "version",
  out: "out",
  "client-id": "clientId",
  "tenant-id": "tenantId",
  "graph-root": "graphRoot",
  authority: "authority",
  "support-url": "supportUrl",
  "provider-name": "providerName",
};

function parseCommandLine(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(Object.keys(FLAGS).map((name) => [name, { type: "string" }])),
      only: { type: "string" },
      playground: { type: "boolean" },
      "no-playground": { type: "boolean" },
      "no-graph": { type: "boolean" },
      "allow-send-anyway-on-block": { type: "boolean" },
      dev: { type: "boolean" },
      "no-cache": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  const input = {};
  for (const [flag, key] of Object.entries(FLAGS)) if (values[flag] !== undefined) input[key] = values[flag];
  if (values.playground) input.playground = true;
  if (values["no-playground"]) input.playground = false;
  if (values["no-graph"]) input.noGraph = true;
  if (values["allow-send-anyway-on-block"]) input.allowSendAnywayOnBlock = true;
  if (values.dev) input.mode = "development";
  const only = values.only === undefined ? undefined : values.only.split(",").map((name) => name.trim());
  return { input, only, help: Boolean(values.help), cache: !values["no-cache"] };
}

/** Empties the output folder, but only if it is empty or holds an earlier build (manifest.xml). */
function cleanOutDir(outDir) {
  if (!existsSync(outDir)) return;
  const entries = readdirSync(outDir);
  if (entries.length > 0 && !entries.includes("manifest.xml")) {
    throw new BuildOptionError(`refusing to empty ${outDir}: it is not empty and holds no earlier build`);
  }
  rmSync(outDir, { recursive: true, force: true });
}

function selectConfigs(configs, only) {
  if (only === undefined) return configs;
  const known = configs.map((config) => config.name);
  const unknown = only.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new BuildOptionError(
      `--only: unknown or unavailable bundle ${unknown.join(", ")} (have ${known.join(", ")})`,
    );
  }
  return configs.filter((config) => only.includes(config.name));
}

function run(compiler) {
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => (error ? reject(error) : resolve(stats)));
    });
  });
}

function report(outDir) {
  for (const file of ["events.js", "taskpane.js", "playground/playground.js"]) {
    const path = join(outDir, file);
    if (!existsSync(path)) continue;
    const raw = statSync(path).size;
    const gzip = gzipSync(readFileSync(path)).length;
    console.log(`  ${file.padEnd(26)} ${(raw / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
  }
}

async function main(argv) {
  let parsed;
  let options;
  let configs;
  try {
    parsed = parseCommandLine(argv);
    if (parsed.help) {
      console.log(USAGE);
      return 0;
    }
    options = { ...resolveOptions(parsed.input), cache: parsed.cache };
    configs = selectConfigs(createConfigs(options), parsed.only);
    // A partial build (--only) replaces its own bundles and leaves the rest of the folder alone.
    if (parsed.only === undefined) cleanOutDir(options.outDir);
  } catch (error) {
    console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const stats = await run(webpack(configs));
  const text = stats.toString({ all: false, errors: true, warnings: true, colors: false });
  if (text.trim()) console.error(text);
  if (stats.hasErrors()) {
    console.error("build: failed");
    return 1;
  }
  console.log(`build: ${relative(process.cwd(), options.outDir) || "."} for ${options.baseUrl}`);
  console.log(`  version ${options.version}, send mode ${options.sendMode}`);
  if (!options.graph) {
    console.log("  Microsoft Graph: off (--no-graph); the add-in decides on the policy alone");
  } else if (options.config.clientId) {
    console.log(`  Microsoft Graph: client ${options.config.clientId}, tenant ${options.config.tenantId}`);
  }
  report(options.outDir);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`build: ${error instanceof Error ? error.stack : String(error)}`);
      process.exitCode = 1;
    },
  );
}

module.exports = { main, parseCommandLine };
