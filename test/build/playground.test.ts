import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, tempOutDir } from "./run-build";

// The playground must work offline: it loads the local Office.js, which only starts when
// o15apptofilemappingtable.js sits beside it, and never Microsoft's CDN.

const outDir = tempOutDir("playground");

beforeAll(() => {
  const script = join(__dirname, "fixtures", "build-playground.js");
  const entry = join(__dirname, "fixtures", "playground-entry.tsx");
  const result = spawnSync(process.execPath, [script, entry, outDir], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`playground build failed:\n${result.stderr}`);
}, 150_000);

test("copies the local Office.js with its mapping table into playground/office/", () => {
  for (const file of ["office.js", "o15apptofilemappingtable.js"]) {
    const source = join(ROOT, "node_modules", "@microsoft", "office-js", "dist", file);
    expect(readFileSync(join(outDir, "playground", "office", file))).toEqual(readFileSync(source));
  }
});

test("the page loads office/office.js before playground.js and nothing from the CDN", () => {
  const html = readFileSync(join(outDir, "playground", "index.html"), "utf8");
  expect(html).not.toContain("appsforoffice.microsoft.com");
  const office = html.search(/<script[^>]*src="?office\/office\.js/);
  const playground = html.search(/<script[^>]*src="?playground\.js/);
  expect(office).toBeGreaterThanOrEqual(0);
  expect(playground).toBeGreaterThan(office);
  expect(existsSync(join(outDir, "playground", "playground.js"))).toBe(true);
});

test("offers the real task pane and event bundle on the local Office.js", () => {
  for (const [page, script] of [
    ["taskpane.html", "../taskpane.js"],
    ["commands.html", "../events.js"],
  ] as const) {
    const html = readFileSync(join(outDir, "playground", page), "utf8");
    expect(html).not.toContain("appsforoffice.microsoft.com");
    expect(html.indexOf('src="office/office.js"')).toBeGreaterThanOrEqual(0);
    expect(html.indexOf(`src="${script}"`)).toBeGreaterThan(html.indexOf('src="office/office.js"'));
  }
});
