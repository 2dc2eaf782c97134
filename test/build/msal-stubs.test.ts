import { buildSync } from "esbuild";
import { join } from "node:path";
import { runInThisContext } from "node:vm";
import { StubServerTelemetryManager as MsalStubServerTelemetryManager } from "@azure/msal-common";
import { ROOT } from "./run-build";

// The stand-ins events.js carries in place of the MSAL modules it leaves out
// (scripts/build/msal-event-bundle.js): each fails by name where MSAL would use what is missing, and
// answers as MSAL does where MSAL reaches it with the feature off.

type Exports = Record<string, unknown>;
type Constructor = new (...args: unknown[]) => Record<string, (...args: unknown[]) => unknown>;

/** A stand-in file with what it imports, as CommonJS, evaluated here. */
function stubs(file: string): Exports {
  const built = buildSync({
    entryPoints: [join(ROOT, "scripts", "build", "msal", file)],
    bundle: true,
    format: "cjs",
    platform: "neutral",
    write: false,
  });
  const module = { exports: {} as Exports };
  const run = runInThisContext(`(function (module, exports) {\n${built.outputFiles[0]!.text}\n})`) as (
    module: { exports: Exports },
    exports: Exports,
  ) => void;
  run(module, module.exports);
  return module.exports;
}

const interactive = stubs("interactive-stubs.mjs");
const tokenBinding = stubs("token-binding-stubs.mjs");
const options = stubs("options-stubs.mjs");

const leftOut = (what: RegExp) =>
  expect.objectContaining({
    name: "EventBundleError",
    errorCode: "not_in_event_bundle",
    message: expect.stringMatching(what),
  });

test.each<[string, Exports, RegExp]>([
  ["PopupClient", interactive, /^MSAL's popup sign-in is not part of events\.js: event handlers/],
  ["AuthorizationCodeClient", interactive, /^MSAL's auth-code redemption is not part of events\.js/],
  ["PopTokenGenerator", tokenBinding, /^MSAL's proof-of-possession tokens .*Bearer tokens only$/],
  ["DpopProofGenerator", tokenBinding, /^MSAL's DPoP proofs .*Bearer tokens only$/],
  ["ServerTelemetryManager", options, /^MSAL's server telemetry .*serverTelemetryEnabled is left off$/],
  ["LocalStorage", options, /^MSAL's localStorage cache .*"sessionStorage"$/],
])("%s cannot be made, and says why", (name, file, message) => {
  const Stub = file[name] as Constructor;
  expect(() => new Stub()).toThrow(leftOut(message));
});

test.each<[string, RegExp]>([
  ["monitorPopupForHash", /^MSAL's popup watcher/],
  ["monitorIframeForHash", /^MSAL's hidden-iframe watcher/],
  ["generatePkceCodes", /^MSAL's PKCE codes/],
])("%s rejects by name, as the asynchronous function it stands for", async (name, message) => {
  const stub = interactive[name] as () => Promise<unknown>;
  await expect(stub()).rejects.toEqual(leftOut(message));
});

test("DPoP request contexts and regional endpoints fail by name", () => {
  expect(() => (tokenBinding.normalizeDpopResourceRequestContext as () => unknown)()).toThrow(
    leftOut(/^MSAL's DPoP proofs/),
  );
  expect(() => (options.isValidRegion as () => unknown)()).toThrow(leftOut(/^MSAL's regional endpoints/));
});

test("there is no popup watcher to cancel", () => {
  expect((interactive.cancelPendingPopupPollingResponse as () => unknown)()).toBeUndefined();
});

describe("the token-binding key manager", () => {
  // MSAL's controllers and CryptoOps make one as they start, on every path.
  const Manager = tokenBinding.TokenBindingKeyManager as Constructor;
  const manager = new Manager({}, {});

  test.each(["provisionTokenBindingKey", "getTokenBindingPublicKeyJwk", "getTokenBindingKeyPair"])(
    "%s rejects by name",
    async (method) => {
      await expect(manager[method]!({ correlationId: "c" })).rejects.toEqual(
        leftOut(/^MSAL's token-binding keys .*Bearer tokens only$/),
      );
    },
  );

  test("answers as an empty key store: no key found, nothing to remove or clear", async () => {
    await expect(manager.hasTokenBindingKey!("kid", "c")).resolves.toBe(false);
    await expect(manager.isTokenBindingKeyPersisted!("kid", "c")).resolves.toBe(false);
    await expect(manager.removeTokenBindingKey!("kid", "c")).resolves.toBeUndefined();
    await expect(manager.clearKeystore!("c")).resolves.toBe(true);
  });
});

describe("the region discovery every Authority makes", () => {
  const Discovery = options.RegionDiscovery as Constructor;

  test("constructs as MSAL's does, and refuses to detect a region", async () => {
    const discovery = new Discovery({}, {}, {}, "c");
    await expect(discovery.detectRegion!(undefined, {})).rejects.toEqual(
      leftOut(/^MSAL's Azure region discovery .*no azureRegionConfiguration$/),
    );
  });
});

describe("the stub server telemetry, which MSAL builds on every silent request", () => {
  const Ours = options.StubServerTelemetryManager as Constructor;
  const msal = new MsalStubServerTelemetryManager() as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  const ours = new Ours();
  const overridden = Object.getOwnPropertyNames(MsalStubServerTelemetryManager.prototype).filter(
    (name) => name !== "constructor",
  );

  test("has every method MSAL's stub answers itself", () => {
    expect(overridden.length).toBeGreaterThan(5);
    expect(overridden.filter((name) => typeof ours[name] !== "function")).toEqual([]);
  });

  test.each(overridden.map((name) => [name]))("%s answers as MSAL's stub does", (name) => {
    const argument = new Error("failed");
    expect(ours[name]!(argument)).toEqual(msal[name]!(argument));
  });
});
