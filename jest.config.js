// Unit, adapter and component tests. Browser tests (Chromium) run from scripts/test-browser.js.
/** @type {import('jest').Config} */
module.exports = {
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
    // office-addin-mock pulls ESM-only strip-bom and uuid, which jest cannot require as they are.
    "^.+/node_modules/(strip-bom|uuid)/.+\\.js$": ["ts-jest", { tsconfig: "tsconfig.jest-esm-deps.json" }],
  },
  // The first copy of strip-bom is nested under @microsoft/app-manifest, which office-addin-manifest pulls in.
  transformIgnorePatterns: ["/node_modules/(?!(@microsoft/app-manifest/node_modules/)?(strip-bom|uuid)/)"],
  testTimeout: 20000,
};
