import { nestableClientFactory } from "../auth/msal";

// MSAL in a chunk of its own, fetched when the pane first needs a token: the first render (the
// "checking" state) then needs taskpane.js alone. Loading starts as soon as the module is read,
// so the chunk is usually there by the time Office.js is ready.
const msal = import(/* webpackChunkName: "msal" */ "@azure/msal-browser");

export const nestableClient = nestableClientFactory(
  async () => (await msal).createNestablePublicClientApplication,
);
