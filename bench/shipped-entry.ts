// What the benchmarks time of the add-in, gathered into one entry that ./shipped.ts bundles as the
// add-in is shipped. The local Graph server and the fixtures are not timed, and load as they are.
export { decide } from "../src/core/decide";
export { parsePolicy } from "../src/core/policy";
export { createCachedDirectory } from "../src/directory/cache";
export { createGraphDirectory } from "../src/directory/graph/graph-directory";
export { evaluate } from "../src/check/evaluate";
export { directoryFor, settingsLoader, threadsFor } from "../src/app/services";
export { staticTokenProvider } from "../src/auth/static";
export { createHandlers } from "../src/events/handlers";
export { createMemoryStore } from "../src/storage/memory";
