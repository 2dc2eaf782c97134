import type { MsalFactory } from "./sign-in";

// The real MSAL Node behind the scan's seam (sign-in.ts), loaded only when someone signs in, so that
// `--demo` and REACH_GUARD_TOKEN runs never load it.
export async function loadMsalNode(): Promise<MsalFactory> {
  const msal = await import("@azure/msal-node");
  return {
    deviceCode(config) {
      const app = new msal.PublicClientApplication({ auth: config });
      return {
        acquireByDeviceCode: (scopes, show) =>
          app.acquireTokenByDeviceCode({ scopes, deviceCodeCallback: (response) => show(response.message) }),
        acquireSilent: (scopes, account) =>
          app.acquireTokenSilent({ scopes, account: account as import("@azure/msal-node").AccountInfo }),
      };
    },
    certificate(config) {
      const { clientId, authority, thumbprintSha256, privateKey, x5c } = config;
      const app = new msal.ConfidentialClientApplication({
        auth: { clientId, authority, clientCertificate: { thumbprintSha256, privateKey, x5c } },
      });
      return { acquireByClientCredential: (scopes) => app.acquireTokenByClientCredential({ scopes }) };
    },
  };
}
