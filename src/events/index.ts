import { announceReady, hostEnvironment, registerHandlers } from "./register";

// The event bundle's entry (events.js): classic Outlook on Windows loads it in a JavaScript-only
// runtime (no DOM, no Office.onReady), the others in commands.html. The host's address is fixed at
// build time (npm run build -- --base-url), since that runtime has no page URL to read it from.
declare const __REACH_GUARD_BASE_URL__: string;

// Registration first and outside Office.onReady: the JavaScript-only runtime never runs onReady,
// and an event may arrive before any other client's onReady resolves.
registerHandlers(Office, () => hostEnvironment(__REACH_GUARD_BASE_URL__, Office));
announceReady(Office);
