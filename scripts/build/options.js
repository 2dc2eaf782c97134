// Build options: read from flags, webpack `--env` values or environment variables, checked once, so
// that a bad value stops the build with one line naming it instead of producing a broken manifest.
const { readFileSync } = require("node:fs");
const { join, resolve } = require("node:path");
const { URL } = require("node:url");
const { register } = require("tsx/cjs/api");

// The add-in's TypeScript modules, compiled by tsx when the build runs under plain Node (a test
// runner compiles them itself). Registered without a namespace, so module paths stay plain file
// paths, which webpack's build cache tracks.
register();

// The add-in's own checks of its config.json and policy.json, run on what the build writes: a file
// the build accepts is one the add-in accepts, by the same code.
const { parseHostConfig } = require("../../src/app/host-config.ts");
const { isPolicyError, parsePolicyText } = require("../../src/core/policy.ts");
const { isLoopbackHost } = require("../../src/kit/loopback.ts");

const ROOT = join(__dirname, "..", "..");
const SEND_MODES = ["SoftBlock", "PromptUser", "Block"];
// Version element: 1 to 4 dot-separated parts of at most 5 digits (manifest reference, "Version").
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
// Entra ID's multi-tenant authorities: the app registration is single-tenant (DEPLOY.md, section 1),
// so a hosted build must name the tenant itself.
const MULTI_TENANT = ["common", "organizations", "consumers"];
// The flags that say how to reach Graph, refused beside --no-graph.
const GRAPH_FLAGS = {
  clientId: "--client-id",
  tenantId: "--tenant-id",
  graphRoot: "--graph-root",
  authority: "--authority",
};

/** An error's message, also for errors from another realm (a test runner's sandbox). */
function messageOf(error) {
  return error !== null && typeof error === "object" && typeof error.message === "string"
    ? error.message
    : String(error);
}

class BuildOptionError extends Error {
  constructor(message) {
    super(message);
    this.name = "BuildOptionError";
  }
}

function fail(message) {
  throw new BuildOptionError(message);
}

/** An https URL (or http on a loopback host, for local playground builds) without a trailing slash. */
function parseBaseUrl(value) {
  if (!value) fail("a base URL is required: --base-url https://host.example.org/reach-guard");
  let url;
  try {
    url = new URL(value);
  } catch {
    fail(`--base-url ${value} is not a URL`);
  }
  const local = url.protocol === "http:" && isLoopbackHost(url.hostname);
  if (url.protocol !== "https:" && !local) {
    fail(`--base-url must use https (Outlook loads add-ins only over https), got ${value}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    fail(`--base-url must not contain a query, fragment or credentials, got ${value}`);
  }
  return { baseUrl: url.href.replace(/\/+$/, ""), origin: url.origin, local };
}

function httpsUrl(name, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    fail(`${name} ${value} is not a URL`);
  }
  if (url.protocol !== "https:") fail(`${name} must use https, got ${value}`);
  return url.href.replace(/\/+$/, "");
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    fail(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The deployment config the task pane and handlers read at run time (config/config.json + flags). */
function deploymentConfig(input, { local, noGraph }) {
  if (noGraph) {
    const given = Object.keys(GRAPH_FLAGS).filter((field) => input[field] !== undefined);
    if (given.length > 0) {
      fail(
        `--no-graph cannot be combined with ${given.map((field) => GRAPH_FLAGS[field]).join(", ")}: ` +
          "it builds an add-in that never asks Microsoft Graph",
      );
    }
  }
  const base = readJson(join(ROOT, "config", "config.json"));
  const config = { ...base };
  for (const field of Object.keys(GRAPH_FLAGS)) {
    if (input[field] !== undefined) config[field] = input[field];
  }
  const tenant = typeof config.tenantId === "string" ? config.tenantId.trim().toLowerCase() : "";
  if (!local && !noGraph && MULTI_TENANT.includes(tenant) && input.tenantId !== undefined) {
    fail(
      `--tenant-id ${input.tenantId} is refused: the app registration is single-tenant, so give ` +
        "the Directory (tenant) ID (a GUID) or a verified domain",
    );
  }
  const checked = parseHostConfig(config);
  if (checked instanceof Error) {
    fail(
      `${checked.message.replace(/^Invalid config\.json: /, "config.json ")} ` +
        "(set from config/config.json and --client-id, --tenant-id, --graph-root, --authority)",
    );
  }
  // No client id: the add-in never asks for a token, and decides on the policy alone.
  if (noGraph) return { ...checked, clientId: "" };
  if (local) return checked;
  // A hosted build: Graph is wanted unless --no-graph says otherwise, and then it needs both ids.
  const noClient = checked.clientId === "";
  const noTenant = MULTI_TENANT.includes(checked.tenantId.toLowerCase());
  const withoutGraph = "; to build without Microsoft Graph, pass --no-graph";
  if (noClient && noTenant) {
    fail(
      "--client-id and --tenant-id are required for an https build: the app registration's " +
        `Application (client) ID and Directory (tenant) ID (or a verified domain)${withoutGraph}`,
    );
  }
  if (noClient) {
    fail(
      "--client-id is required for an https build: the app registration's Application (client) ID" +
        withoutGraph,
    );
  }
  if (noTenant) {
    fail(
      "--tenant-id is required for an https build: the Directory (tenant) ID or a verified domain, " +
        `not ${checked.tenantId} (the app registration is single-tenant)${withoutGraph}`,
    );
  }
  return checked;
}

/** The default policy, checked as the add-in checks it, so the build never ships one it would refuse. */
function defaultPolicyText() {
  const path = join(ROOT, "config", "policy.json");
  const text = readFileSync(path, "utf8");
  try {
    parsePolicyText(text);
  } catch (error) {
    fail(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return text;
}

/**
 * What is wrong with a policy file, checked by the add-in's own parser: an empty list when the file
 * is a valid policy, otherwise one line per problem, each naming its field.
 */
function policyFileProblems(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return [`cannot be read: ${messageOf(error)}`];
  }
  try {
    parsePolicyText(text);
    return [];
  } catch (error) {
    if (isPolicyError(error)) return [...error.problems];
    return [messageOf(error)];
  }
}

function flag(value, name) {
  if (value === undefined) return undefined;
  if (value === true || value === "true" || value === "1" || value === "") return true;
  if (value === false || value === "false" || value === "0") return false;
  fail(`${name} expects true or false, got ${value}`);
}

/**
 * Resolves raw inputs (camelCase keys, as from flags or webpack `--env`) and environment variables
 * into checked build options. Throws BuildOptionError with a one-line message.
 */
function resolveOptions(input = {}, env = process.env) {
  const { baseUrl, origin, local } = parseBaseUrl(input.baseUrl ?? env.REACH_GUARD_BASE_URL);
  const sendMode = input.sendMode ?? env.REACH_GUARD_SEND_MODE ?? "SoftBlock";
  if (!SEND_MODES.includes(sendMode)) {
    fail(`--send-mode must be one of ${SEND_MODES.join(", ")}, got ${sendMode}`);
  }
  // Only a flag acknowledges it (no environment variable): PromptUser puts "Send Anyway" on every
  // Smart Alert, the blocks included, so a build that weakens every block says so where it is run.
  const allowSendAnywayOnBlock = flag(input.allowSendAnywayOnBlock, "--allow-send-anyway-on-block") ?? false;
  if (sendMode === "PromptUser" && !allowSendAnywayOnBlock) {
    fail(
      '--send-mode PromptUser lets the sender choose "Send Anyway" on every block, even to an ' +
        "always-blocked list; add --allow-send-anyway-on-block to build it all the same",
    );
  }
  if (sendMode !== "PromptUser" && allowSendAnywayOnBlock) {
    fail(`--allow-send-anyway-on-block applies only with --send-mode PromptUser, got ${sendMode}`);
  }
  const noGraph = flag(input.noGraph, "--no-graph") ?? false;
  const packageVersion = readJson(join(ROOT, "package.json")).version;
  const version = input.version ?? env.REACH_GUARD_VERSION ?? packageVersion;
  if (!VERSION.test(version)) fail(`--version must look like 1.2.3 or 1.2.3.4, got ${version}`);
  const supportUrl = input.supportUrl ?? env.REACH_GUARD_SUPPORT_URL ?? `${baseUrl}/support.html`;
  const mode = input.mode ?? "production";
  if (mode !== "production" && mode !== "development") fail(`mode must be production or development`);
  return {
    root: ROOT,
    baseUrl,
    origin,
    local,
    sendMode,
    version,
    supportUrl: local && supportUrl.startsWith(baseUrl) ? supportUrl : httpsUrl("--support-url", supportUrl),
    providerName: input.providerName ?? env.REACH_GUARD_PROVIDER_NAME ?? "Reach Guard",
    outDir: resolve(input.out ?? env.REACH_GUARD_OUT ?? join(ROOT, "dist")),
    playground: flag(input.playground, "--playground"),
    mode,
    graph: !noGraph,
    allowSendAnywayOnBlock,
    config: deploymentConfig(input, { local, noGraph }),
  };
}

module.exports = { resolveOptions, defaultPolicyText, policyFileProblems, BuildOptionError, SEND_MODES };
