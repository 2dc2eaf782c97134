import { join } from "node:path";
import { resolveOptions } from "../../scripts/build/options";
import { escapeXml, renderManifest } from "../../scripts/build/deployment-files";
import { ROOT } from "./run-build";

const NO_ENV = {};

describe("resolveOptions", () => {
  test("defaults: SoftBlock, package version, dist/, support page on the base URL", () => {
    const options = resolveOptions({ baseUrl: "https://host.example.org/rg/" }, NO_ENV);
    expect(options).toMatchObject({
      baseUrl: "https://host.example.org/rg",
      origin: "https://host.example.org",
      sendMode: "SoftBlock",
      supportUrl: "https://host.example.org/rg/support.html",
      outDir: join(ROOT, "dist"),
      config: { clientId: "", tenantId: "common", graphRoot: "https://graph.microsoft.com" },
    });
    expect(options.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test("reads REACH_GUARD_* environment variables when no flag is given", () => {
    const options = resolveOptions(
      {},
      { REACH_GUARD_BASE_URL: "https://env.example.org", REACH_GUARD_SEND_MODE: "PromptUser" },
    );
    expect(options).toMatchObject({ baseUrl: "https://env.example.org", sendMode: "PromptUser" });
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

describe("renderManifest", () => {
  const options = resolveOptions(
    { baseUrl: "https://host.example.org", providerName: "Trust <IT> & Co" },
    NO_ENV,
  );

  test("escapes values for XML", () => {
    expect(escapeXml(`a&b<c>"d'`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;");
    expect(renderManifest(options)).toContain("<ProviderName>Trust &lt;IT&gt; &amp; Co</ProviderName>");
  });

  test("refuses a template with a placeholder it does not know", () => {
    expect(() => renderManifest(options, "<a>${NOPE}</a>")).toThrow(/unknown placeholder \$\{NOPE\}/);
  });
});
