// Post-processes the event bundle after minification, for classic Outlook on Windows' JavaScript-only
// runtime: takes out conditional operators (see no-conditional.js), then proves the result parses
// as an ES2016 script and carries no dev-server/HMR code. A bundle that fails is a build error, so
// a dependency update cannot silently ship code that older Outlook builds refuse to load.
const babel = require("@babel/core");
const acorn = require("acorn");
const noConditional = require("./no-conditional");

const FORBIDDEN = ["webpack-dev-server", "HotModuleReplacement", "webpackHotUpdate", "sockjs"];

/** Returns the rewritten code; throws an Error naming the first ES2016 violation. */
function toEs2016Script(code, { minified }) {
  const result = babel.transformSync(code, {
    babelrc: false,
    configFile: false,
    sourceType: "script",
    compact: minified,
    minified,
    comments: !minified,
    plugins: [noConditional],
  });
  const output = result && result.code;
  if (!output) throw new Error("babel produced no code");
  checkEs2016(output);
  return output;
}

function checkEs2016(code) {
  try {
    acorn.parse(code, { ecmaVersion: 2016, sourceType: "script" });
  } catch (error) {
    const at = error.pos === undefined ? "" : `: ${code.slice(Math.max(0, error.pos - 40), error.pos + 40)}`;
    throw new Error(`not ES2016 (${error.message})${at}`);
  }
  const found = FORBIDDEN.find((text) => code.includes(text));
  if (found) throw new Error(`contains dev-server/HMR code (${found})`);
}

class Es2016GuardPlugin {
  constructor({ asset, minified }) {
    this.asset = asset;
    this.minified = minified;
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("Es2016GuardPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "Es2016GuardPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 },
        () => {
          const asset = compilation.getAsset(this.asset);
          if (!asset) return;
          try {
            const code = toEs2016Script(asset.source.source().toString(), { minified: this.minified });
            compilation.updateAsset(this.asset, new sources.RawSource(code));
          } catch (error) {
            compilation.errors.push(new WebpackError(`${this.asset}: ${error.message}`));
          }
        },
      );
    });
  }
}

module.exports = { Es2016GuardPlugin, toEs2016Script, checkEs2016 };
