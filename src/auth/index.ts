export { createNaaAuth, type Auth, type AuthSettings, type NaaOptions, SILENT_TIMEOUT_MS } from "./naa";
export { staticTokenProvider } from "./static";
export { graphScopes } from "./scopes";
export { TokenUnavailableError, isTokenUnavailableError, type TokenProvider } from "./port";
export { naaAuths, naaTokenProvider, type NaaAuths, type NaaConfig } from "./provider";
