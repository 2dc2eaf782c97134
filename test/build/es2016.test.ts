import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { toEs2016Script } from "../../scripts/build/es2016-guard";
import { ROOT } from "./run-build";

// The build's own ES2016 guard and prelude, tested directly (the built bundle is checked in build.test.ts).

describe("the ES2016 guard", () => {
  test.each([
    ["async function f() { await g(); }", /not ES2016/],
    ["const a = b?.c;", /not ES2016/],
    ["const a = b ?? c;", /not ES2016/],
    ["const a = { ...b };", /not ES2016/],
    ["try { f(); } catch { g(); }", /not ES2016/],
    ["const a = /(?<year>\\d{4})/;", /not ES2016/],
    ["module.hot && require('webpack-dev-server/client');", /dev-server\/HMR/],
  ])("rejects %s", (code, message) => {
    expect(() => toEs2016Script(code, { minified: true })).toThrow(message);
  });

  test("rewrites conditional operators without changing what they evaluate", () => {
    const source = `
      var calls = [];
      function t(v) { calls.push("t" + v); return v; }
      function f(name) { calls.push(name); return name; }
      var results = [
        t(1) ? f("a") : f("b"),
        t(0) ? f("c") : t("") ? f("d") : f("e"),
        (t(1) ? t(0) : f("x")) ? f("y") : f("z"),
        t(1) ? undefined : f("never"),
        t(0) ? f("never") : null,
      ];
      JSON.stringify({ results: results, calls: calls });
    `;
    const expected = runInContext(source, createContext({})) as string;
    const rewritten = toEs2016Script(source, { minified: false });
    expect(rewritten).not.toMatch(/\?[^)]*:/);
    expect(runInContext(rewritten, createContext({}))).toBe(expected);
  });
});

describe("the ES2016 prelude", () => {
  const prelude = readFileSync(join(ROOT, "scripts", "build", "es2016-prelude.js"), "utf8");

  test("fills in the later built-ins an ES2016 engine lacks, and they behave like the originals", () => {
    const context = createContext({});
    runInContext(
      `delete globalThis.globalThis; delete this.BigInt; delete Object.entries; delete Object.values;
       delete Object.fromEntries; delete Object.getOwnPropertyDescriptors; delete String.prototype.padStart;
       delete String.prototype.padEnd; delete String.prototype.trimStart; delete String.prototype.trimEnd;
       delete Array.prototype.flat; delete Array.prototype.flatMap; delete Promise.prototype.finally;`,
      context,
    );
    runInContext(toEs2016Script(prelude, { minified: true }), context);
    const results = runInContext(
      `JSON.stringify([
        typeof globalThis, BigInt("12"), Object.entries({ a: 1 }), Object.values({ a: 1, b: 2 }),
        Object.fromEntries(new Map([["k", "v"]])), Object.keys(Object.getOwnPropertyDescriptors({ x: 1 })),
        "5".padStart(3, "0"), "ab".padEnd(5, "xy"), "  a ".trimStart(), " a  ".trimEnd(),
        [1, [2, [3]]].flat(), [1, [2, [3]]].flat(Infinity), [1, 2].flatMap(function (x) { return [x, x * 10]; }),
        Object.keys(String.prototype).length, Object.keys(Array.prototype).length
      ])`,
      context,
    );
    expect(JSON.parse(results as string)).toEqual([
      "object",
      12,
      [["a", 1]],
      [1, 2],
      { k: "v" },
      ["x"],
      "005",
      "abxyx",
      "a ",
      " a",
      [1, 2, [3]],
      [1, 2, 3],
      [1, 10, 2, 20],
      0,
      0,
    ]);
  });

  test("Promise.prototype.finally runs the callback and passes the outcome through", async () => {
    const context = createContext({});
    runInContext("delete Promise.prototype.finally;", context);
    runInContext(prelude, context);
    const outcome = runInContext(
      `var seen = [];
       Promise.all([
         Promise.resolve(1).finally(function () { seen.push("ok"); }),
         Promise.reject(new Error("no")).finally(function () { seen.push("failed"); }).then(null, function (e) { return e.message; }),
       ]).then(function (values) { return JSON.stringify({ values: values, seen: seen }); })`,
      context,
    ) as Promise<string>;
    expect(JSON.parse(await outcome)).toEqual({ values: [1, "no"], seen: ["ok", "failed"] });
  });

  test("leaves built-ins that exist alone", () => {
    const context = createContext({});
    const before = runInContext(
      "[Object.entries, String.prototype.padStart, Promise.prototype.finally]",
      context,
    );
    runInContext(prelude, context);
    const after = runInContext(
      "[Object.entries, String.prototype.padStart, Promise.prototype.finally]",
      context,
    );
    expect(after).toEqual(before);
    expect((after as unknown[])[0]).toBe((before as unknown[])[0]);
  });
});
