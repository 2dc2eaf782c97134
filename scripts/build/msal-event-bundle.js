// MSAL in events.js, trimmed to what an event handler can use. Handlers only ever ask for a token
// silently (src/auth/naa.ts: getActiveAccount/getAllAccounts, acquireTokenSilent, on the client that
// src/auth/msal.ts makes with createNestablePublicClientApplication), so, for the event bundle only:
//
// 1. `@azure/msal-browser` resolves to msal/nested-entry.mjs, which re-exports the one function
//    naa.ts loads. Its `import()` is rewritten by Babel before webpack sees it, so webpack would
//    otherwise keep every export of the package.
// 2. The modules that only sign in with UI or outside the page (popup, redirect, hidden iframe,
//    auth-code redemption, platform broker) are replaced by msal/interactive-stubs.mjs, which throw
//    a clear error if ever constructed; the platform broker answers "none", as MSAL does when
//    `allowPlatformBroker` is off (it is).
// 3. MSAL's modules that use atob, btoa, TextEncoder, TextDecoder or URL take those names from
//    msal/web-apis.js instead (bound by msal/web-apis-loader.js). Classic Outlook's JavaScript-only
//    runtime does not promise them, and nested app authentication needs them: base64 and UTF-8 to
//    read the ID token of every answer, URL to match cached accounts from the second token on.
//    Only those modules see the stand-ins; nothing is made global.
//
// Left as it is: `crypto.getRandomValues`, which MSAL needs for request and correlation ids and
// without which it will not start its nested-app controller at all (CryptoOps requires
// `window.crypto`). A stand-in would have to be a global `crypto` whose random numbers are not
// cryptographically strong, visible to all of MSAL, state and nonce included. Microsoft's own
// sample runs nested app authentication in this runtime, and MSAL's nested-app controller notes
// that the JavaScript runtime "doesn't support full crypto API" (getRandomValues, not subtle), so
// where NestedAppAuth 1.1 is reported it is taken to be there; where it is not, MSAL fails with
// crypto_nonexistent, which src/auth/naa.ts turns into "no token" (test/build/events-runtime.test.ts).
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
const WEB_APIS = join(__dirname, "msal", "web-apis.js");
const WEB_APIS_LOADER = join(__dirname, "msal", "web-apis-loader.js");
const MSAL_BROWSER_DIST = /[\\/]node_modules[\\/]@azure[\\/]msal-browser[\\/]dist([\\/]|$)/;
/** MSAL's browser code, msal-common included: where the web-API stand-ins are bound. */
const MSAL_CODE =
  /[\\/]node_modules[\\/]@azure[\\/]msal-(browser[\\/]dist|common[\\/]dist-browser)[\\/].*\.mjs$/;
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
      const { NormalModule } = compiler.webpack;
      NormalModule.getCompilationHooks(compilation).beforeLoaders.tap(NAME, (loaders, module) => {
        if (!module.resource || !MSAL_CODE.test(module.resource)) return;
        // Last in the list runs first: the import is added before Babel sees the module.
        loaders.push({ loader: WEB_APIS_LOADER, options: { fallback: WEB_APIS }, ident: null, type: null });
      });
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

module.exports = { MsalEventBundlePlugin, NESTED_ENTRY, INTERACTIVE_STUBS, INTERACTIVE_MODULES, WEB_APIS };
