import { DEFAULT_HOST_CONFIG, parseHostConfig, parseHostConfigText } from "../../src/app/host-config";
import { GRAPH_ROOT_RULE, GRAPH_ROOTS } from "../../src/directory/graph/roots";

const CLIENT_ID = "6f1c2b3a-0d4e-4f5a-8b9c-0123456789ab";

describe("parseHostConfig", () => {
  it("fills absent fields with the defaults: no client id, common tenant, global Graph", () => {
    expect(parseHostConfig({})).toEqual({
      clientId: "",
      tenantId: "common",
      graphRoot: "https://graph.microsoft.com",
      authority: "https://login.microsoftonline.com",
    });
    expect(DEFAULT_HOST_CONFIG).toEqual(parseHostConfig({}));
  });

  it("accepts a national cloud's Graph and authority", () => {
    const config = {
      clientId: CLIENT_ID,
      tenantId: "contoso.onmicrosoft.us",
      graphRoot: "https://graph.microsoft.us",
      authority: "https://login.microsoftonline.us",
    };
    expect(parseHostConfig(config)).toEqual(config);
  });

  it.each(GRAPH_ROOTS.map((root) => [root]))("accepts Microsoft's Graph root %s", (graphRoot) => {
    expect(parseHostConfig({ graphRoot })).toMatchObject({ graphRoot });
    expect(parseHostConfig({ graphRoot: `${graphRoot.toUpperCase()}/` })).toMatchObject({ graphRoot });
  });

  it.each([
    ["http://127.0.0.1:4000", "http://127.0.0.1:4000"],
    ["http://localhost:3000/", "http://localhost:3000"],
    ["http://[::1]:3000", "http://[::1]:3000"],
  ])(
    "accepts an http Graph root only on loopback with a port (%s, the playground's local Graph)",
    (graphRoot, canonical) => {
      expect(parseHostConfig({ graphRoot })).toMatchObject({ graphRoot: canonical });
    },
  );

  it.each([
    "http://graph.example.org",
    "graph.microsoft.com",
    "http://127.0.0.1.example.org",
    // Accepted by the old check, then refused by the Graph client at send: a block became "Send Anyway".
    "http://[::1]",
    // Accepted by the old check, then broke every call.
    "https://graph.microsoft.com/v1.0",
    "https://graph.microsoft.com/?x=1",
    "https://graph.microsoft.com/#top",
    "https://graph.microsoft.com.evil.example",
    "https://evil.example",
    "https://user@graph.microsoft.com",
    "http://localhost:99999",
  ])("refuses %s as the Graph root, saying which roots it takes", (graphRoot) => {
    expect((parseHostConfig({ graphRoot }) as Error).message).toBe(
      `Invalid config.json: graphRoot ${GRAPH_ROOT_RULE}`,
    );
  });

  it("refuses a field it does not know, so a misspelt clientID is caught", () => {
    expect((parseHostConfig({ clientID: CLIENT_ID }) as Error).message).toBe(
      "Invalid config.json: clientID is not a config.json field",
    );
  });

  it.each([
    [{ clientId: "my-app" }, "clientId must be the app registration's client id (a GUID) or empty"],
    [{ clientId: 42 }, "clientId must be the app registration's client id (a GUID) or empty"],
    [{ tenantId: "" }, "tenantId must be common, organizations, a tenant id (GUID) or a domain"],
    [{ tenantId: 5 }, "tenantId must be common, organizations, a tenant id (GUID) or a domain"],
    [{ graphRoot: 1 }, `graphRoot ${GRAPH_ROOT_RULE}`],
    [
      { authority: "http://login.microsoftonline.com" },
      "authority must be an https URL with no query or fragment",
    ],
    [
      { authority: "https://login.microsoftonline.com/?x" },
      "authority must be an https URL with no query or fragment",
    ],
    [null, "the document must be a JSON object"],
    [[], "the document must be a JSON object"],
    ["text", "the document must be a JSON object"],
  ])("%j: %s", (value, message) => {
    expect((parseHostConfig(value) as Error).message).toBe(`Invalid config.json: ${message}`);
  });

  it("names every wrong field at once", () => {
    expect((parseHostConfig({ clientId: "x", extra: 1 }) as Error).message).toBe(
      "Invalid config.json: clientId must be the app registration's client id (a GUID) or empty; extra is not a config.json field",
    );
  });

  it("reads the file's text as the policy's is read: a byte order mark is fine, a repeated key is not", () => {
    expect(parseHostConfigText(`\ufeff{"clientId": "${CLIENT_ID}"}`)).toMatchObject({ clientId: CLIENT_ID });
    expect(
      (
        parseHostConfigText(
          '{"graphRoot": "https://graph.microsoft.com", "graphRoot": "https://evil.example"}',
        ) as Error
      ).message,
    ).toBe('Invalid config.json: the document is "graphRoot" appears more than once; keep one of each');
    expect((parseHostConfigText("{") as Error).message).toMatch(
      /^Invalid config\.json: the document is not valid JSON/,
    );
  });
});
