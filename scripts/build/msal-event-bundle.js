// MSAL in events.js, trimmed to what an event handler can use. Handlers only ever ask for a token
// silently (src/auth/naa.ts: createNestablePublicClientApplication, getActiveAccount/getAllAccounts,
// acquireTokenSilent), so, for the event bundle only:
//
// 1. `@azure/msal-browser` resolves to msal/nested-entry.mjs, which re-exports the one function
//    naa.ts calls. Its `import()` is rewritten by Babel before webpack sees it, so webpack would
//    otherwise keep every export of the package.
// 2. The modules that only sign in with UI or outside the page (popup, redirect, hidden iframe,
//    auth-code redemption, platform broker) are replaced by msal/interactive-stubs.mjs, which throw
//    a clear error if ever constructed; the platform broker answers "none", as MSAL does when
//    `allowPlatformBroker` is off (it is).
//
// What stays whole: nested app authentication (the NAA controller and its bridge) and MSAL's
// standard controller with its silent cache and refresh-token flows, the fallback that
// createNestablePublicClientApplication takes where there is no bridge. There the handler fails
// the same way as before (no account, or no browser in the JavaScript-only runtime), MSAL rejects,
// and src/auth/naa.ts turns that into a TokenUnavailableError: the policy's directoryUnavailable
// verdict. The task pane keeps the whole of MSAL.
const { join } = require("node:path");

const NAME = "MsalEventBundlePlugin";
const NESTED_ENTRY = join(__dirname, "msal", "nested-entry.mjs");
const INTERACTIVE_STUBS = join(__dirname, "msal", "interactive-stubs.mjs");
const MSAL_BROWSER_DIST = /[\\/]node_modules[\\/]@azure[\\/]msal-browser[\\/]dist([\\/]|$)/;
/** The modules replaced, by their path under msal-browser's dist/. */
const INTERACTIVE_MODULES = [
  "interaction_client/PopupClient.mjs",
  "interaction_client/RedirectClient.mjs",
  "interaction_client/SilentIframeClient.mjs",
  "interaction_client/SilentAuthCodeClient.mjs",
  "interaction_client/PlatformAuthInteractionClient.mjs",
  "broker/nativeBroker/PlatformAuthProvider.mjs",
];
const INTERACTIVE_NAMES = INTERACTIVE_MODULES.map((path) => path.split("/").pop());

function isInteractiveRequest(request) {
  const file = request.split(/[\\/]/).pop();
  return INTERACTIVE_NAMES.includes(file);
}

function interactiveModuleOf(resource) {
  const normalised = resource.replace(/\\/g, "/");
  return INTERACTIVE_MODULES.find((path) => normalised.endsWith(`/@azure/msal-browser/dist/${path}`));
}

class MsalEventBundlePlugin {
  apply(compiler) {
    compiler.hooks.normalModuleFactory.tap(NAME, (factory) => {
      factory.hooks.beforeResolve.tap(NAME, (data) => {
        if (data.request === "@azure/msal-browser" && data.contextInfo.issuer !== NESTED_ENTRY) {
          data.request = NESTED_ENTRY;
        } else if (MSAL_BROWSER_DIST.test(data.context) && isInteractiveRequest(data.request)) {
          data.request = INTERACTIVE_STUBS;
        }
      });
    });
    // A module reached by a path not caught above would bring the interactive code back silently.
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.finishModules.tap(NAME, (modules) => {
        for (const module of modules) {
          const path = module.resource && interactiveModuleOf(module.resource);
          if (path) {
            const { WebpackError } = compiler.webpack;
            compilation.errors.push(
              new WebpackError(`${NAME}: @azure/msal-browser/dist/${path} reached the event bundle`),
            );
          }
        }
      });
    });
  }
}

module.exports = { MsalEventBundlePlugin, NESTED_ENTRY, INTERACTIVE_STUBS, INTERACTIVE_MODULES };
