// Binds ./web-apis.js into one MSAL module in place of the globals it uses (see
// ../msal-event-bundle.js): a module-level binding shadows the global in that module alone.
const WEB_API_NAMES = ["atob", "btoa", "TextEncoder", "TextDecoder", "URL"];
const BINDING = "__reachGuardWebApis";

/** The names `source` uses as identifiers (not as property names such as `x.atob`). */
function webApiNamesIn(source) {
  return WEB_API_NAMES.filter((name) => new RegExp(`(^|[^.\\w$])${name}(?![\\w$])`).test(source));
}

function webApisLoader(source) {
  const names = webApiNamesIn(source);
  if (names.length === 0) return source;
  const { fallback } = this.getOptions();
  // A default import: an ECMAScript module (.mjs) may take only that from a CommonJS one. Imports
  // are hoisted and this runs before the module's own code, so nothing else in it moves.
  return (
    `import ${BINDING} from ${JSON.stringify(fallback)};\n` +
    `const { ${names.join(", ")} } = ${BINDING};\n${source}`
  );
}

module.exports = webApisLoader;
module.exports.WEB_API_NAMES = WEB_API_NAMES;
module.exports.webApiNamesIn = webApiNamesIn;
