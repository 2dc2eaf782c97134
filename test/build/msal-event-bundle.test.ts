import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { webcrypto } from "node:crypto";
import { createRequire } from "node:module";
import { createContext, runInContext, type Context } from "node:vm";
import type { Compiler, Configuration } from "webpack";
import { createNaaBroker } from "../../src/playground/host/naa-broker";
import { DEMO_TOKEN } from "../../src/fake-graph/tokens";
import { eventsConfigFor, runWebpack } from "./event-fixture";
import { ROOT } from "./run-build";

// The event bundle carries MSAL without the parts a silent Bearer token request never reaches
// (scripts/build/msal-event-bundle.js). src/auth/naa.ts is built alone twice with the event
// bundle's configuration, once as shipped and once with the whole of MSAL, and both run in a plain
// JavaScript context: every way a silent token request can end must be the same in both.

const ENTRY = join(__dirname, "fixtures", "naa-entry.ts");
const quiet = { log() {}, info() {}, warn() {}, error() {}, debug() {} };
type Build = "trimmed" | "whole";
const code: Record<Build, string> = { trimmed: "", whole: "" };
/** The files each build compiled, by path under node_modules. */
const compiled: Record<Build, string[]> = { trimmed: [], whole: [] };

const { LEFT_OUT } = createRequire(__filename)("../../scripts/build/msal-event-bundle.js") as {
  LEFT_OUT: { module: string; stub: string }[];
};

/** The build's configuration, noting in `into` every file it compiles. */
function recording(config: Configuration, into: string[]): Configuration {
  const recorder = {
    apply(compiler: Compiler) {
      compiler.hooks.thisCompilation.tap("Recorder", (compilation) =>
        compilation.hooks.finishModules.tap("Recorder", (modules) => {
          for (const module of modules) {
            const resource = (module as { resource?: string }).resource?.replace(/\\/g, "/");
            if (resource) into.push(resource.replace(/^.*\/node_modules\//, ""));
          }
        }),
      );
    },
  };
  return { ...config, plugins: [...(config.plugins ?? []), recorder] };
}

beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), "reach-guard-msal-"));
  await runWebpack([
    recording(eventsConfigFor(ENTRY, join(folder, "trimmed"), { name: "trimmed" }), compiled.trimmed),
    recording(
      eventsConfigFor(ENTRY, join(folder, "whole"), { name: "whole", leaveOut: ["MsalEventBundlePlugin"] }),
      compiled.whole,
    ),
  ]);
  code.trimmed = readFileSync(join(folder, "trimmed", "events.js"), "utf8");
  code.whole = readFileSync(join(folder, "whole", "events.js"), "utf8");
}, 150_000);

class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

/** Outlook's side of nested app authentication, from the playground; `refused` as its "No token" switch. */
function naaBridge(state: { refused: boolean }) {
  const broker = createNaaBroker({
    account: { username: "adele@example.org", name: "Adele" },
    tokenRefused: () => state.refused,
    signedIn: () => (state.refused = false),
  });
  const listeners = new Set<(response: string) => void>();
  return {
    addEventListener: (_: string, listener: (response: string) => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: (response: string) => void) => listeners.delete(listener),
    postMessage: (message: string) => {
      const response = broker.handle(message);
      setTimeout(() => listeners.forEach((listener) => listener(response)));
    },
  };
}

type Runtime = "javascript-only" | "browser, no bridge" | "browser, bridge" | "browser, bridge refusing";

/** The bundle in a fresh context: the JavaScript-only runtime has no window; a browser runtime has one. */
function start(bundle: string, runtime: Runtime, session = new MemoryStorage()): Context {
  const globals: Record<string, unknown> = { console: quiet, setTimeout, clearTimeout };
  if (runtime !== "javascript-only") {
    Object.assign(globals, {
      crypto: webcrypto,
      TextEncoder,
      TextDecoder,
      atob,
      btoa,
      URL,
      performance,
      sessionStorage: session,
      localStorage: new MemoryStorage(),
      location: new URL("https://host.example.org/rg/commands.html"),
      document: { cookie: "", addEventListener() {}, removeEventListener() {} },
      navigator: { userAgent: "test" },
      addEventListener() {},
      removeEventListener() {},
    });
    if (runtime !== "browser, no bridge") {
      globals.nestedAppAuthBridge = naaBridge({ refused: runtime === "browser, bridge refusing" });
    }
  }
  const context = createContext(globals);
  if (runtime !== "javascript-only") runInContext("this.window = this.self = this;", context);
  runInContext(bundle, context);
  return context;
}

const call = (context: Context, what: string) =>
  runInContext(what, context) as Promise<Record<string, unknown>>;

describe("a silent token request in events.js ends as with the whole of MSAL", () => {
  test.each<[Runtime, Record<string, unknown>]>([
    ["browser, bridge", { token: DEMO_TOKEN }],
    [
      "browser, bridge refusing",
      { name: "TokenUnavailableError", reason: "interaction-required", cause: "interaction_required" },
    ],
    [
      // MSAL's standard controller, where Outlook offers no nested app authentication.
      "browser, no bridge",
      { name: "TokenUnavailableError", reason: "interaction-required", cause: "no_account_error" },
    ],
    [
      "javascript-only",
      { name: "TokenUnavailableError", reason: "failed", cause: "non_browser_environment" },
    ],
  ])("%s", async (runtime, expected) => {
    const trimmed = await call(start(code.trimmed, runtime), 'silentToken(["Mail.Read"])');
    const whole = await call(start(code.whole, runtime), 'silentToken(["Mail.Read"])');
    expect(trimmed).toMatchObject(expected);
    expect(trimmed).toEqual(whole);
  });

  test("a token after a refusal comes through the bridge once it answers again", async () => {
    const context = start(code.trimmed, "browser, bridge refusing");
    expect(await call(context, 'silentToken(["Mail.Read"])')).toMatchObject({
      reason: "interaction-required",
    });
    expect(await call(context, 'signIn(["Mail.Read"])')).toEqual({ signedIn: true });
    expect(await call(context, 'silentToken(["Mail.Read"])')).toEqual({ token: DEMO_TOKEN });
  });
});

test("without the bridge, a token Outlook's bridge left in MSAL's cache is found as with the whole of MSAL", async () => {
  // The standard controller's silent cache lookup: account, authority (with its region discovery),
  // stub server telemetry, token-binding key manager and the answer built from the cached token.
  const outcomes: Record<Build, unknown> = { trimmed: null, whole: null };
  for (const build of ["trimmed", "whole"] as const) {
    const session = new MemoryStorage();
    const bridged = start(code[build], "browser, bridge", session);
    expect(await call(bridged, 'silentToken(["Mail.Read"])')).toEqual({ token: DEMO_TOKEN });
    // The demo broker's tokens live a minute, inside MSAL's renewal window: an hour more keeps the
    // lookup in the cache instead of going on to the refresh token the bridge never leaves.
    const later = String(Math.floor(Date.now() / 1000) + 3600);
    const keys = Array.from({ length: session.length }, (_, index) => session.key(index)!);
    const accessTokens = keys.filter((key) => /accesstoken/i.test(key));
    expect(accessTokens).toHaveLength(1);
    const entry = JSON.parse(session.getItem(accessTokens[0]!)!) as Record<string, unknown>;
    session.setItem(
      accessTokens[0]!,
      JSON.stringify({ ...entry, expiresOn: later, extendedExpiresOn: later }),
    );
    outcomes[build] = await call(
      start(code[build], "browser, no bridge", session),
      'silentToken(["Mail.Read"])',
    );
  }
  expect(outcomes.trimmed).toEqual({ token: DEMO_TOKEN });
  expect(outcomes.trimmed).toEqual(outcomes.whole);
});

test("without the bridge, a sign-in in events.js fails with words that say why", async () => {
  const outcome = await call(start(code.trimmed, "browser, no bridge"), 'signIn(["Mail.Read"])');
  expect(outcome).toMatchObject({
    name: "EventBundleError",
    message: expect.stringMatching(/^MSAL's popup sign-in is not part of events\.js/),
  });
});

test.each(LEFT_OUT.map(({ module, stub }) => [module, relative(ROOT, stub)]))(
  "%s is left out of events.js for %s",
  (module) => {
    // Compiled into the whole of MSAL's build, or the entry is stale and saves nothing.
    expect(compiled.whole).toContain(module);
    expect(compiled.trimmed).not.toContain(module);
  },
);

test("a left-out module reached other than through MSAL's own imports fails the build", async () => {
  const folder = mkdtempSync(join(tmpdir(), "reach-guard-msal-guard-"));
  const entry = join(
    ROOT,
    "node_modules",
    "@azure",
    "msal-common",
    "dist-browser",
    "client",
    "AuthorizationCodeClient.mjs",
  );
  await expect(runWebpack(eventsConfigFor(entry, folder))).rejects.toThrow(
    "MsalEventBundlePlugin: @azure/msal-common/dist-browser/client/AuthorizationCodeClient.mjs reached the event bundle",
  );
}, 150_000);

test("the trimmed MSAL is much smaller", () => {
  expect(code.trimmed.length).toBeLessThan(code.whole.length * 0.7);
});

/** Source files under `dir`, without the task pane and playground, which are not in events.js. */
function eventBundleSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return /[\\/]src[\\/](taskpane|playground)$/.test(path) ? [] : eventBundleSources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

test("the event bundle's code asks MSAL only for what scripts/build/msal/nested-entry.mjs gives", () => {
  const entry = readFileSync(join(ROOT, "scripts", "build", "msal", "nested-entry.mjs"), "utf8");
  const given = [...entry.matchAll(/export \{([^}]*)\}/g)].flatMap((match) =>
    match[1]!.split(",").map((name) => name.trim()),
  );
  const asked = new Map<string, string[]>();
  for (const file of eventBundleSources(join(ROOT, "src"))) {
    const source = readFileSync(file, "utf8");
    const names: string[] = [];
    for (const match of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+"@azure\/msal-browser"/g)) {
      if (!match[1]) names.push(...match[2]!.split(",").map((name) => name.trim().split(/\s+as\s+/)[0]!));
    }
    for (const match of source.matchAll(
      /(?:const|let)\s+(\w+)\s*=\s*await\s+import\("@azure\/msal-browser"\)/g,
    )) {
      names.push(...[...source.matchAll(new RegExp(`\\b${match[1]}\\.(\\w+)`, "g"))].map((use) => use[1]!));
    }
    const other =
      /import\s+\*\s+as\s+\w+\s+from\s+"@azure\/msal-browser"|require\("@azure\/msal-browser"\)/.test(source);
    if (other) names.push("(a whole-namespace import)");
    if (names.length > 0) asked.set(relative(ROOT, file), [...new Set(names)]);
  }
  expect(given).toEqual(["createNestablePublicClientApplication"]);
  expect([...asked.keys()]).toEqual(["src/auth/naa.ts"]);
  for (const [file, names] of asked)
    expect({ file, missing: names.filter((name) => !given.includes(name)) }).toEqual({ file, missing: [] });
});

test("the event bundle's code sets none of the MSAL options that would need a left-out module", () => {
  // Each brings back a module scripts/build/msal/options-stubs.mjs, token-binding-stubs.mjs or
  // interactive-stubs.mjs stands in for (see scripts/build/msal-event-bundle.js).
  const options = [
    "serverTelemetryEnabled",
    "cacheLocation",
    "authenticationScheme",
    "azureRegionConfiguration",
    "navigatePopups",
    "allowPlatformBroker",
  ];
  const setting = eventBundleSources(join(ROOT, "src")).flatMap((file) => {
    const source = readFileSync(file, "utf8");
    return options
      .filter((option) => source.includes(option))
      .map((option) => `${relative(ROOT, file)}: ${option}`);
  });
  expect(setting).toEqual([]);
  // The scan reads the file that configures MSAL.
  expect(eventBundleSources(join(ROOT, "src")).map((file) => relative(ROOT, file))).toContain(
    "src/auth/msal.ts",
  );
});
