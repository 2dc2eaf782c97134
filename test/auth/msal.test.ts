import type { Configuration, IPublicClientApplication } from "@azure/msal-browser";
import { authorityFor, nestableClientFactory, type CreateNestableClient } from "../../src/auth/msal";
import type { AuthSettings } from "../../src/auth/naa";

const SETTINGS: AuthSettings = {
  clientId: "6f1c2b3a-0d4e-4f5a-8b9c-0123456789ab",
  tenantId: "contoso.onmicrosoft.com",
  authority: "https://login.microsoftonline.com",
};

function fakeMsal() {
  const configurations: Configuration[] = [];
  const client = {} as IPublicClientApplication;
  const msal: CreateNestableClient = async (configuration) => {
    configurations.push(configuration);
    return client;
  };
  return { msal, client, configurations };
}

describe("the MSAL factory both bundles use", () => {
  it("configures a nestable client with the client id and the tenant's authority", async () => {
    const { msal, client, configurations } = fakeMsal();
    const factory = nestableClientFactory(async () => msal);
    await expect(factory(SETTINGS)).resolves.toBe(client);
    expect(configurations).toEqual([
      {
        auth: {
          clientId: SETTINGS.clientId,
          authority: "https://login.microsoftonline.com/contoso.onmicrosoft.com",
        },
      },
    ]);
  });

  it("loads MSAL only when a client is first wanted", async () => {
    const { msal } = fakeMsal();
    const load = jest.fn(async () => msal);
    const factory = nestableClientFactory(load);
    expect(load).not.toHaveBeenCalled();
    await factory(SETTINGS);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("passes a failure to load MSAL on", async () => {
    const failure = new Error("ChunkLoadError");
    await expect(nestableClientFactory(() => Promise.reject(failure))(SETTINGS)).rejects.toBe(failure);
  });

  it.each([
    ["https://login.microsoftonline.us", "https://login.microsoftonline.us/contoso.onmicrosoft.com"],
    [
      "https://login.partner.microsoftonline.cn//",
      "https://login.partner.microsoftonline.cn/contoso.onmicrosoft.com",
    ],
  ])("writes the authority %s without a doubled slash", (authority, expected) => {
    expect(authorityFor({ ...SETTINGS, authority })).toBe(expected);
  });
});
