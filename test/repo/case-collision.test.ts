import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { caseCollisions, describeCollision, projectFiles } from "../../scripts/case-collisions";

// Two files whose paths differ only in case are one file on Windows and macOS, and two modules in
// one folder whose names differ only in case (fixes.ts beside Fixes.tsx) make an import ambiguous
// there. Neither may be in the repository.

const ROOT = join(__dirname, "..", "..");

describe("the repository", () => {
  test("has no paths, folders or module names that differ only in case", () => {
    const files = projectFiles(ROOT);
    // The listing found the project, not an empty or wrong folder.
    expect(files).toEqual(expect.arrayContaining(["package.json", "scripts/case-collisions.js"]));
    expect(files.some((file) => file.startsWith("node_modules/"))).toBe(false);
    expect(caseCollisions(files).map(describeCollision)).toEqual([]);
  });
});

describe("caseCollisions", () => {
  test("flags modules in one folder whose names differ only in case, whatever their extensions", () => {
    expect(caseCollisions(["src/a/fixes.ts", "src/a/Fixes.tsx", "src/a/other.ts"])).toEqual([
      { kind: "import", paths: ["src/a/Fixes.tsx", "src/a/fixes.ts"] },
    ]);
    expect(caseCollisions(["a/Options.d.ts", "a/options.js"])).toEqual([
      { kind: "import", paths: ["a/Options.d.ts", "a/options.js"] },
    ]);
    expect(caseCollisions(["a/Data.json", "a/data.ts", "a/DATA.mjs"])).toEqual([
      { kind: "import", paths: ["a/DATA.mjs", "a/Data.json", "a/data.ts"] },
    ]);
  });

  test("flags whole paths that differ only in case, once, as a path collision", () => {
    expect(caseCollisions(["README.md", "readme.md", "src/x.ts"])).toEqual([
      { kind: "path", paths: ["README.md", "readme.md"] },
    ]);
    expect(caseCollisions(["src/a/Fixes.ts", "src/a/fixes.ts"])).toEqual([
      { kind: "path", paths: ["src/a/Fixes.ts", "src/a/fixes.ts"] },
    ]);
  });

  test("flags folders whose paths differ only in case", () => {
    expect(caseCollisions(["src/Taskpane/a.ts", "src/taskpane/b.ts"])).toEqual([
      { kind: "folder", paths: ["src/Taskpane", "src/taskpane"] },
    ]);
  });

  test("lets through what does not collide", () => {
    expect(
      caseCollisions([
        // The same name with another extension: one import specifier, two files.
        "scripts/build/options.js",
        "scripts/build/options.d.ts",
        // Names equal ignoring case, but in different folders.
        "src/a/fixes.ts",
        "src/b/Fixes.tsx",
        // Not modules: nothing imports them without their extension.
        "docs/Notes.md",
        "docs/notes.txt",
        // Different names.
        "src/taskpane/fix-plans.ts",
        "src/taskpane/Fixes.tsx",
      ]),
    ).toEqual([]);
    expect(caseCollisions([])).toEqual([]);
  });

  test("reads Windows separators and ignores a path listed twice", () => {
    expect(caseCollisions(["a\\fixes.ts", "a/fixes.ts"])).toEqual([]);
    expect(caseCollisions(["a\\fixes.ts", "a/Fixes.tsx"])).toEqual([
      { kind: "import", paths: ["a/Fixes.tsx", "a/fixes.ts"] },
    ]);
  });

  test("names the paths and the reason", () => {
    expect(describeCollision({ kind: "import", paths: ["a/Fixes.tsx", "a/fixes.ts"] })).toBe(
      "a/Fixes.tsx, a/fixes.ts: module names differ only in case: an import of either is ambiguous on Windows and macOS",
    );
  });
});

describe("projectFiles", () => {
  function folder(files: readonly string[]): string {
    const root = mkdtempSync(join(tmpdir(), "reach-guard-case-"));
    for (const file of files) {
      mkdirSync(join(root, file, ".."), { recursive: true });
      writeFileSync(join(root, file), "");
    }
    return root;
  }

  test("without git, walks the tree and skips dependencies, build and test output", () => {
    const root = folder(["src/a.ts", "node_modules/x/index.js", "dist/events.js", "test-output/s.png"]);
    expect(projectFiles(root)).toEqual(["src/a.ts"]);
  });

  test("in a repository, lists tracked and new files but not ignored or deleted ones", () => {
    const root = folder([".gitignore", "src/a.ts", "src/gone.ts", "src/new.ts", "dist/events.js"]);
    writeFileSync(join(root, ".gitignore"), "dist/\n");
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
    git("init", "-q");
    git("add", ".gitignore", "src/a.ts", "src/gone.ts");
    rmSync(join(root, "src", "gone.ts"));
    expect(projectFiles(root).sort()).toEqual([".gitignore", "src/a.ts", "src/new.ts"]);
  });
});
