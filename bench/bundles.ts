import { createRequire } from "node:module";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BENCH_CLIENT_ID, BENCH_TENANT, bundleContents, type Contents } from "./bundle-contents";
import type { Row } from "./table";

// Bundle sizes from the real production build (scripts/build.js), and what takes the space in them.

const BASE_URL = "https://host.example.org/reach-guard";
const build = createRequire(__filename)("../scripts/build.js") as { main(argv: string[]): Promise<number> };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Raw and gzip bytes, gzip at zlib's default level as scripts/build.js reports it. */
function sizes(path: string): { raw: number; gzip: number } {
  const code = readFileSync(path);
  return { raw: code.length, gzip: gzipSync(code).length };
}

/** scripts/build.js's main, its progress lines held back unless it fails. */
async function realBuild(outDir: string): Promise<void> {
  const printed: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void printed.push(args.join(" "));
  try {
    const code = await build.main([
      "--base-url",
      BASE_URL,
      "--client-id",
      BENCH_CLIENT_ID,
      "--tenant-id",
      BENCH_TENANT,
      "--out",
      outDir,
      "--no-playground",
    ]);
    if (code !== 0) throw new Error(`build exited ${code}:\n${printed.join("\n")}`);
  } finally {
    console.log = log;
  }
}

/** The scripts a page loads, in order. */
function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? "",
  );
}

/** The largest owners of a bundle's code as rows, their shares applied to the real file's sizes. */
function ownerRows(
  name: string,
  contents: Contents,
  real: { raw: number; gzip: number },
  shown: number,
): Row[] {
  const share = (count: number) => count / contents.total;
  const rest = contents.owners.slice(shown).reduce((sum, [, count]) => sum + count, 0);
  return [...contents.owners.slice(0, shown), ["everything else", rest] as const].map(([owner, count]) => ({
    what: `  ${name}: ${owner}`,
    value: `${(100 * share(count)).toFixed(0)} %`,
    detail: `~${kb(real.raw * share(count))} raw, ~${kb(real.gzip * share(count))} of the gzip`,
  }));
}

export async function benchBundles(): Promise<Row[]> {
  const folder = mkdtempSync(join(tmpdir(), "reach-guard-bench-"));
  try {
    const dist = join(folder, "dist");
    await realBuild(dist);
    const events = sizes(join(dist, "events.js"));
    const taskpane = sizes(join(dist, "taskpane.js"));
    const pageScripts = scriptsOf(readFileSync(join(dist, "taskpane.html"), "utf8"));
    const otherScripts = readdirSync(dist).filter(
      (file) => /\.js$/.test(file) && !/^(events|taskpane)\./.test(file),
    );
    const contents = await bundleContents(BASE_URL, join(folder, "mapped"), ["events", "taskpane"]);
    const eventsContents = contents.get("events")!;
    const taskpaneContents = contents.get("taskpane")!;
    const lazy = taskpaneContents.lazyChunks.map(
      (chunk) => `${chunk.files.join("+")} (${kb(chunk.size)} before minifying) on demand from ${chunk.from}`,
    );
    return [
      {
        what: "events.js size (production build)",
        value: `${kb(events.gzip)} gzip`,
        detail: `${kb(events.raw)} raw; target <= 100 KB gzip with the auth library inside`,
      },
      ...ownerRows("events.js", eventsContents, events, 7),
      {
        what: "  events.js: largest files",
        value: "",
        detail: eventsContents.files
          .slice(0, 5)
          .map(([file, count]) => `${file} ${kb(count)}`)
          .join(", "),
      },
      {
        what: "taskpane.js size (production build)",
        value: `${kb(taskpane.gzip)} gzip`,
        detail: `${kb(taskpane.raw)} raw; target <= 154 KB gzip for the first render`,
      },
      ...ownerRows("taskpane.js", taskpaneContents, taskpane, 5),
      {
        what: "  taskpane first render loads",
        value: "",
        detail:
          `${pageScripts.join(", ")}; ` +
          `other scripts built: ${otherScripts.length > 0 ? otherScripts.join(", ") : "none"}` +
          (lazy.length > 0 ? ` (${lazy.join("; ")})` : ""),
      },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
