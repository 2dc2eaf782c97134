// Stand-ins, in events.js only, for MSAL's token binding: proof-of-possession (PoP) and DPoP tokens,
// the keys they are bound to and the key store behind them (in memory and IndexedDB); see
// ../msal-event-bundle.js. MSAL uses them only for a request whose `authenticationScheme` is PoP or
// DPoP, or for a cached token of that kind. Reach Guard asks for Bearer tokens only (MSAL's default:
// no request in src/ sets a scheme), and MSAL looks up cached tokens by scheme, so none is ever read.

import { leftOut } from "./left-out.mjs";

const BEARER_ONLY = "Reach Guard asks for Bearer tokens only";

// MSAL's controllers make one at start (StandardController, NestedAppAuthController, CryptoOps), so
// this one must construct. Its key store holds nothing: finding, removing or clearing answers as an
// empty store does in MSAL; making, reading or signing with a key fails by name.
export class TokenBindingKeyManager {
  provisionTokenBindingKey() {
    return Promise.reject(leftOut("MSAL's token-binding keys", BEARER_ONLY));
  }

  getTokenBindingPublicKeyJwk() {
    return Promise.reject(leftOut("MSAL's token-binding keys", BEARER_ONLY));
  }

  getTokenBindingKeyPair() {
    return Promise.reject(leftOut("MSAL's token-binding keys", BEARER_ONLY));
  }

  hasTokenBindingKey() {
    return Promise.resolve(false);
  }

  isTokenBindingKeyPersisted() {
    return Promise.resolve(false);
  }

  removeTokenBindingKey() {
    return Promise.resolve();
  }

  clearKeystore() {
    return Promise.resolve(true);
  }
}

export class PopTokenGenerator {
  constructor() {
    throw leftOut("MSAL's proof-of-possession tokens", BEARER_ONLY);
  }
}

export class DpopProofGenerator {
  constructor() {
    throw leftOut("MSAL's DPoP proofs", BEARER_ONLY);
  }
}

// Used only by DpopProofGenerator and the platform broker's client, both left out.
export function normalizeDpopResourceRequestContext() {
  throw leftOut("MSAL's DPoP proofs", BEARER_ONLY);
}
