// The plan of the house, enforced: each room of src/ lists the rooms and packages it may import.
// Dependencies run one way: entries (events, taskpane, cli, playground) -> app (wiring) -> check ->
// adapters (office, directory, storage, auth) -> core; present and kit are used from any room
// above them. An import that is not on the list fails `npm run lint`.
const path = require("node:path");

const ENTRIES = ["events", "taskpane", "cli", "playground"];
const ADAPTERS = ["office", "directory", "storage", "auth"];
const BELOW_ENTRIES = ["app", "check", "present", "core", "kit", ...ADAPTERS];

/** Room -> the rooms (besides itself) and the packages it may import. */
const ROOMS = {
  core: { rooms: [], packages: ["punycode", "@noble/hashes", "zod"] },
  kit: { rooms: [], packages: [] },
  present: { rooms: ["core"], packages: [] },
  storage: { rooms: ["core", "kit"], packages: [] },
  office: { rooms: ["core", "kit"], packages: [] },
  // The Graph directory asks auth's port for tokens; auth checks Graph roots as the directory does.
  directory: { rooms: ["core", "kit", "storage", "auth"], packages: ["zod"] },
  auth: { rooms: ["core", "kit", "directory"], packages: ["@azure/msal-browser"] },
  check: { rooms: ["core", "kit", "present", ...ADAPTERS], packages: [] },
  app: { rooms: ["core", "kit", "present", "check", ...ADAPTERS], packages: ["zod"] },
  events: { rooms: BELOW_ENTRIES, packages: [] },
  taskpane: {
    rooms: BELOW_ENTRIES,
    packages: ["react", "react-dom", "@fluentui/react-components", "@azure/msal-browser"],
  },
  // The tenant scan (reach-guard scan): Node only, never in an add-in bundle.
  scan: {
    rooms: ["core", "kit", "present", "directory", "auth"],
    packages: ["node:*", "@azure/msal-node", "zod"],
  },
  // The Exchange backstop script (reach-guard exchange): text generation only, no Node; figures
  // are written as the add-in writes them.
  exchange: { rooms: ["core", "kit", "present"], packages: [] },
  cli: { rooms: [...BELOW_ENTRIES, "fake-graph", "scan", "exchange"], packages: ["node:*"] },
  // The playground hosts the add-in's own bundles in frames, never its entries' modules.
  playground: {
    rooms: [...BELOW_ENTRIES, "fake-graph"],
    packages: ["react", "react-dom", "@fluentui/react-components", "node:*"],
  },
  "fake-graph": { rooms: ["core", "kit"], packages: ["node:*"] },
};

const SRC = path.join(__dirname, "..", "..", "src");

function roomOf(file) {
  const relative = path.relative(SRC, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  const [room] = relative.split(path.sep);
  return room && !room.includes(".") ? room : null;
}

function packageName(specifier) {
  if (specifier.startsWith("node:")) return "node:*";
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Why `specifier`, imported from `file`, breaks the plan; null when it keeps to it. */
function problem(file, specifier) {
  const room = roomOf(file);
  if (room === null) return null;
  const rules = ROOMS[room];
  if (!rules) return `src/${room} is not a room of the plan (scripts/lint/rooms.js): add it there first`;
  if (specifier.startsWith(".")) {
    const target = roomOf(path.resolve(path.dirname(file), specifier));
    if (target === null) return `src/${room} may not import from outside src/ (${specifier})`;
    if (target === room || rules.rooms.includes(target)) return null;
    return `src/${room} may not import src/${target} (${specifier}); it may import ${[room, ...rules.rooms].join(", ")}`;
  }
  const name = packageName(specifier);
  if (rules.packages.includes(name)) return null;
  return `src/${room} may not import the package ${name}; it may import ${rules.packages.join(", ") || "no package"}`;
}

const rule = {
  meta: { type: "problem", schema: [], docs: { description: "each room imports only what the plan allows" } },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const check = (node) => {
      if (!node || typeof node.value !== "string") return;
      const message = problem(file, node.value);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

module.exports = { ROOMS, ENTRIES, problem, plugin: { rules: { "allowed-imports": rule } } };
