// One copy of each Babel helper in events.js instead of one per module. Transpiling to ES2016 makes
// Babel add helpers (async functions, object spread, for-of for Edge 14) to every module that needs
// them: well over a hundred copies in the event bundle, MSAL's modules most of all. With this, ES
// modules import them instead from babel-helpers.mjs, whose text is Babel's own helpers for the
// installed version (`buildExternalHelpers`: the same code Babel would have inlined). A CommonJS
// file keeps its helpers inline, as before. This is what @babel/plugin-transform-runtime does,
// without adding @babel/runtime to the project.
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const babel = require("@babel/core");

const SELF = join(__dirname, "shared-babel-helpers.js");
const HELPERS = join(__dirname, "babel-helpers.mjs");
const REVISION = createHash("sha256").update(readFileSync(SELF)).digest("hex").slice(0, 16);

/** Babel plugin: in an ES module, every helper becomes an import from `source`. */
function sharedHelpersPlugin({ types: t }, { source }) {
  return {
    name: "reach-guard-shared-helpers",
    pre(file) {
      if (file.path.node.sourceType !== "module") return;
      const imported = new Map();
      file.set("helperGenerator", (name) => {
        if (!imported.has(name)) {
          const local = file.scope.generateUidIdentifier(name);
          const declaration = t.importDeclaration(
            [t.importSpecifier(local, t.identifier(name))],
            t.stringLiteral(source),
          );
          const [added] = file.path.unshiftContainer("body", declaration);
          file.scope.registerDeclaration(added);
          imported.set(name, local);
        }
        return t.cloneNode(imported.get(name));
      });
    },
  };
}

/** Webpack loader for babel-helpers.mjs: every helper of the installed Babel, as named exports. */
function helpersLoader() {
  return babel.buildExternalHelpers(undefined, "module");
}

/**
 * The rules for a babel-loader rule (webpack.config.js babelRule) with its helpers shared: the rule
 * with the plugin, and the rule that writes the helpers module. Babel's helpers must not be fed
 * back through Babel, so the first rule leaves that module alone.
 */
function withSharedHelpers(rule) {
  const { use } = rule;
  return [
    {
      ...rule,
      exclude: [rule.exclude, HELPERS],
      use: {
        ...use,
        options: {
          ...use.options,
          // babel-loader's cache keys on the options: this file's own text is part of them.
          plugins: [
            ...(use.options.plugins ?? []),
            [sharedHelpersPlugin, { source: HELPERS, revision: REVISION }],
          ],
        },
      },
    },
    { test: HELPERS, use: { loader: SELF } },
  ];
}

module.exports = helpersLoader;
module.exports.withSharedHelpers = withSharedHelpers;
module.exports.sharedHelpersPlugin = sharedHelpersPlugin;
