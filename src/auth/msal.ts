import type { createNestablePublicClientApplication } from "@azure/msal-browser";
import type { AuthSettings, ClientFactory } from "./naa";

// The one place MSAL is configured. Each bundle passes in how it loads MSAL: the event bundle with a
// plain import() (the build trims it to the nested-app entry: scripts/build/msal-event-bundle.js),
// the task pane as a chunk of its own that starts loading when the pane does (src/taskpane/msal-client.ts).

/** The one function Reach Guard takes from @azure/msal-browser, all the event bundle's trimmed entry gives. */
export type CreateNestableClient = typeof createNestablePublicClientApplication;

/** The authority MSAL is given: the configured authority host, then the tenant. */
export function authorityFor(settings: AuthSettings): string {
  return `${settings.authority.replace(/\/+$/, "")}/${settings.tenantId}`;
}

/** A nested-app client for each settings, from the MSAL that `load` brings (on first use). */
export function nestableClientFactory(load: () => Promise<CreateNestableClient>): ClientFactory {
  return async (settings) =>
    (await load())({
      auth: { clientId: settings.clientId, authority: authorityFor(settings) },
    });
}
