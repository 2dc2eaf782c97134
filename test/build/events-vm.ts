import { runInContext, createContext } from "node:vm";

// Built-ins from ES2017 on, which an ES2016 engine (classic Outlook on Windows before Version 2403)
// does not have. Deleting them from the sandbox makes the load test fail on a bundle that needs them.
export const LATER_BUILTINS = `
  delete globalThis.globalThis;
  for (const name of ["entries", "values", "getOwnPropertyDescriptors", "fromEntries", "hasOwn", "groupBy"])
    delete Object[name];
  for (const name of ["padStart", "padEnd", "trimStart", "trimEnd", "matchAll", "replaceAll", "at"])
    delete String.prototype[name];
  for (const name of ["flat", "flatMap", "at", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced", "with"])
    delete Array.prototype[name];
  delete Promise.prototype.finally;
  for (const name of ["allSettled", "any", "withResolvers"]) delete Promise[name];
  for (const name of ["SharedArrayBuffer", "Atomics", "BigInt", "BigInt64Array", "BigUint64Array", "WeakRef",
    "FinalizationRegistry", "AggregateError"]) delete this[name];
`;

export interface LoadResult {
  /** Names passed to Office.actions.associate, in order. */
  readonly registered: readonly string[];
  readonly error: unknown;
}

const quiet = { log() {}, info() {}, warn() {}, error() {}, debug() {} };

/**
 * Runs the event bundle the way the JavaScript-only runtime does: a plain script with `Office`,
 * `OfficeRuntime.storage`, `console` and timers, and nothing of a browser (no window, document,
 * localStorage, self, navigator).
 */
export function loadEventBundle(code: string): LoadResult {
  const registered: string[] = [];
  const Office = {
    actions: {
      associate(name: string, handler: unknown) {
        if (typeof handler !== "function") throw new TypeError(`handler for ${name} is not a function`);
        registered.push(name);
      },
    },
  };
  const memory = new Map<string, string>();
  const OfficeRuntime = {
    storage: {
      getItem: async (key: string) => memory.get(key) ?? null,
      setItem: async (key: string, value: string) => void memory.set(key, value),
      removeItem: async (key: string) => void memory.delete(key),
    },
  };
  const context = createContext({ Office, OfficeRuntime, console: quiet, setTimeout, clearTimeout });
  runInContext(LATER_BUILTINS, context);
  let error: unknown = null;
  try {
    runInContext(code, context, { filename: "events.js", timeout: 5000 });
  } catch (caught) {
    error = caught;
  }
  return { registered, error };
}
