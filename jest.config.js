// Unit, adapter and component tests. Browser tests (Chromium) run from scripts/test-browser.js.
/** @type {import('jest').Config} */
module.exports = {
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
    // ESM-only packages jest cannot require as they are: strip-bom and uuid (pulled by
    // office-addin-mock) and @noble/hashes (the fingerprint's SHA-256).
    "^.+/node_modules/(strip-bom|uuid|@noble/hashes)/.+\\.js$": [
      "ts-jest",
      { tsconfig: "tsconfig.jest-esm-deps.json" },
    ],
  },
  // The first copy of strip-bom is nested under @microsoft/app-manifest, which office-addin-manifest pulls in.
  transformIgnorePatterns: [
    "/node_modules/(?!(@microsoft/app-manifest/node_modules/)?(strip-bom|uuid|@noble/hashes)/)",
  ],
  testTimeout: 20000,
};
