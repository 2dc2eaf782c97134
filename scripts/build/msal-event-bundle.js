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
//    `allowPlatformBroker` is off (it is). So are the helpers only those clients use: msal-common's
//    AuthorizationCodeClient (built only by StandardInteractionClient.createAuthCodeClient, which
//    only the popup, redirect and iframe clients call), the popup and iframe watchers (awaited only
//    for those clients; with none started, cancelling one does nothing, as in MSAL) and the PKCE
//    generator (called by those clients, and at start only with `system.navigatePopups: false`).
// 3. Token binding (PoP and DPoP tokens, their keys and the IndexedDB key store behind them) is
//    replaced by msal/token-binding-stubs.mjs. MSAL builds PopTokenGenerator and DpopProofGenerator,
//    and asks the key manager for a key, only for a request whose `authenticationScheme` is PoP or
//    DPoP or for a cached token of that kind; Reach Guard's requests are Bearer (MSAL's default) and
//    MSAL looks cached tokens up by scheme. The key manager is made at start by both controllers and
//    CryptoOps, so its stand-in constructs, answers as an empty key store when asked to find, remove
//    or clear a key, and throws by name when asked to make, read or sign with one.
// 4. Modules used only under options src/auth/msal.ts leaves at MSAL's defaults, or that MSAL for
//    the browser never sets, are replaced by msal/options-stubs.mjs: the ServerTelemetryManager
//    (`system.serverTelemetryEnabled`, default false; MSAL's StubServerTelemetryManager, used
//    instead, is copied answer for answer), the encrypted LocalStorage cache (`cache.cacheLocation`,
//    default sessionStorage; MSAL would fall back to memory rather than fail, so a test watches the
//    option) and region discovery (`azureRegionConfiguration`, passed to an Authority only by MSAL
//    for Node; every Authority still makes one, so it constructs).
//    test/build/msal-event-bundle.test.ts checks that the event bundle's code sets none of these
//    options, that each module is in the whole of MSAL's build and not in the trimmed one, and that
//    every way a silent token request ends (bridge, refusal, no bridge with and without a cached
//    token, no browser) is the same with and without the trim.
// 5. MSAL's modules that use atob, btoa, TextEncoder, TextDecoder or URL take those names from
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
// standard controller with its silent cache and refresh-token flows (the authority and its
// metadata, the refresh-token client, the response handler), the fallback that
// createNestablePublicClientApplication takes where there is no bridge. There the handler fails
// the same way as before (no account, or no browser in the JavaScript-only runtime), MSAL rejects,
// and src/auth/naa.ts turns that into a TokenUnavailableError: the policy's directoryUnavailable
// verdict. The task pane keeps the whole of MSAL.
const { join, resolve } = require("node:path");

const NAME = "MsalEventBundlePlugin";
const STUBS = join(__dirname, "msal");
const NESTED_ENTRY = join(STUBS, "nested-entry.mjs");
const INTERACTIVE_STUBS = join(STUBS, "interactive-stubs.mjs");
const TOKEN_BINDING_STUBS = join(STUBS, "token-binding-stubs.mjs");
const OPTIONS_STUBS = join(STUBS, "options-stubs.mjs");
const WEB_APIS = join(STUBS, "web-apis.js");
const WEB_APIS_LOADER = join(STUBS, "web-apis-loader.js");
/** MSAL's browser code, msal-common included: where the web-API stand-ins are bound. */
const MSAL_CODE =
  /[\\/]node_modules[\\/]@azure[\\/]msal-(browser[\\/]dist|common[\\/]dist-browser)[\\/].*\.mjs$/;
/** Folders whose relative imports may name a module that is left out. */
const MSAL_FOLDER =
  /[\\/]node_modules[\\/]@azure[\\/]msal-(browser[\\/]dist|common[\\/]dist-browser)([\\/]|$)/;
const BROWSER = "@azure/msal-browser/dist";
const COMMON = "@azure/msal-common/dist-browser";
/** The modules replaced (2. to 4. above): where each is, and the stand-in it resolves to instead. */
const LEFT_OUT = [
  [BROWSER, "interaction_client/PopupClient.mjs", INTERACTIVE_STUBS],
  [BROWSER, "interaction_client/RedirectClient.mjs", INTERACTIVE_STUBS],
  [BROWSER, "interaction_client/SilentIframeClient.mjs", INTERACTIVE_STUBS],
  [BROWSER, "interaction_client/SilentAuthCodeClient.mjs", INTERACTIVE_STUBS],
  [BROWSER, "interaction_client/PlatformAuthInteractionClient.mjs", INTERACTIVE_STUBS],
  [BROWSER, "broker/nativeBroker/PlatformAuthProvider.mjs", INTERACTIVE_STUBS],
  [BROWSER, "utils/PopupMonitor.mjs", INTERACTIVE_STUBS],
  [BROWSER, "utils/IframeMonitor.mjs", INTERACTIVE_STUBS],
  [BROWSER, "crypto/PkceGenerator.mjs", INTERACTIVE_STUBS],
  [COMMON, "client/AuthorizationCodeClient.mjs", INTERACTIVE_STUBS],
  [BROWSER, "crypto/TokenBindingKeyManager.mjs", TOKEN_BINDING_STUBS],
  [COMMON, "crypto/PopTokenGenerator.mjs", TOKEN_BINDING_STUBS],
  [COMMON, "crypto/DpopProofGenerator.mjs", TOKEN_BINDING_STUBS],
  [COMMON, "telemetry/server/ServerTelemetryManager.mjs", OPTIONS_STUBS],
  [BROWSER, "cache/LocalStorage.mjs", OPTIONS_STUBS],
  [COMMON, "authority/RegionDiscovery.mjs", OPTIONS_STUBS],
].map(([folder, path, stub]) => ({ module: `${folder}/${path}`, stub }));

/** The left-out module a resolved path is, if it is one. */
function leftOutModuleAt(path) {
  const normalised = path.replace(/\\/g, "/");
  return LEFT_OUT.find(({ module }) => normalised.endsWith(`/node_modules/${module}`));
}

class MsalEventBundlePlugin {
  apply(compiler) {
    compiler.hooks.normalModuleFactory.tap(NAME, (factory) => {
      factory.hooks.beforeResolve.tap(NAME, (data) => {
        if (data.request === "@azure/msal-browser" && data.contextInfo.issuer !== NESTED_ENTRY) {
          data.request = NESTED_ENTRY;
        } else if (data.request.startsWith(".") && MSAL_FOLDER.test(data.context)) {
          const leftOutModule = leftOutModuleAt(resolve(data.context, data.request));
          if (leftOutModule) data.request = leftOutModule.stub;
        }
      });
    });
    // A module reached by a path not caught above would bring the left-out code back silently.
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      const { NormalModule } = compiler.webpack;
      NormalModule.getCompilationHooks(compilation).beforeLoaders.tap(NAME, (loaders, module) => {
        if (!module.resource || !MSAL_CODE.test(module.resource)) return;
        // Last in the list runs first: the import is added before Babel sees the module.
        loaders.push({ loader: WEB_APIS_LOADER, options: { fallback: WEB_APIS }, ident: null, type: null });
      });
      compilation.hooks.finishModules.tap(NAME, (modules) => {
        for (const module of modules) {
          const leftOutModule = module.resource && leftOutModuleAt(module.resource);
          if (leftOutModule) {
            const { WebpackError } = compiler.webpack;
            compilation.errors.push(
              new WebpackError(`${NAME}: ${leftOutModule.module} reached the event bundle`),
            );
          }
        }
      });
    });
  }
}

module.exports = { MsalEventBundlePlugin, NESTED_ENTRY, LEFT_OUT, WEB_APIS };
