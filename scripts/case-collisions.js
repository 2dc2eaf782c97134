#!/usr/bin/env node
// Paths that only a case-sensitive file system tells apart. On Windows and macOS (case-insensitive
// by default) two of them are one file, so a checkout silently loses one; and two modules in one
// folder whose names differ only in case (fixes.ts, Fixes.tsx) make `./fixes` and `./Fixes` resolve
// to whichever the disk finds first. `node scripts/case-collisions.js` lists them (exit code 1 when
// there are any); test/repo/case-collision.test.ts runs the same check under `npm test`.
const { execFileSync } = require("node:child_process");
const { existsSync, readdirSync } = require("node:fs");
const { join, relative } = require("node:path");

/** What an import without an extension can resolve to (webpack's resolve.extensions, TypeScript's). */
const MODULE_EXTENSION = /(\.d)?\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|json)$/i;
/** Never part of the project's own files, when there is no git to ask. */
const SKIPPED = new Set([".git", "node_modules", "dist", "test-output", "coverage"]);

function folderOf(path) {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

function nameOf(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Every folder a path lies in: `a/b/c.ts` gives `a` and `a/b`. */
function foldersOf(path) {
  const parts = path.split("/").slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join("/"));
}

/** Groups of distinct values that are equal once `key` is applied, each sorted, in a stable order. */
function clashes(values, key) {
  const groups = new Map();
  for (const value of new Set(values)) {
    const k = key(value);
    groups.set(k, [...(groups.get(k) ?? []), value]);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => group.sort())
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * The hazards in a list of repository paths (`/`-separated, relative to the root):
 * - `path`: files whose whole paths differ only in case (one file on a case-insensitive disk);
 * - `folder`: folders whose paths differ only in case (their files end up in one folder);
 * - `import`: modules in the same folder whose names without extension differ only in case
 *   (`a/fixes.ts`, `a/Fixes.tsx`): on disk they are two files, but `./fixes` is ambiguous.
 * Names that are equal, case included, never clash: `options.js` beside `options.d.ts` is fine.
 */
function caseCollisions(paths) {
  const files = [...new Set(paths.map((path) => path.replace(/\\/g, "/")))];
  const lower = (value) => value.toLowerCase();
  const found = [];
  for (const group of clashes(files, lower)) found.push({ kind: "path", paths: group });
  for (const group of clashes(files.flatMap(foldersOf), lower)) found.push({ kind: "folder", paths: group });
  const modules = files.filter((path) => MODULE_EXTENSION.test(path));
  const stem = (path) => nameOf(path).replace(MODULE_EXTENSION, "");
  const byFolder = new Map();
  for (const path of modules) byFolder.set(folderOf(path), [...(byFolder.get(folderOf(path)) ?? []), path]);
  for (const inFolder of byFolder.values()) {
    // Files whose stems are equal, case included, are one specifier: only a difference in case counts.
    const stems = new Map();
    for (const path of inFolder) stems.set(stem(path), [...(stems.get(stem(path)) ?? []), path]);
    for (const group of clashes([...stems.keys()], lower)) {
      const clashing = group.flatMap((name) => stems.get(name)).sort();
      // Already reported as the same path in two cases.
      if (clashes(clashing, lower).some((same) => same.length === clashing.length)) continue;
      found.push({ kind: "import", paths: clashing });
    }
  }
  return found;
}

const WHY = {
  path: "differ only in case: one file on Windows and macOS",
  folder: "folders differ only in case: one folder on Windows and macOS",
  import: "module names differ only in case: an import of either is ambiguous on Windows and macOS",
};

/** One line per collision, for a failing test or the command line. */
function describeCollision(collision) {
  return `${collision.paths.join(", ")}: ${WHY[collision.kind]}`;
}

function walk(root, dir = root) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(root, path);
    return [relative(root, path).split("\\").join("/")];
  });
}

/**
 * The project's files: what git tracks plus new files it does not ignore, less those deleted from
 * the work tree, so a collision shows before it is committed. Without git (or outside a
 * repository): every file under `root` but dependencies, build output and test output.
 */
function projectFiles(root) {
  let listed;
  try {
    listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return walk(root);
  }
  const paths = [...new Set(listed.split("\0").filter(Boolean))];
  return paths.filter((path) => existsSync(join(root, path)));
}

if (require.main === module) {
  const root = join(__dirname, "..");
  const found = caseCollisions(projectFiles(root));
  for (const collision of found) console.log(describeCollision(collision));
  if (found.length > 0) process.exitCode = 1;
  else console.log("case-collisions: none");
}

module.exports = { caseCollisions, describeCollision, projectFiles, MODULE_EXTENSION };
