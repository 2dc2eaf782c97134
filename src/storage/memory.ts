import type { KeyValueStore } from "./port";

/** A store that lives as long as the page or runtime: the fallback, and the one tests use. */
export function createMemoryStore(initial?: Iterable<readonly [string, string]>): KeyValueStore {
  const values = new Map<string, string>(initial);
  return {
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => {
      values.set(key, value);
    },
    remove: async (key) => {
      values.delete(key);
    },
  };
}
