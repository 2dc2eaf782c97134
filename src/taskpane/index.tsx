import { mountTaskPane } from "./mount";
import { nestableClient } from "./msal-client";
import { startTaskPane } from "./start";

// The task pane's entry (taskpane.js): the page loads Office.js first, then this. The host's address
// is fixed at build time (npm run build -- --base-url), as for the event bundle.
declare const __REACH_GUARD_BASE_URL__: string;

void startTaskPane({
  root: document.getElementById("root") ?? document.body,
  baseUrl: __REACH_GUARD_BASE_URL__,
  office: (globalThis as { Office?: typeof Office }).Office,
  window,
  mount: mountTaskPane,
  msalClient: nestableClient,
});
