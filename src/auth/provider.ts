import { createNaaAuth, type Auth, type AuthSettings, type NaaOptions } from "./naa";
import type { TokenProvider } from "./port";
import { graphScopes } from "./scopes";

// One nested-app-authentication client per app registration, shared by the silent token requests
// and the task pane's sign-in, so that the account signed in by the popup is the one MSAL then uses.

/** The part of config.json that authentication reads. */
export interface NaaConfig extends AuthSettings {
  readonly graphRoot: string;
}

export interface NaaAuths {
  authFor(config: NaaConfig): Auth;
  /** Permission names in (`Mail.Read`), a token for this config's Graph out; silent only. */
  tokenProviderFor(settings: { readonly config: NaaConfig }): TokenProvider;
}

export function naaAuths(options: NaaOptions = {}): NaaAuths {
  const auths = new Map<string, Auth>();
  const authFor = (config: NaaConfig): Auth => {
    const { clientId, tenantId, authority } = config;
    const key = `${clientId}|${tenantId}|${authority}`;
    let auth = auths.get(key);
    if (!auth) {
      const settings = { clientId, tenantId, authority };
      auth = createNaaAuth(settings, options);
      auths.set(key, auth);
    }
    return auth;
  };
  return {
    authFor,
    tokenProviderFor({ config }) {
      const auth = authFor(config);
      return (names) => auth.getToken(graphScopes(config.graphRoot, names));
    },
  };
}

/** Token source for deployed Outlook: nested app authentication, silent only in handlers. */
export function naaTokenProvider(
  options: NaaOptions = {},
): (settings: { readonly config: NaaConfig }) => TokenProvider {
  return naaAuths(options).tokenProviderFor;
}
