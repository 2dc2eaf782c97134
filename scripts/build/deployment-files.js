// The files an admin hosts beside the bundles: manifest.xml rendered for the base URL, the
// well-known list that classic Outlook on Windows checks before its JavaScript-only runtime may
// make CORS requests or get tokens, the deployment config and the default policy.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { defaultPolicyText } = require("./options");

const TEMPLATE = join(__dirname, "..", "..", "manifest", "manifest.template.xml");
const PLACEHOLDER = /\$\{([A-Z_]+)\}/g;

function escapeXml(value) {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Fills every ${NAME} placeholder of the manifest template; an unknown one is an error, not blank. */
function renderManifest(options, template = readFileSync(TEMPLATE, "utf8")) {
  const values = {
    BASE_URL: options.baseUrl,
    BASE_ORIGIN: options.origin,
    VERSION: options.version,
    SEND_MODE: options.sendMode,
    SUPPORT_URL: options.supportUrl,
    PROVIDER_NAME: options.providerName,
  };
  return template.replace(PLACEHOLDER, (match, name) => {
    if (!(name in values)) throw new Error(`manifest template has an unknown placeholder ${match}`);
    return escapeXml(values[name]);
  });
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
          compilation.fileDependencies.add(TEMPLATE);
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

module.exports = { DeploymentFilesPlugin, renderManifest, wellKnownAllowed, escapeXml };
