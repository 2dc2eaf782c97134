import { createRequire } from "node:module";
import webpack, { type Configuration } from "webpack";
import type { BuildOptions } from "../../scripts/build/options";

// A small entry built exactly as events.js is (same loaders, targets and plugins), minus what only
// the full build needs (pages, copied files, deployment files). Shared by the build tests.

const load = createRequire(__filename);
const { createConfigs } = load("../../webpack.config.js") as {
  createConfigs(options: BuildOptions & { cache: boolean }): Configuration[];
};
const { resolveOptions } = load(
  "../../scripts/build/options.js",
) as typeof import("../../scripts/build/options");

const PAGE_ONLY = ["HtmlWebpackPlugin", "CopyPlugin", "DeploymentFilesPlugin"];

export function eventsConfigFor(
  entry: string,
  outDir: string,
  options: { readonly name?: string; readonly leaveOut?: readonly string[] } = {},
): Configuration {
  // The ids only reach config.json, which this build leaves out; a hosted build must name them.
  const built = {
    ...resolveOptions({
      baseUrl: "https://host.example.org/rg",
      out: outDir,
      clientId: "6f1c3a52-94d4-4c55-9d5e-3b1b4bdf0e21",
      tenantId: "contoso.onmicrosoft.com",
    }),
    cache: false,
  };
  const events = createConfigs({ ...built, playground: false }).find((one) => one.name === "events")!;
  const leaveOut = [...PAGE_ONLY, ...(options.leaveOut ?? [])];
  const plugins = (events.plugins ?? []).filter(
    (plugin) => !leaveOut.includes(plugin?.constructor.name ?? ""),
  );
  return { ...events, ...(options.name ? { name: options.name } : {}), entry: { events: entry }, plugins };
}

export function runWebpack(configs: Configuration | Configuration[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const compiler = webpack(configs as Configuration[]);
    compiler.run((error, stats) =>
      compiler.close(() => {
        if (error || !stats || stats.hasErrors())
          reject(error ?? new Error(stats?.toString("errors-only") ?? "no stats"));
        else resolve();
      }),
    );
  });
}
