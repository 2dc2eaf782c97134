import * as msal from "@azure/msal-browser";
import type { ClientFactory } from "../auth/naa";

// MSAL inside taskpane.js rather than in a chunk loaded on first use (src/auth/naa.ts's default):
// the pane needs a token for its very first check, and taskpane.js is one file beside its page.
// Taking the package's whole namespace keeps its entry module in this file, so webpack has nothing
// left to split off for naa.ts's `import()` (a named import alone leaves a stray chunk behind).
const api: Pick<typeof msal, "createNestablePublicClientApplication"> = msal;

export const nestableClient: ClientFactory = (settings) =>
  api.createNestablePublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: `${settings.authority.replace(/\/+$/, "")}/${settings.tenantId}`,
    },
  });
