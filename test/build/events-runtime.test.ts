import { parseSync, traverse } from "@babel/core";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { loadDemoDirectory, startFakeGraph, type FakeGraph } from "../../src/fake-graph";
import { DEMO_TOKEN } from "../../src/fake-graph/tokens";
import { startHost, type HostServer } from "../app/host-server";
import {
  ABSENT_GLOBALS,
  startOutlook,
  type DraftSetup,
  type Outlook,
  type Recipient,
} from "./events-runtime";
import { runBuild, tempOutDir } from "./run-build";

// The built events.js, end to end, in the runtime classic Outlook on Windows gives it (see
// ./events-runtime.ts for what that runtime holds and which parts of it are assumed): the real
// production build, a host serving config.json and policy.json, and the local Graph-compatible
// server on the demo directory. Each handler runs in a fresh runtime, as every event does there.
//
// A bundle that reads a missing global fails here: the read throws, and every case asserts the
// outcome it must reach (a figure that needs Graph, a header, an info bar), so an exception that
// ends in a fallback verdict does not pass for a decision. console.error and unhandled rejections
// are collected and must stay empty.

const ME = { emailAddress: "dr.amelia.hart@example.org", displayName: "Dr Amelia Hart" };
const CLIENT_ID = "00000000-0000-4000-8000-00000000c0de";
const HEADER = "X-Reach-Guard";
const INFO_BAR = "reachGuard";
/** The handler's own hard stop at send (src/events/handlers.ts, SEND_HARD_LIMIT_MS). */
const HARD_STOP_MS = 3500;

const ALL_STAFF: Recipient = {
  emailAddress: "everyone@example.org",
  displayName: "Everyone (all staff)",
  recipientType: "distributionList",
};
const CLINICAL_LEADS: Recipient = {
  emailAddress: "clinical-leads@example.org",
  displayName: "Clinical Leads",
  recipientType: "distributionList",
};
const COLLEAGUE: Recipient = {
  emailAddress: "sam.patel@example.org",
  displayName: "Sam Patel",
  recipientType: "user",
};

// directoryUnavailable differs from every other verdict a list can get here, so that the degraded
// path's answer cannot be mistaken for a decision that sized the list.
const POLICY = {
  warnAt: 50,
  blockAt: 5000,
  blockedAddresses: ["everyone@example.org"],
  unknownList: "warn",
  directoryUnavailable: "block",
};

const SEND = "onMessageSendHandler";
const COMPOSE_HANDLERS = [
  "onMessageComposeHandler",
  "onMessageRecipientsChangedHandler",
  "onMessageFromChangedHandler",
] as const;

let graph: FakeGraph;
let host: HostServer;
let code = "";
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
const started: Outlook[] = [];

beforeAll(async () => {
  graph = await startFakeGraph({ directory: loadDemoDirectory() });
  host = await startHost();
  host.files.set("config.json", {
    body: JSON.stringify({ clientId: CLIENT_ID, tenantId: "contoso.onmicrosoft.com", graphRoot: graph.url }),
  });
  host.files.set("policy.json", { body: JSON.stringify(POLICY) });
  const outDir = tempOutDir("events-runtime");
  const run = await runBuild([
    "--base-url",
    host.baseUrl,
    "--out",
    outDir,
    "--only",
    "events",
    "--no-cache",
    "--client-id",
    CLIENT_ID,
    "--tenant-id",
    "contoso.onmicrosoft.com",
  ]);
  if (run.code !== 0) throw new Error(`build failed (${run.code}):\n${run.stderr}`);
  code = readFileSync(join(outDir, "events.js"), "utf8");
  process.on("unhandledRejection", onUnhandled);
}, 180_000);

afterEach(() => {
  for (const outlook of started.splice(0)) outlook.dispose();
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await graph?.close();
  await host?.close();
});

function outlook(draft: Partial<DraftSetup>): Outlook {
  const one = startOutlook(
    code,
    { user: ME, mailbox: "1.15", nestedAppAuth: true, naaHost: {}, ...draft },
    (input, init) => fetch(input, init),
  );
  started.push(one);
  return one;
}

/** Nested app authentication unsupported (before Version 2409): no window, bridge or crypto either. */
const NO_NAA: Partial<DraftSetup> = { nestedAppAuth: false, naaHost: undefined };

async function send(draft: Partial<DraftSetup>) {
  const runtime = outlook(draft);
  // Watched past the hard stop, so that a second event.completed from its timer would be seen.
  const run = await runtime.dispatch(SEND, { watchUntilMs: HARD_STOP_MS + 300 });
  return { runtime, run };
}

/** What every handler run must show, whatever it decided. */
function expectCleanRun(runtime: Outlook, completions: readonly { at: number }[], limitMs: number): void {
  expect(completions).toHaveLength(1);
  expect(completions[0]!.at).toBeLessThanOrEqual(limitMs);
  expect(runtime.record.consoleErrors).toEqual([]);
  expect(unhandled).toEqual([]);
  const allowed = [`${host.baseUrl}/`, `${graph.url}/`];
  for (const { url } of runtime.record.fetched) {
    expect(allowed.some((prefix) => url.startsWith(prefix))).toBe(true);
  }
}

function graphCalls(runtime: Outlook) {
  return runtime.record.fetched.filter(({ url }) => url.startsWith(`${graph.url}/`));
}

describe("the runtime stand-in", () => {
  test("holds none of the web APIs the JavaScript-only runtime does not promise", () => {
    const context = createContext({});
    const present = ABSENT_GLOBALS.filter((name) => runInContext(`typeof ${name}`, context) !== "undefined");
    expect(present).toEqual([]);
    const runtime = outlook(NO_NAA);
    const leaked = ABSENT_GLOBALS.filter(
      (name) => runInContext(`typeof ${name}`, runtime.context) !== "undefined",
    );
    expect(leaked).toEqual([]);
  });
});

/** Every global the script names without declaring it (its free identifiers). */
function freeGlobals(script: string): string[] {
  const ast = parseSync(script, { sourceType: "script", babelrc: false, configFile: false });
  const names = new Set<string>();
  traverse(ast!, {
    ReferencedIdentifier(path) {
      const { name } = path.node as { name: string };
      if (!path.scope.hasBinding(name, true)) names.add(name);
    },
  });
  return [...names].sort();
}

// The missing web APIs events.js still names, each where only a browser gets to it. Anything new
// here needs the same review: remove it, guard it, or bind a stand-in (scripts/build/msal-event-bundle.js).
const REVIEWED_USES: Readonly<Record<string, string>> = {
  AbortController: "src/directory/graph/client.ts, behind typeof; the time-out race ends the call without it",
  window: "MSAL: behind typeof window, or on paths a runtime without window never starts (naa.ts catches)",
  document: "MSAL's standard controller and cookie storage: browsers only",
  BroadcastChannel: "MSAL's cross-tab account events: browsers only",
  Headers: "MSAL's network client for Entra ID: not used by nested app authentication",
  URLSearchParams: "MSAL's redirect and popup response parsing: left out of events.js",
};

describe("the built events.js", () => {
  test("names no web API the runtime lacks outside the reviewed uses", () => {
    const absent: readonly string[] = ABSENT_GLOBALS;
    const named = freeGlobals(code).filter((name) => absent.includes(name));
    expect(named.filter((name) => !(name in REVIEWED_USES))).toEqual([]);
  });
});

describe("loading events.js", () => {
  test("registers the four handlers at load and calls Office.onReady once, apart from them", () => {
    const runtime = outlook(NO_NAA);
    expect([...runtime.registered].sort()).toEqual([
      "onMessageComposeHandler",
      "onMessageFromChangedHandler",
      "onMessageRecipientsChangedHandler",
      "onMessageSendHandler",
    ]);
    expect(runtime.record.onReadyCalls).toBe(1);
    expect(runtime.record.fetched).toEqual([]);
  });

  test.each([
    ["is missing", "missing"],
    ["throws", "throws"],
  ] as const)("still registers when Office.onReady %s", (_, onReady) => {
    const runtime = outlook({ ...NO_NAA, onReady });
    expect(runtime.registered).toHaveLength(4);
    expect(runtime.record.onReadyCalls).toBe(onReady === "throws" ? 1 : 0);
  });
});

describe("with a token from nested app authentication", () => {
  test("(a) the all-staff list is blocked, without asking Graph", async () => {
    const { runtime, run } = await send({ to: [COLLEAGUE], cc: [ALL_STAFF] });
    expectCleanRun(runtime, run.completions, HARD_STOP_MS);
    const options = run.completions[0]!.options!;
    expect(options.allowEvent).toBe(false);
    expect(options.sendModeOverride).toBeUndefined();
    expect(options.errorMessage).toMatch(/Everyone \(all staff\)|everyone@example\.org/);
    expect(runtime.headers.get(HEADER)).toMatch(/^verdict=block; .*check=done$/);
  });

  test("(a) a list of blockAt people or more is blocked by its size, found through Graph", async () => {
    // The all-staff list named nowhere in the policy: only its size (MailTips) can block it.
    host.files.set("policy.json", { body: JSON.stringify({ ...POLICY, blockedAddresses: [] }) });
    try {
      const { runtime, run } = await send({ to: [ALL_STAFF] });
      expectCleanRun(runtime, run.completions, HARD_STOP_MS);
      expect(run.completions[0]!.options).toMatchObject({ allowEvent: false });
      expect(run.completions[0]!.options!.sendModeOverride).toBeUndefined();
      expect(runtime.headers.get(HEADER)).toMatch(
        /^verdict=block; reach=840000; accuracy=exact; .*check=done$/,
      );
      expect(runtime.record.bridgeRequests).toEqual(["GetInitContext", "GetToken"]);
      expect(graphCalls(runtime).length).toBeGreaterThan(0);
      for (const call of graphCalls(runtime)) expect(call.authorization).toBe(`Bearer ${DEMO_TOKEN}`);
    } finally {
      host.files.set("policy.json", { body: JSON.stringify(POLICY) });
    }
  });

  test("(b) one colleague is sent in silence: no alert, no header, no info bar", async () => {
    const { runtime, run } = await send({ to: [COLLEAGUE] });
    expectCleanRun(runtime, run.completions, HARD_STOP_MS);
    expect(run.completions[0]!.options).toEqual({ allowEvent: true });
    expect(runtime.headers.has(HEADER)).toBe(false);
    expect(runtime.notifications.size).toBe(0);
  });

  test("(c) the 300-person list gets a warning with Send anyway on Mailbox 1.15", async () => {
    const { runtime, run } = await send({ to: [CLINICAL_LEADS] });
    expectCleanRun(runtime, run.completions, HARD_STOP_MS);
    const options = run.completions[0]!.options!;
    expect(options).toMatchObject({
      allowEvent: false,
      sendModeOverride: "promptUser",
      commandId: "msgComposeOpenPaneButton",
    });
    expect(options.errorMessage).toMatch(/300 people/);
    expect(runtime.headers.get(HEADER)).toMatch(/^verdict=warn; reach=300; accuracy=exact; .*check=done$/);
    expect(runtime.record.bridgeRequests).toContain("GetToken");
  });

  test("(c) several lists at once: every Graph call has a token, the first and those from MSAL's cache", async () => {
    // From the second token on, MSAL matches its cached account by authority host, which needs URL.
    const lists = ["clinical-leads", "ward7-team", "north-region", "project-phoenix", "board-papers"];
    const { runtime, run } = await send({
      to: lists.map((name) => ({
        emailAddress: `${name}@example.org`,
        displayName: name,
        recipientType: "distributionList" as const,
      })),
    });
    expectCleanRun(runtime, run.completions, HARD_STOP_MS);
    expect(run.completions[0]!.options).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(runtime.headers.get(HEADER)).toMatch(
      /^verdict=warn; reach=\d+; accuracy=(exact|upper-bound); .*check=done$/,
    );
    expect(runtime.record.bridgeRequests.filter((method) => method === "GetToken").length).toBeGreaterThan(1);
    expect(graphCalls(runtime).length).toBeGreaterThan(1);
    for (const call of graphCalls(runtime)) expect(call.authorization).toBe(`Bearer ${DEMO_TOKEN}`);
  });

  test("(c) on Mailbox 1.12 the same warning carries only what 1.12 accepts", async () => {
    const { runtime, run } = await send({ mailbox: "1.12", to: [CLINICAL_LEADS] });
    expectCleanRun(runtime, run.completions, HARD_STOP_MS);
    expect(Object.keys(run.completions[0]!.options!).sort()).toEqual(["allowEvent", "errorMessage"]);
    expect(run.completions[0]!.options!.errorMessage).toMatch(/300 people/);
  });

  test.each(COMPOSE_HANDLERS)(
    "(c) %s shows the reach of the 300-person list in the info bar",
    async (name) => {
      const runtime = outlook({ to: [CLINICAL_LEADS] });
      const run = await runtime.dispatch(name);
      expectCleanRun(runtime, run.completions, 10_000);
      expect(run.completions[0]!.options).toBeUndefined();
      expect(runtime.notifications.get(INFO_BAR)?.message).toMatch(/300 people/);
    },
  );

  test.each(COMPOSE_HANDLERS)("(b) %s shows nothing for one colleague", async (name) => {
    const runtime = outlook({ to: [COLLEAGUE] });
    const run = await runtime.dispatch(name);
    expectCleanRun(runtime, run.completions, 10_000);
    expect(runtime.notifications.size).toBe(0);
  });
});

// Where no token can be had. Outlook before Version 2409 reports no NestedAppAuth 1.1 and has no
// bridge; a client may also claim the set yet lack MSAL's needs (no bridge, or no crypto), or its
// broker may refuse a silent token. In every one, MSAL must end in "no token", never in an uncaught
// error, and people Outlook vouches for are sent without an alert.
const DEGRADED: readonly [string, Partial<DraftSetup>][] = [
  ["NestedAppAuth 1.1 unsupported", NO_NAA],
  ["NestedAppAuth 1.1 claimed, no window or bridge", { naaHost: undefined }],
  ["NestedAppAuth 1.1 claimed, a window without the bridge", { naaHost: { bridge: false } }],
  ["NestedAppAuth 1.1 claimed, a bridge without crypto", { naaHost: { crypto: false } }],
  ["the broker refuses a silent token", { naaHost: { refuseTokens: true } }],
];

describe("(d) without a token", () => {
  test.each(DEGRADED)("%s", async (_, setup) => {
    // The three sends in their own runtimes at once: one watch past the hard stop covers them all.
    const [colleague, allStaff, list] = await Promise.all([
      send({ ...setup, to: [COLLEAGUE] }),
      send({ ...setup, to: [COLLEAGUE], cc: [ALL_STAFF] }),
      send({ ...setup, to: [CLINICAL_LEADS] }),
    ]);

    // One colleague: sent silently, with no header and no call to Graph.
    expectCleanRun(colleague.runtime, colleague.run.completions, HARD_STOP_MS);
    expect(colleague.run.completions[0]!.options).toEqual({ allowEvent: true });
    expect(colleague.runtime.headers.has(HEADER)).toBe(false);
    expect(graphCalls(colleague.runtime)).toEqual([]);

    // The all-staff list: still blocked.
    expectCleanRun(allStaff.runtime, allStaff.run.completions, HARD_STOP_MS);
    expect(allStaff.run.completions[0]!.options).toMatchObject({ allowEvent: false });
    expect(allStaff.run.completions[0]!.options!.sendModeOverride).toBeUndefined();
    expect(allStaff.runtime.headers.get(HEADER)).toMatch(/^verdict=block; /);

    // A distribution list: the policy's directoryUnavailable verdict (block here), its size unknown.
    expectCleanRun(list.runtime, list.run.completions, HARD_STOP_MS);
    expect(list.run.completions[0]!.options).toMatchObject({ allowEvent: false });
    expect(list.run.completions[0]!.options!.sendModeOverride).toBeUndefined();
    expect(list.runtime.headers.get(HEADER)).toMatch(/^verdict=block; reach=unknown; /);
    expect(graphCalls(list.runtime)).toEqual([]);

    // While composing to one colleague: no info bar.
    const composing = outlook({ ...setup, to: [COLLEAGUE] });
    const run = await composing.dispatch("onMessageComposeHandler");
    expectCleanRun(composing, run.completions, 10_000);
    expect(composing.notifications.size).toBe(0);
  });
});
