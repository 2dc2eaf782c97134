// @ts-check
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const prettier = require("eslint-config-prettier");
const rooms = require("./scripts/lint/rooms");

module.exports = tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "test-output/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The plan of the house: which room may import which (scripts/lint/rooms.js).
    files: ["src/**/*.ts", "src/**/*.tsx"],
    plugins: { rooms: rooms.plugin },
    rules: { "rooms/allowed-imports": "error" },
  },
  {
    // The core, the words and the small helpers run anywhere, the JavaScript-only runtime included:
    // no Office.js, page or network globals.
    files: ["src/core/**/*.ts", "src/present/**/*.ts", "src/kit/**/*.ts", "src/check/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        "fetch",
        "Office",
        "OfficeRuntime",
        "window",
        "document",
        "localStorage",
        "XMLHttpRequest",
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  prettier,
);
