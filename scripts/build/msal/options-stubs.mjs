// Stand-ins, in events.js only, for the MSAL modules used only under options that src/auth/msal.ts
// leaves at MSAL's defaults, or that MSAL for the browser never sets (see ../msal-event-bundle.js).
// test/build/msal-event-bundle.test.ts checks that the event bundle's code sets none of them.

import { leftOut } from "./left-out.mjs";

// The x-client-current-telemetry and x-client-last-telemetry values MSAL sends to the token
// endpoint, counted in browser storage. MSAL builds a ServerTelemetryManager only with
// `system.serverTelemetryEnabled` (default false); otherwise it builds the StubServerTelemetryManager,
// which answers every call with nothing.
export class ServerTelemetryManager {
  constructor() {
    throw leftOut("MSAL's server telemetry", "system.serverTelemetryEnabled is left off");
  }
}

// MSAL's own stub, answer for answer (it extends ServerTelemetryManager only to share its type; no
// caller reads its fields or the base class's other methods).
export class StubServerTelemetryManager {
  generateCurrentRequestHeaderValue() {
    return "";
  }

  generateLastRequestHeaderValue() {
    return "";
  }

  cacheFailedRequest() {}

  incrementCacheHits() {
    return 0;
  }

  clearTelemetryCache() {}

  getRegionDiscoveryFields() {
    return "";
  }

  updateRegionDiscoveryMetadata() {}

  setCacheOutcome() {}

  setNativeBrokerErrorCode() {}

  getNativeBrokerErrorCode() {
    return undefined;
  }

  clearNativeBrokerErrorCode() {}
}

// MSAL's encrypted localStorage cache, made only with `cache.cacheLocation: "localStorage"`; the
// default is sessionStorage. MSAL catches this error and falls back to a memory cache, so the
// option must not be set unnoticed: the test named at the top watches for it.
export class LocalStorage {
  constructor() {
    throw leftOut("MSAL's localStorage cache", 'cache.cacheLocation is left at "sessionStorage"');
  }
}

// Every Authority makes one, but MSAL asks it for a region only with `azureRegionConfiguration`,
// which MSAL for the browser never passes to an Authority (only MSAL for Node does).
const NO_REGION = "MSAL for the browser sets no azureRegionConfiguration";

export class RegionDiscovery {
  detectRegion() {
    return Promise.reject(leftOut("MSAL's Azure region discovery", NO_REGION));
  }
}

export function isValidRegion() {
  throw leftOut("MSAL's regional endpoints", NO_REGION);
}
