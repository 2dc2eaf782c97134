import { DEFAULT_HOST_CONFIG, parseHostConfig } from "../../src/app/host-config";

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

  it.each([["http://127.0.0.1:4000"], ["http://localhost:3000/"]])(
    "accepts an http Graph root only on loopback (%s, the playground's local Graph)",
    (graphRoot) => {
      expect(parseHostConfig({ graphRoot })).toMatchObject({ graphRoot });
    },
  );

  it.each([
    ["clientId", { clientId: "my-app" }],
    ["clientId", { clientId: 42 }],
    ["tenantId", { tenantId: "" }],
    ["graphRoot", { graphRoot: "http://graph.example.org" }],
    ["graphRoot", { graphRoot: "graph.microsoft.com" }],
    ["graphRoot", { graphRoot: "http://127.0.0.1.example.org" }],
    ["authority", { authority: "http://login.microsoftonline.com" }],
  ])("names %s when it is wrong", (field, value) => {
    const result = parseHostConfig(value);
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(new RegExp(`^Invalid config\\.json: ${field}: .*`));
  });

  it.each([[null], [[]], ["text"]])("says the document is wrong when it is %p", (value) => {
    expect((parseHostConfig(value) as Error).message).toMatch(/^Invalid config\.json: document: /);
  });
});
