import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { policyFileProblems, resolveOptions } from "../../scripts/build/options";
import {
  DEVELOPMENT_BASE_URL,
  escapeXml,
  MANIFEST,
  renderManifest,
} from "../../scripts/build/deployment-files";
import { parsePolicyText } from "../../src/core/policy";
import { ROOT } from "./run-build";

const NO_ENV = {};
const HOST = "https://host.example.org";
const CLIENT_ID = "0f8d2c4e-1b3a-4c5d-8e9f-a1b2c3d4e5f6";
const TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
/** What a hosted build needs for Graph: the app registration's two ids. */
const GRAPH = { clientId: CLIENT_ID, tenantId: TENANT_ID };

// The command line of `npm run build` (scripts/build.js is CommonJS without types).
const { parseCommandLine } = createRequire(__filename)("../../scripts/build.js") as {
  parseCommandLine(argv: string[]): { input: Record<string, string | boolean> };
};

/** The message resolveOptions throws for `input`, checked to be one line. */
function refusal(input: Record<string, string | boolean>, env: NodeJS.ProcessEnv = NO_ENV): string {
  try {
    resolveOptions(input, env);
  } catch (error) {
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe("resolveOptions", () => {
  test("defaults: SoftBlock, package version, dist/, support page on the base URL", () => {
    const options = resolveOptions({ baseUrl: "https://host.example.org/rg/", ...GRAPH }, NO_ENV);
    expect(options).toMatchObject({
      baseUrl: "https://host.example.org/rg",
      origin: "https://host.example.org",
      sendMode: "SoftBlock",
      supportUrl: "https://host.example.org/rg/support.html",
      outDir: join(ROOT, "dist"),
      graph: true,
      allowSendAnywayOnBlock: false,
      config: { clientId: CLIENT_ID, tenantId: TENANT_ID, graphRoot: "https://graph.microsoft.com" },
    });
    expect(options.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test("reads REACH_GUARD_* environment variables when no flag is given", () => {
    const options = resolveOptions(GRAPH, {
      REACH_GUARD_BASE_URL: "https://env.example.org",
      REACH_GUARD_SEND_MODE: "Block",
    });
    expect(options).toMatchObject({ baseUrl: "https://env.example.org", sendMode: "Block" });
  });

  test("allows http only on loopback hosts, for local playground builds", () => {
    expect(resolveOptions({ baseUrl: "http://localhost:3000" }, NO_ENV).local).toBe(true);
    expect(resolveOptions({ baseUrl: "http://127.0.0.1:3000/x" }, NO_ENV).baseUrl).toBe(
      "http://127.0.0.1:3000/x",
    );
    expect(() => resolveOptions({ baseUrl: "http://example.org" }, NO_ENV)).toThrow(/must use https/);
    expect(() => resolveOptions({ baseUrl: "ftp://example.org" }, NO_ENV)).toThrow(/must use https/);
  });

  test.each([
    [{ sendMode: "Maybe" }, /--send-mode/],
    [{ version: "1.2.3.4.5" }, /--version/],
    [{ version: "123456" }, /--version/],
    [
      { clientId: "abc" },
      /^config\.json clientId must be the app registration's client id \(a GUID\) or empty/,
    ],
    [{ tenantId: "not a tenant" }, /^config\.json tenantId must be common, organizations/],
    [{ graphRoot: "http://graph.example.org" }, /^config\.json graphRoot must be a Microsoft Graph root/],
    // The same rule as the add-in and the Graph client: these once passed the build and broke the add-in.
    [{ graphRoot: "http://[::1]" }, /graphRoot must be a Microsoft Graph root/],
    [{ graphRoot: "https://graph.microsoft.com/v1.0" }, /graphRoot must be a Microsoft Graph root/],
    [{ authority: "https://login.microsoftonline.com?x=1" }, /authority must be an https URL/],
    [{ supportUrl: "http://help.example.org" }, /--support-url must use https/],
  ])("rejects %j", (input, message) => {
    expect(() => resolveOptions({ baseUrl: "https://host.example.org", ...input }, NO_ENV)).toThrow(message);
  });
});

describe("a hosted build names its app registration, or says it does without Graph", () => {
  test("neither id: one line naming both flags and --no-graph", () => {
    expect(refusal({ baseUrl: HOST })).toBe(
      "--client-id and --tenant-id are required for an https build: the app registration's " +
        "Application (client) ID and Directory (tenant) ID (or a verified domain); to build without " +
        "Microsoft Graph, pass --no-graph",
    );
    // The same through REACH_GUARD_BASE_URL, the other way to name the host.
    expect(refusal({}, { REACH_GUARD_BASE_URL: HOST })).toMatch(/^--client-id and --tenant-id are required/);
  });

  test("a client id without a tenant (config/config.json says common): names --tenant-id", () => {
    expect(refusal({ baseUrl: HOST, clientId: CLIENT_ID })).toBe(
      "--tenant-id is required for an https build: the Directory (tenant) ID or a verified domain, " +
        "not common (the app registration is single-tenant); to build without Microsoft Graph, pass --no-graph",
    );
  });

  test("a tenant without a client id: names --client-id", () => {
    expect(refusal({ baseUrl: HOST, tenantId: TENANT_ID })).toBe(
      "--client-id is required for an https build: the app registration's Application (client) ID; " +
        "to build without Microsoft Graph, pass --no-graph",
    );
  });

  test.each(["common", "organizations", "consumers", "Common", "ORGANIZATIONS"])(
    "refuses the multi-tenant authority %s as --tenant-id",
    (tenantId) => {
      expect(refusal({ baseUrl: HOST, clientId: CLIENT_ID, tenantId })).toBe(
        `--tenant-id ${tenantId} is refused: the app registration is single-tenant, so give the ` +
          "Directory (tenant) ID (a GUID) or a verified domain",
      );
    },
  );

  test.each([TENANT_ID, TENANT_ID.toUpperCase(), "contoso.onmicrosoft.com", "nhs.example.org"])(
    "accepts the tenant %s with a client id",
    (tenantId) => {
      const options = resolveOptions({ baseUrl: HOST, clientId: CLIENT_ID, tenantId }, NO_ENV);
      expect(options.graph).toBe(true);
      expect(options.config).toMatchObject({ clientId: CLIENT_ID, tenantId });
    },
  );

  test("--no-graph builds with no client id, so the add-in never asks for a token", () => {
    for (const noGraph of [true, "true", "", "1"]) {
      const options = resolveOptions({ baseUrl: HOST, noGraph }, NO_ENV);
      expect(options.graph).toBe(false);
      expect(options.config.clientId).toBe("");
    }
    // false is the same as leaving it out.
    expect(refusal({ baseUrl: HOST, noGraph: "false" })).toMatch(/^--client-id and --tenant-id are required/);
    expect(refusal({ baseUrl: HOST, noGraph: "maybe" })).toBe("--no-graph expects true or false, got maybe");
  });

  test("--no-graph beside a flag that configures Graph is a contradiction, named", () => {
    expect(refusal({ baseUrl: HOST, noGraph: true, clientId: CLIENT_ID })).toBe(
      "--no-graph cannot be combined with --client-id: it builds an add-in that never asks Microsoft Graph",
    );
    expect(refusal({ baseUrl: HOST, noGraph: true, ...GRAPH, graphRoot: "https://graph.microsoft.us" })).toBe(
      "--no-graph cannot be combined with --client-id, --tenant-id, --graph-root: it builds an add-in " +
        "that never asks Microsoft Graph",
    );
  });

  test("local development builds need neither id (the playground brings its own Graph)", () => {
    for (const baseUrl of ["http://localhost:3000", "http://127.0.0.1:4000/x", "http://[::1]:3000"]) {
      const options = resolveOptions({ baseUrl }, NO_ENV);
      expect(options).toMatchObject({
        local: true,
        graph: true,
        config: { clientId: "", tenantId: "common" },
      });
    }
    expect(
      resolveOptions({ baseUrl: "http://localhost:3000", tenantId: "organizations" }, NO_ENV).config,
    ).toMatchObject({ tenantId: "organizations" });
  });

  test("the format of an id is checked before whether it is missing", () => {
    expect(refusal({ baseUrl: HOST, clientId: "abc" })).toMatch(/^config\.json clientId must be/);
    expect(refusal({ baseUrl: HOST, ...GRAPH, tenantId: "not a tenant" })).toMatch(/^config\.json tenantId/);
  });
});

describe('--send-mode PromptUser ("Send Anyway" on every block) needs an acknowledgement', () => {
  const WHY =
    '--send-mode PromptUser lets the sender choose "Send Anyway" on every block, even to an ' +
    "always-blocked list; add --allow-send-anyway-on-block to build it all the same";

  test("refused without --allow-send-anyway-on-block, hosted or local", () => {
    expect(refusal({ baseUrl: HOST, ...GRAPH, sendMode: "PromptUser" })).toBe(WHY);
    expect(refusal({ baseUrl: "http://localhost:3000", sendMode: "PromptUser" })).toBe(WHY);
  });

  test("an environment variable can choose it but not acknowledge it", () => {
    expect(refusal({ baseUrl: HOST, ...GRAPH }, { REACH_GUARD_SEND_MODE: "PromptUser" })).toBe(WHY);
    expect(
      refusal(
        { baseUrl: HOST, ...GRAPH },
        {
          REACH_GUARD_SEND_MODE: "PromptUser",
          REACH_GUARD_ALLOW_SEND_ANYWAY_ON_BLOCK: "true",
        },
      ),
    ).toBe(WHY);
  });

  test("built with the acknowledgement", () => {
    const options = resolveOptions(
      { baseUrl: HOST, ...GRAPH, sendMode: "PromptUser", allowSendAnywayOnBlock: true },
      NO_ENV,
    );
    expect(options).toMatchObject({ sendMode: "PromptUser", allowSendAnywayOnBlock: true });
    expect(renderManifest(options)).toContain('SendMode="PromptUser"');
  });

  test("the acknowledgement with any other send mode is refused, not silently ignored", () => {
    expect(refusal({ baseUrl: HOST, ...GRAPH, allowSendAnywayOnBlock: true })).toBe(
      "--allow-send-anyway-on-block applies only with --send-mode PromptUser, got SoftBlock",
    );
    expect(refusal({ baseUrl: HOST, ...GRAPH, sendMode: "Block", allowSendAnywayOnBlock: true })).toMatch(
      /got Block$/,
    );
  });

  test.each(["SoftBlock", "Block"])("%s needs no acknowledgement", (sendMode) => {
    expect(resolveOptions({ baseUrl: HOST, ...GRAPH, sendMode }, NO_ENV).sendMode).toBe(sendMode);
  });
});

describe("the build's command line", () => {
  test("--no-graph and --allow-send-anyway-on-block reach the options as flags", () => {
    const { input } = parseCommandLine([
      "--base-url",
      HOST,
      "--no-graph",
      "--send-mode",
      "PromptUser",
      "--allow-send-anyway-on-block",
    ]);
    expect(input).toEqual({
      baseUrl: HOST,
      noGraph: true,
      sendMode: "PromptUser",
      allowSendAnywayOnBlock: true,
    });
    expect(resolveOptions(input, NO_ENV)).toMatchObject({ graph: false, sendMode: "PromptUser" });
  });

  test("neither takes a value", () => {
    expect(() => parseCommandLine(["--no-graph=yes"])).toThrow(/--no-graph/);
    expect(() => parseCommandLine(["--allow-send-anyway-on-block=1"])).toThrow(
      /--allow-send-anyway-on-block/,
    );
  });
});

describe("policyFileProblems (npm start -- --policy FILE)", () => {
  const dir = mkdtempSync(join(tmpdir(), "reach-guard-policy-"));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  test("a valid file has no problems; so has the default policy", () => {
    expect(policyFileProblems(file("good.json", '\uFEFF{ "warnAt": 10, "blockAt": 20 }'))).toEqual([]);
    expect(policyFileProblems(join(ROOT, "config", "policy.json"))).toEqual([]);
  });

  test("an invalid file: every problem, each naming its field, by the add-in's own parser", () => {
    expect(
      policyFileProblems(file("bad.json", '{ "warnAt": 100, "blokAt": 1, "unknownList": "no" }')).sort(),
    ).toEqual(["blokAt is not a policy field", 'unknownList must be one of "allow", "warn" or "block"']);
    expect(policyFileProblems(file("order.json", '{ "warnAt": 100, "blockAt": 10 }'))).toEqual([
      "blockAt must be a whole number >= warnAt",
    ]);
  });

  test("a field written twice, text that is not JSON, a file that cannot be read", () => {
    expect(policyFileProblems(file("twice.json", '{ "blockAt": 5000, "blockAt": 50000 }'))).toEqual([
      expect.stringMatching(/blockAt/),
    ]);
    expect(policyFileProblems(file("broken.json", '{ "warnAt": '))).toEqual([
      expect.stringMatching(/^the policy is /),
    ]);
    expect(policyFileProblems(join(dir, "missing.json"))).toEqual([
      expect.stringMatching(/^cannot be read: ENOENT/),
    ]);
  });
});

describe("the default policy, one document in DEPLOY.md and README.md", () => {
  // The block after the marker comment, in each document.
  function shownIn(document: string): string {
    const text = readFileSync(join(ROOT, document), "utf8");
    const found = /<!-- default-policy -->\s*```json\n([\s\S]*?)\n```/.exec(text);
    if (found?.[1] === undefined) throw new Error(`${document} has no <!-- default-policy --> json block`);
    return found[1];
  }

  test("DEPLOY.md shows what the build ships: config/policy.json with the built-in defaults filled in", () => {
    const shipped = parsePolicyText(readFileSync(join(ROOT, "config", "policy.json"), "utf8"));
    expect(JSON.parse(shownIn("DEPLOY.md"))).toEqual(shipped);
  });

  test("README.md shows the same text", () => {
    expect(shownIn("README.md")).toBe(shownIn("DEPLOY.md"));
  });
});

describe("renderManifest", () => {
  const options = resolveOptions({ baseUrl: HOST, ...GRAPH, providerName: "Trust <IT> & Co" }, NO_ENV);
  const development = readFileSync(MANIFEST, "utf8");

  test("escapes values for XML", () => {
    expect(escapeXml(`a&b<c>"d'`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;");
    expect(renderManifest(options)).toContain("<ProviderName>Trust &lt;IT&gt; &amp; Co</ProviderName>");
  });

  test("the development manifest is what a build for the development base URL writes, byte for byte", () => {
    // npm start's build: its base URL, and every other setting left at its default.
    expect(renderManifest(resolveOptions({ baseUrl: DEVELOPMENT_BASE_URL }, NO_ENV))).toBe(development);
  });

  test("puts the base URL, its origin, version, provider, support URL and send mode in place", () => {
    const built = renderManifest(
      resolveOptions(
        {
          baseUrl: "http://localhost:3000/nested/",
          sendMode: "Block",
          version: "4.5.6.7",
          providerName: "NHS Trust",
          supportUrl: "https://help.example.org/reach-guard?a=1&b=2",
        },
        NO_ENV,
      ),
    );
    // A base URL that starts with the development one is put in once, not again inside itself.
    expect(built).not.toContain("nested/nested");
    expect(built).toContain('<IconUrl DefaultValue="http://localhost:3000/nested/assets/icon-64.png"/>');
    expect(built).toContain("<AppDomain>http://localhost:3000</AppDomain>");
    expect(built).toContain("<Version>4.5.6.7</Version>");
    expect(built).toContain("<ProviderName>NHS Trust</ProviderName>");
    expect(built).toContain('<SupportUrl DefaultValue="https://help.example.org/reach-guard?a=1&amp;b=2"/>');
    expect(built).toMatch(/<LaunchEvent Type="OnMessageSend" [^>]*SendMode="Block"/);
    const hosted = renderManifest(options);
    expect(hosted).toContain(`<AppDomain>${HOST}</AppDomain>`);
    expect(hosted.replace(/<!--[\s\S]*?-->/g, "")).not.toContain("localhost");
  });

  test("refuses a manifest without a setting where the build looks, or with one twice", () => {
    expect(() => renderManifest(options, "<a/>")).toThrow(
      /expected exactly one of each build setting, got version \(found 0\), providerName \(found 0\)/,
    );
    expect(() =>
      renderManifest(options, development.replace("<Version>", "<Version>1</Version><Version>")),
    ).toThrow(/got version \(found 2\)$/);
    expect(() => renderManifest(options, development.replace(/ SendMode="SoftBlock"/, ""))).toThrow(
      /sendMode \(found 0\)/,
    );
  });

  test("refuses a development URL the build would leave behind", () => {
    const stray = development.replace("<Permissions>", "<Permissions>http://localhost:3000 ");
    expect(() => renderManifest(options, stray)).toThrow(
      /names http:\/\/localhost:3000 outside a URL attribute/,
    );
    const noPath = development.replace(
      'DefaultValue="http://localhost:3000/events.js"',
      'DefaultValue="http://localhost:3000"',
    );
    expect(() => renderManifest(options, noPath)).toThrow(/cannot replace it/);
    // Text in comments is not a setting: it is passed over, whatever it names.
    const commented = development.replace(
      "<OfficeApp",
      "<!-- <Version>9</Version> http://localhost:3000 --><OfficeApp",
    );
    expect(() => renderManifest(options, commented)).not.toThrow();
  });
});
