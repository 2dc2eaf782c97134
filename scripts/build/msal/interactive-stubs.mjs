// Stand-ins, in events.js only, for the MSAL modules that show UI or reach outside the page: the
// popup, redirect and hidden-iframe clients, the auth-code client behind them, and the platform
// broker (see ../msal-event-bundle.js). An event handler cannot show UI and only ever asks silently.

function leftOut(what) {
  const error = new Error(
    `${what} is not part of events.js: event handlers get tokens silently, through nested app ` +
      "authentication or MSAL's token cache, never through UI",
  );
  error.name = "EventBundleError";
  error.errorCode = "not_in_event_bundle";
  return error;
}

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
