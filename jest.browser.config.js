// Browser tests: the playground in headless Chromium (playwright-core + Debian's chromium). One
// build is made in globalSetup and shared; tests run one at a time because they share that browser
// profile's machine and each drives a whole page.
/** @type {import('jest').Config} */
module.exports = {
  testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
    // The tests read the local Graph server's demo data, which fingerprints with @noble/hashes
    // (ESM only), as jest.config.js does.
    "^.+/node_modules/@noble/hashes/.+\\.js$": ["ts-jest", { tsconfig: "tsconfig.jest-esm-deps.json" }],
  },
  transformIgnorePatterns: ["/node_modules/(?!@noble/hashes/)"],
  globalSetup: "<rootDir>/test/browser/global-setup.ts",
  maxWorkers: 1,
  testTimeout: 60_000,
  slowTestThreshold: 30,
};
