// The files an admin hosts beside the bundles: manifest.xml made from the development manifest
// for the base URL, the well-known list that classic Outlook on Windows checks before its
// JavaScript-only runtime may make CORS requests or get tokens, the deployment config and the
// default policy.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { defaultPolicyText } = require("./options");

/** The development manifest, at the root of the repository as Office add-in projects keep it. */
const MANIFEST = join(__dirname, "..", "..", "manifest.xml");
/**
 * Where the development manifest points: what `npm start` serves (scripts/start.js takes its
 * default port from here). Every URL of the manifest is on it; the build puts its own base URL there.
 */
const DEVELOPMENT_BASE_URL = "http://localhost:3000";

function escapeXml(value) {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * What the build sets in the development manifest, each found exactly once (a URL on the
 * development base at least once). Comments are passed over whole, so that text in them is never
 * taken for an element. One pass over the text: a replaced value is never looked at again, even
 * when the build's base URL itself starts with the development one.
 */
const DEV = escapeRegExp(DEVELOPMENT_BASE_URL);
const SETTINGS = new RegExp(
  [
    "(?<comment><!--[\\s\\S]*?-->)",
    "(?<version><Version>)[^<]*(?=</Version>)",
    "(?<providerName><ProviderName>)[^<]*(?=</ProviderName>)",
    '(?<supportUrl><SupportUrl DefaultValue=")[^"]*(?=")',
    `(?<appDomain><AppDomain>)${DEV}(?=</AppDomain>)`,
    '(?<sendMode><LaunchEvent Type="OnMessageSend"[^>]*?\\sSendMode=")[^"]*(?=")',
    `(?<url>=")${DEV}(?=/)`,
    `(?<stray>)${DEV}`,
  ].join("|"),
  "g",
);
const ONCE = ["version", "providerName", "supportUrl", "appDomain", "sendMode"];

/**
 * The deployable manifest: the development manifest (manifest.xml) with the build's base URL (and
 * its origin in AppDomain), version, provider name, support URL and send mode. Throws when the
 * manifest does not have each of them where the build looks, or names the development base URL
 * anywhere else, so that a change to the manifest cannot ship localhost to an admin.
 */
function renderManifest(options, source = readFileSync(MANIFEST, "utf8")) {
  const values = {
    version: options.version,
    providerName: options.providerName,
    supportUrl: options.supportUrl,
    appDomain: options.origin,
    sendMode: options.sendMode,
    url: options.baseUrl,
  };
  const found = Object.fromEntries(Object.keys(values).map((name) => [name, 0]));
  const rendered = source.replace(SETTINGS, (match, ...rest) => {
    const groups = rest[rest.length - 1];
    if (groups.comment !== undefined) return match;
    if (groups.stray !== undefined) {
      throw new Error(
        `manifest.xml names ${DEVELOPMENT_BASE_URL} outside a URL attribute, SupportUrl or AppDomain: ` +
          "the build cannot replace it",
      );
    }
    const name = Object.keys(values).find((key) => groups[key] !== undefined);
    found[name] += 1;
    return `${groups[name]}${escapeXml(values[name])}`;
  });
  const missing = ONCE.filter((name) => found[name] !== 1);
  if (found.url === 0) missing.push("url");
  if (missing.length > 0) {
    const counts = missing.map((name) => `${name} (found ${found[name]})`).join(", ");
    throw new Error(`manifest.xml: expected exactly one of each build setting, got ${counts}`);
  }
  return rendered;
}

/**
 * `/.well-known/microsoft-officeaddins-allowed.json` (use-sso-in-event-based-activation): an object
 * whose `allowed` array lists each event bundle allowed SSO/CORS for this origin.
 */
function wellKnownAllowed(options) {
  return { allowed: [`${options.baseUrl}/events.js`] };
}

function json(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Emits the deployment files as webpack assets, so `webpack --env baseUrl=...` writes them too. */
class DeploymentFilesPlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("DeploymentFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "DeploymentFilesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const policyPath = join(this.options.root, "config", "policy.json");
          compilation.fileDependencies.add(MANIFEST);
          compilation.fileDependencies.add(policyPath);
          const files = {
            "manifest.xml": renderManifest(this.options),
            ".well-known/microsoft-officeaddins-allowed.json": json(wellKnownAllowed(this.options)),
            "config.json": json(this.options.config),
            "policy.json": json(JSON.parse(defaultPolicyText().replace(/^\uFEFF/, ""))),
          };
          for (const [name, content] of Object.entries(files)) {
            compilation.emitAsset(name, new sources.RawSource(content));
          }
        },
      );
    });
  }
}

module.exports = {
  DeploymentFilesPlugin,
  renderManifest,
  wellKnownAllowed,
  escapeXml,
  MANIFEST,
  DEVELOPMENT_BASE_URL,
};
