// Builds what an admin hosts: the event bundle (events.js + commands.html), the task pane, the
// optional playground, and the deployment files (manifest.xml, .well-known, config.json,
// policy.json, assets). Usually run through `npm run build -- --base-url https://...`
// (scripts/build.js); `npx webpack --env baseUrl=https://...` works too, but does not empty the
// output folder first.
const { existsSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { resolveOptions } = require("./scripts/build/options");
const { DeploymentFilesPlugin } = require("./scripts/build/deployment-files");
const { Es2016GuardPlugin } = require("./scripts/build/es2016-guard");
const { MsalEventBundlePlugin } = require("./scripts/build/msal-event-bundle");

const PAGES = join(__dirname, "scripts", "build", "pages");
// Lets transform-runtime use every helper the installed @babel/runtime has.
const BABEL_RUNTIME_VERSION = require("@babel/runtime/package.json").version;
const PRELUDE = join(__dirname, "scripts", "build", "es2016-prelude.js");
const OFFICE_JS_DIST = join(__dirname, "node_modules", "@microsoft", "office-js", "dist");
const ENTRIES = {
  events: "./src/events/index.ts",
  taskpane: "./src/taskpane/index.tsx",
  playground: "./src/playground/index.tsx",
};

// Classic Outlook on Windows before Version 2403 runs event handlers as ES2016 (no async/await,
// object spread, `?.`, `??`): Chrome 52 and Edge 14 are the last engines with ES2016 and no
// async functions, so preset-env transpiles exactly the later syntax, Edge 14's known bugs included.
const EVENT_TARGETS = { chrome: "52", edge: "14" };
// The task pane runs in WebView2 (Windows), WKWebView (Mac) or a current browser (web).
const PAGE_TARGETS = "chrome >= 100, edge >= 100, firefox >= 100, safari >= 15.4";

function babelRule(targets, { includeNodeModules, react, plugins = [] }) {
  return {
    test: /\.[cm]?[jt]sx?$/,
    // Babel's own helpers must not be fed back through Babel.
    exclude: includeNodeModules ? /node_modules[\\/](@babel[\\/]runtime|core-js)[\\/]/ : /node_modules/,
    use: {
      loader: "babel-loader",
      options: {
        babelrc: false,
        configFile: false,
        cacheDirectory: true,
        sourceType: "unambiguous",
        presets: [
          ["@babel/preset-env", { targets, bugfixes: true, modules: false }],
          ...(react ? [["@babel/preset-react", { runtime: "automatic" }]] : []),
          ["@babel/preset-typescript", { allowDeclareFields: true }],
        ],
        plugins,
      },
    },
  };
}

function common(options, name) {
  const production = options.mode === "production";
  return {
    name,
    mode: options.mode,
    context: __dirname,
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
    performance: { hints: false },
    stats: "errors-warnings",
    cache: options.cache
      ? {
          type: "filesystem",
          name: `${name}-${options.mode}`,
          buildDependencies: {
            config: [join(__dirname, "webpack.config.js"), join(__dirname, "scripts", "build")],
          },
        }
      : false,
    devtool: production ? false : "cheap-module-source-map",
  };
}

/** One file the JavaScript-only runtime can load: no chunks, no DOM, no dev-server, ES2016. */
function eventsConfig(options) {
  const production = options.mode === "production";
  return {
    ...common(options, "events"),
    // Webpack's own runtime code held to ES2016 as well.
    target: ["web", "es2016"],
    devtool: false,
    entry: { events: ENTRIES.events },
    output: {
      path: options.outDir,
      filename: "[name].js",
      // "" keeps webpack from adding publicPath detection, which reads `document.currentScript`.
      publicPath: "",
      globalObject: "this",
      iife: true,
      chunkLoading: false,
      wasmLoading: false,
      workerChunkLoading: false,
      asyncChunks: false,
    },
    // One copy of each Babel helper for the whole bundle, imported from @babel/runtime, instead of
    // one per module: transpiling MSAL and our code to ES2016 needs helpers in well over a hundred
    // modules (async functions, object spread, for-of for Edge 14).
    module: {
      rules: [
        babelRule(EVENT_TARGETS, {
          includeNodeModules: true,
          react: false,
          plugins: [
            [
              "@babel/plugin-transform-runtime",
              { corejs: false, helpers: true, regenerator: true, version: BABEL_RUNTIME_VERSION },
            ],
          ],
        }),
      ],
    },
    optimization: {
      splitChunks: false,
      runtimeChunk: false,
      minimizeOptions: {
        javascript: {
          ecma: 2016,
          compress: { passes: 2, ecma: 2016 },
          format: { ecma: 2016, comments: false },
        },
      },
    },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      // Handlers ask for tokens silently only: MSAL without its UI sign-in clients (see the file).
      new MsalEventBundlePlugin(),
      // Outside webpack's wrapper, where top-level `this` is the global object.
      new webpack.BannerPlugin({
        banner: readFileSync(PRELUDE, "utf8"),
        raw: true,
        entryOnly: true,
        test: /^events\.js$/,
      }),
      new webpack.DefinePlugin({ __REACH_GUARD_BASE_URL__: JSON.stringify(options.baseUrl) }),
      new Es2016GuardPlugin({ asset: "events.js", minified: production }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: join(PAGES, "commands.html"),
        inject: "body",
        scriptLoading: "blocking",
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: join(PAGES, "support.html"), to: "support.html" },
        ],
      }),
      new DeploymentFilesPlugin(options),
    ],
  };
}

function taskpaneConfig(options) {
  return {
    ...common(options, "taskpane"),
    target: ["web", "es2020"],
    entry: { taskpane: ENTRIES.taskpane },
    // The first render needs taskpane.js alone; MSAL follows as a chunk while the pane says it is
    // checking. "auto" finds chunks beside taskpane.js wherever the page that loads it lives.
    output: {
      path: options.outDir,
      filename: "[name].js",
      chunkFilename: "taskpane-chunks/[name].[contenthash:8].js",
      publicPath: "auto",
    },
    module: { rules: [babelRule(PAGE_TARGETS, { includeNodeModules: false, react: true })] },
    plugins: [
      // Where policy.json and config.json live: the same host as the event bundle, fixed at build.
      new webpack.DefinePlugin({ __REACH_GUARD_BASE_URL__: JSON.stringify(options.baseUrl) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: join(PAGES, "taskpane.html"),
        minify: false,
      }),
    ],
  };
}

/** The stand-in for Outlook that `npm start` serves: it uses the local Office.js, never the CDN. */
function playgroundConfig(options) {
  return {
    ...common(options, "playground"),
    target: ["web", "es2020"],
    // frame.js goes into the add-in's frames between office.js and the add-in (src/playground/frame).
    entry: { playground: ENTRIES.playground, frame: "./src/playground/frame/index.ts" },
    output: { path: join(options.outDir, "playground"), filename: "[name].js", publicPath: "" },
    module: { rules: [babelRule(PAGE_TARGETS, { includeNodeModules: false, react: true })] },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: join(PAGES, "playground.html"),
        chunks: ["playground"],
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          ...["office.js", "o15apptofilemappingtable.js"].map((file) => ({
            from: join(OFFICE_JS_DIST, file),
            to: `office/${file}`,
          })),
          { from: join(PAGES, "office-telemetry-stub.js"), to: "office/telemetry-stub.js" },
          // The real task pane and event bundle from the folder above, on the local Office.js.
          { from: join(PAGES, "playground-taskpane.html"), to: "taskpane.html" },
          { from: join(PAGES, "playground-commands.html"), to: "commands.html" },
        ],
      }),
    ],
  };
}

/** The webpack configurations for checked build options (see scripts/build/options.js). */
function createConfigs(options) {
  if (options.playground === true && !existsSync(join(__dirname, ENTRIES.playground))) {
    throw new Error(`--playground needs ${ENTRIES.playground}, which does not exist`);
  }
  const configs = [eventsConfig(options), taskpaneConfig(options)];
  // Only when asked for (npm start, the browser tests): an admin's build never carries it.
  if (options.playground === true) configs.push(playgroundConfig(options));
  return configs;
}

module.exports = (env = {}, argv = {}) =>
  createConfigs({ cache: true, ...resolveOptions({ ...env, mode: argv.mode ?? env.mode }) });
module.exports.createConfigs = createConfigs;
module.exports.playgroundConfig = playgroundConfig;
