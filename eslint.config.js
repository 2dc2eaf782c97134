// @ts-check
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const prettier = require("eslint-config-prettier");

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
    // The core is pure: no Office.js, React, Node or network. Dependencies run entries -> adapters -> core.
    files: ["src/core/**/*.ts", "src/strings/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "react",
            "react-dom",
            "@fluentui/*",
            "@azure/*",
            "node:*",
            "fs",
            "http",
            "https",
            "../directory/*",
            "../office/*",
            "../storage/*",
            "../auth/*",
          ],
        },
      ],
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
