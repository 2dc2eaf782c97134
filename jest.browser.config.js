// Browser tests: the playground in headless Chromium (playwright-core + Debian's chromium). One
// build is made in globalSetup and shared; tests run one at a time because they share that browser
// profile's machine and each drives a whole page.
/** @type {import('jest').Config} */
module.exports = {
  testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  globalSetup: "<rootDir>/test/browser/global-setup.ts",
  maxWorkers: 1,
  testTimeout: 60_000,
  slowTestThreshold: 30,
};
