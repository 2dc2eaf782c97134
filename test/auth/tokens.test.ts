import { isTokenUnavailableError, TokenUnavailableError } from "../../src/auth/port";
import { graphScopes } from "../../src/auth/scopes";
import { staticTokenProvider } from "../../src/auth/static";

describe("graphScopes", () => {
  it.each([
    ["https://graph.microsoft.com", "https://graph.microsoft.com/Mail.Read"],
    ["https://graph.microsoft.us", "https://graph.microsoft.us/Mail.Read"],
    ["https://dod-graph.microsoft.us/", "https://dod-graph.microsoft.us/Mail.Read"],
    ["https://microsoftgraph.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn/Mail.Read"],
  ])("qualifies Mail.Read by the Graph at %s", (root, scope) => {
    expect(graphScopes(root, ["Mail.Read"])).toEqual([scope]);
  });

  it("keeps every name, in order", () => {
    expect(graphScopes("https://graph.microsoft.us", ["Mail.Read", "GroupMember.Read.All"])).toEqual([
      "https://graph.microsoft.us/Mail.Read",
      "https://graph.microsoft.us/GroupMember.Read.All",
    ]);
  });

  it.each(["graph.microsoft.us", "https://graph.microsoft.com/v1.0", "https://evil.example"])(
    "throws on %s rather than asking for a token for an audience Reach Guard does not call",
    (root) => {
      expect(() => graphScopes(root, ["Mail.Read"])).toThrow(/must be a Microsoft Graph root/);
    },
  );
});

describe("staticTokenProvider", () => {
  it("gives its token whatever the scopes", async () => {
    await expect(staticTokenProvider("eyJ0.demo")(["Mail.Read"])).resolves.toBe("eyJ0.demo");
  });

  it.each([[null], [""]])("is not configured when the token is %p", async (token) => {
    const error: unknown = await staticTokenProvider(token)(["Mail.Read"]).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(TokenUnavailableError);
    expect(error).toMatchObject({ name: "TokenUnavailableError", reason: "not-configured" });
  });
});

describe("isTokenUnavailableError", () => {
  it("knows its errors by name, so one from another runtime counts", () => {
    expect(isTokenUnavailableError(new TokenUnavailableError("failed"))).toBe(true);
    expect(isTokenUnavailableError(Object.assign(new Error("x"), { name: "TokenUnavailableError" }))).toBe(
      true,
    );
    expect(isTokenUnavailableError(new Error("No Graph token could be had (failed)"))).toBe(false);
    expect(isTokenUnavailableError("TokenUnavailableError")).toBe(false);
  });
});
