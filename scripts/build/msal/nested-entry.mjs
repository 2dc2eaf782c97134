// What events.js takes from @azure/msal-browser (see ../msal-event-bundle.js). src/auth/naa.ts loads
// MSAL with `import()`, whose use webpack cannot see through Babel's async rewrite, so without this
// entry every export of the package (and all it pulls in) would be kept.
export { createNestablePublicClientApplication } from "@azure/msal-browser";
