import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse, type Node } from "acorn";
import { urlsIn } from "../manifest/checks";
import { parseXml } from "../manifest/xml";
import { loadEventBundle } from "./events-vm";
import { ROOT, runBuild, tempOutDir, type BuildRun } from "./run-build";

// `npm run build` as an admin runs it, once for the whole file, into a temporary folder.

const BASE = "https://host.example.org/reach-guard";
const CLIENT_ID = "6f1c3a52-94d4-4c55-9d5e-3b1b4bdf0e21";
const outDir = tempOutDir("build");
let run: BuildRun;

function read(file: string): string {
  return readFileSync(join(outDir, file), "utf8");
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(outDir, path)];
  });
}

/** Every node of an ESTree (iterative: a whole bundle is too deep and too wide for recursion). */
function nodes(root: Node): Node[] {
  const found: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    found.push(node);
    for (const value of Object.values(node) as unknown[]) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item && typeof item === "object" && typeof (item as Node).type === "string")
          stack.push(item as Node);
      }
    }
  }
  return found;
}

beforeAll(async () => {
  run = await runBuild([
    "--base-url",
    `${BASE}/`,
    "--out",
    outDir,
    "--no-playground",
    "--no-cache",
    "--send-mode",
    "Block",
    "--version",
    "2.3.4",
    "--client-id",
    CLIENT_ID,
    "--tenant-id",
    "contoso.onmicrosoft.com",
  ]);
}, 150_000);

test("the build succeeds and reports the bundle sizes", () => {
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/events\.js +[\d.]+ KB, [\d.]+ KB gzip/);
});

test("dist/ holds the pages, bundles, manifest, deployment files and icons, and nothing else", () => {
  const files = filesUnder(outDir).sort();
  expect(files).toEqual(
    expect.arrayContaining([
      ".well-known/microsoft-officeaddins-allowed.json",
      "assets/icon-128.png",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
      "commands.html",
      "config.json",
      "events.js",
      "manifest.xml",
      "policy.json",
      "support.html",
      "taskpane.html",
      "taskpane.js",
    ]),
  );
  // One event bundle: no split chunks or runtime chunk beside it, no source map for it. The task
  // pane's later chunks (MSAL, and Welsh for a pane that speaks it) sit in their own folder.
  expect(files.filter((file) => file.endsWith(".js") && !file.startsWith("taskpane-chunks/"))).toEqual([
    "events.js",
    "taskpane.js",
  ]);
  expect(files.filter((file) => file.startsWith("taskpane-chunks/") && file.endsWith(".js"))).toEqual([
    expect.stringMatching(/^taskpane-chunks\/cy-GB\.[0-9a-f]{8}\.js$/),
    expect.stringMatching(/^taskpane-chunks\/msal\.[0-9a-f]{8}\.js$/),
  ]);
  expect(files.filter((file) => file.startsWith("playground/"))).toEqual([]);
});

test("every manifest URL is on the base URL, and the version and send mode are the ones asked for", () => {
  const manifest = parseXml(read("manifest.xml"));
  const urls = urlsIn(manifest);
  expect(urls.length).toBeGreaterThan(10);
  expect(urls.filter((url) => !url.startsWith(`${BASE}/`) && url !== "https://host.example.org")).toEqual([]);
  expect(read("manifest.xml")).toContain("<Version>2.3.4</Version>");
  expect(read("manifest.xml")).toMatch(/<LaunchEvent Type="OnMessageSend" [^>]*SendMode="Block"/);
});

test("the well-known file lists the event bundle, in the shape Office expects", () => {
  expect(JSON.parse(read(".well-known/microsoft-officeaddins-allowed.json"))).toEqual({
    allowed: [`${BASE}/events.js`],
  });
});

test("config.json carries the deployment settings and policy.json the default policy", () => {
  expect(JSON.parse(read("config.json"))).toEqual({
    clientId: CLIENT_ID,
    tenantId: "contoso.onmicrosoft.com",
    graphRoot: "https://graph.microsoft.com",
    authority: "https://login.microsoftonline.com",
  });
  const policy = JSON.parse(readFileSync(join(ROOT, "config", "policy.json"), "utf8"));
  expect(JSON.parse(read("policy.json"))).toEqual(policy);
});

test("the pages load Office.js from Microsoft's CDN before the add-in's own script", () => {
  const office = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  for (const [page, script] of [
    ["commands.html", "events.js"],
    ["taskpane.html", "taskpane.js"],
  ] as const) {
    const html = read(page);
    const officeAt = html.search(new RegExp(`<script[^>]*src="?${office.replace(/[./]/g, "\\$&")}`));
    const scriptAt = html.search(new RegExp(`<script[^>]*src="?${script.replace(".", "\\.")}`));
    expect({ page, officeAt: officeAt >= 0, scriptAt: scriptAt > officeAt }).toEqual({
      page,
      officeAt: true,
      scriptAt: true,
    });
  }
});

describe("events.js", () => {
  test("has no dev-server, hot-reload or source-map code", () => {
    const code = read("events.js");
    for (const text of [
      "webpack-dev-server",
      "HotModuleReplacement",
      "webpackHotUpdate",
      "sockjs",
      "sourceMappingURL",
    ]) {
      expect({ text, found: code.includes(text) }).toEqual({ text, found: false });
    }
  });

  test("parses as an ES2016 script (no async/await, ?., ??, object spread) with no conditional operator", () => {
    const code = read("events.js");
    const ast = parse(code, { ecmaVersion: 2016, sourceType: "script" });
    const conditionals = nodes(ast).filter((node) => node.type === "ConditionalExpression");
    expect(conditionals).toHaveLength(0);
  });

  test("loads without window, document or localStorage and registers its handlers", () => {
    const { registered, error } = loadEventBundle(read("events.js"));
    expect(error).toBeNull();
    expect([...registered].sort()).toEqual([
      "onMessageComposeHandler",
      "onMessageFromChangedHandler",
      "onMessageRecipientsChangedHandler",
      "onMessageSendHandler",
    ]);
  });
});

describe("bad options stop the build with one line and exit code 2", () => {
  test.each([
    [["--base-url", "http://host.example.org/reach-guard"], /must use https/],
    [["--base-url", "https://host.example.org/x?y=1"], /must not contain a query/],
    [
      ["--base-url", BASE, "--send-mode", "Sometimes"],
      /--send-mode must be one of SoftBlock, PromptUser, Block/,
    ],
    [["--base-url", BASE, "--version", "1.2.3.4.5"], /--version must look like/],
    [["--base-url", BASE, "--client-id", "not-a-guid"], /clientId must be the app registration's client id/],
    [["--base-url", BASE, "--graph-root", "http://[::1]"], /graphRoot must be a Microsoft Graph root/],
    [["--send-mode", "Block"], /a base URL is required/],
    [["--base-url", BASE, "--unknown"], /Unknown option '--unknown'/],
  ])("%j", async (args, message) => {
    const bad = await runBuild([...args, "--out", tempOutDir("bad")], 30_000);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(message);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
