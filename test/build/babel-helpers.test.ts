import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { transformSync } from "@babel/core";
import { eventsConfigFor, runWebpack } from "./event-fixture";

// events.js holds one copy of each Babel helper, imported from @babel/runtime by the modules that
// need it (@babel/plugin-transform-runtime in webpack.config.js), instead of a copy in every module.

const load = createRequire(__filename);

const RUNTIME_VERSION = (load("@babel/runtime/package.json") as { version: string }).version;

function transform(code: string, sourceType: "module" | "unambiguous") {
  return (
    transformSync(code, {
      babelrc: false,
      configFile: false,
      sourceType,
      presets: [["@babel/preset-env", { targets: { chrome: "52", edge: "14" }, modules: false }]],
      plugins: [
        [
          "@babel/plugin-transform-runtime",
          { corejs: false, helpers: true, regenerator: true, version: RUNTIME_VERSION },
        ],
      ],
    })?.code ?? ""
  );
}

describe("the Babel setting", () => {
  test("an ES module imports each helper it needs, once, instead of carrying it", () => {
    const code = transform(
      "export async function f(a) { const b = { ...a }; for (const x of a.list) await x; return { ...b }; }",
      "module",
    );
    const imports = code.match(/^import \w+ from "@babel\/runtime\/helpers\/\w+";$/gm) ?? [];
    expect(imports.map((line) => line.replace(/^import \w+ from /, ""))).toEqual(
      expect.arrayContaining([
        '"@babel/runtime/helpers/asyncToGenerator";',
        '"@babel/runtime/helpers/objectSpread2";',
        '"@babel/runtime/helpers/createForOfIteratorHelper";',
      ]),
    );
    expect(new Set(imports).size).toBe(imports.length);
    expect(code).not.toMatch(/function _(asyncToGenerator|objectSpread2|createForOfIteratorHelper)\b/);
  });

  test("a CommonJS file requires them", () => {
    const code = transform("module.exports = function (a) { return { ...a }; };", "unambiguous");
    expect(code).not.toContain("import ");
    expect(code).toMatch(/require\("@babel\/runtime\/helpers\/objectSpread2"\)/);
    expect(code).not.toMatch(/function _objectSpread\b/);
  });
});

describe("built as the event bundle is", () => {
  let bundle = "";

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), "reach-guard-helpers-"));
    await runWebpack(eventsConfigFor(join(__dirname, "fixtures", "helpers", "entry.ts"), out));
    bundle = readFileSync(join(out, "events.js"), "utf8");
  }, 60_000);

  test("modules that share helpers behave as written", async () => {
    const context = createContext({});
    runInContext(bundle, context);
    const results = await (runInContext("results()", context) as Promise<unknown>);
    expect(JSON.parse(JSON.stringify(results))).toEqual({
      merged: { rest: { a: 1, b: 2 }, drop: "x", symbols: 1 },
      walked: [
        [3, 4],
        [5, 6],
        [1, 2],
      ],
      failed: "no",
      spread: ["a=1", "b=2"],
    });
  });

  test("each helper is in the bundle once", () => {
    // Texts from inside the for-of helper and the property-key helper that object spread uses.
    expect(bundle.split("Invalid attempt to iterate non-iterable instance").length - 1).toBe(1);
    expect(bundle.split("@@toPrimitive must return a primitive value").length - 1).toBe(1);
  });
});
