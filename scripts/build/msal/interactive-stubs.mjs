// Stand-ins, in events.js only, for the MSAL modules that show UI or reach outside the page: the
// popup, redirect and hidden-iframe clients, the auth-code client behind them, and the platform
// broker (see ../msal-event-bundle.js), and the helpers only they use: the popup and iframe watchers
// and the PKCE codes an interactive sign-in sends. An event handler cannot show UI and only ever asks
// silently.

import { leftOut } from "./left-out.mjs";

export class PopupClient {
  constructor() {
    throw leftOut("MSAL's popup sign-in");
  }
}

export class RedirectClient {
  constructor() {
    throw leftOut("MSAL's redirect sign-in");
  }
}

// MSAL's last resort after the refresh token fails: a hidden iframe to the sign-in page. The JS-only
// runtime has no DOM for it, and the app registration has no https redirect it could return to.
export class SilentIframeClient {
  constructor() {
    throw leftOut("MSAL's hidden-iframe sign-in");
  }
}

export class SilentAuthCodeClient {
  constructor() {
    throw leftOut("MSAL's auth-code redemption");
  }
}

export class PlatformAuthInteractionClient {
  constructor() {
    throw leftOut("MSAL's platform broker");
  }
}

// The platform broker (WAM through a browser extension or DOM API) is used only with
// `system.allowPlatformBroker`, which src/auth/naa.ts does not set; MSAL then finds no provider and
// never allows the broker, which is what these answer.
export function getPlatformAuthProvider() {
  return Promise.resolve(undefined);
}

export function isPlatformAuthAllowed() {
  return false;
}

export function isPlatformBrokerAvailable() {
  return Promise.resolve(false);
}

// PublicClientApplication waits on a popup or hidden iframe for these only when the popup or iframe
// client (above) asks it to.
export function monitorPopupForHash() {
  return Promise.reject(leftOut("MSAL's popup watcher"));
}

export function monitorIframeForHash() {
  return Promise.reject(leftOut("MSAL's hidden-iframe watcher"));
}

// MSAL cancels the popup watcher that monitorPopupForHash started, when a new sign-in overrides one
// in progress; in events.js none was ever started, so there is nothing to cancel, as in MSAL.
export function cancelPendingPopupPollingResponse() {}

// The PKCE codes an interactive sign-in sends. MSAL makes them ahead only with
// `system.navigatePopups: false`, which src/auth/msal.ts does not set (MSAL's default is true).
export function generatePkceCodes() {
  return Promise.reject(leftOut("MSAL's PKCE codes for interactive sign-in"));
}

// msal-common's auth-code redemption, which MSAL's browser code builds only in
// StandardInteractionClient.createAuthCodeClient, for the popup, redirect and hidden-iframe clients.
export class AuthorizationCodeClient {
  constructor() {
    throw leftOut("MSAL's auth-code redemption");
  }
}
