import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

// Every sentence a clinician reads is put together in src/present, in the reader's language. This
// finds sentences written anywhere else in the add-in's source: string and template literals that
// read as prose (a capital, three words or more, a full stop, question or exclamation mark).

const ROOT = join(__dirname, "..", "..");
const SRC = join(ROOT, "src");

/**
 * Where English prose is allowed outside src/present, and why: none of it reaches a clinician.
 * Admins read policy and configuration errors (English, like the files they fix); the playground
 * and the local Graph server are development tools; Office and Graph errors go to logs only.
 */
const ADMIN_OR_TOOLING = [
  "src/present/",
  "src/playground/",
  "src/fake-graph/",
  "src/cli/args.ts",
  "src/cli/main.ts",
  "src/cli/check.ts",
  "src/core/policy.ts",
  "src/core/patterns.ts",
  "src/core/json.ts",
  "src/app/settings.ts",
  "src/app/host-config.ts",
  "src/directory/graph/roots.ts",
  // The errors Outlook itself gives, as the in-memory draft and the playground reproduce them.
  "src/office/outlook-rules.ts",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const PROSE = /^[A-Z][^\n]*?\s\S+\s\S+[^\n]*[.!?]$/;

function proseIn(path: string): string[] {
  const text = readFileSync(path, "utf8");
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (PROSE.test(node.text.trim())) found.push(node.text);
    } else if (ts.isTemplateExpression(node)) {
      const joined = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join("x");
      if (PROSE.test(joined.trim())) found.push(joined);
    } else if (ts.isJsxText(node)) {
      if (PROSE.test(node.text.trim())) found.push(node.text.trim());
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const files = sourceFiles(SRC).map((path) => relative(ROOT, path).split("\\").join("/"));
const checked = files.filter((path) => !ADMIN_OR_TOOLING.some((prefix) => path.startsWith(prefix)));

it("checks the add-in's own rooms", () => {
  for (const room of ["src/core/", "src/check/", "src/events/", "src/taskpane/", "src/office/"]) {
    expect(checked.some((path) => path.startsWith(room))).toBe(true);
  }
});

it.each(checked)("%s writes no sentence of its own", (path) => {
  expect(proseIn(join(ROOT, path))).toEqual([]);
});

it.each(checked)("%s reaches a language only through src/present/words", (path) => {
  const text = readFileSync(join(ROOT, path), "utf8");
  expect(text).not.toMatch(/from "[./]*present\/(en-GB|cy-GB)"/);
});

it("the scanner finds prose where there is some", () => {
  expect(proseIn(join(ROOT, "src/present/en-GB.ts")).length).toBeGreaterThan(20);
});
