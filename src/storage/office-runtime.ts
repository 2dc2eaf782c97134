import type { KeyValueStore } from "./port";

/** The shape of OfficeRuntime.storage (event runtime and task pane). */
export interface OfficeRuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

export function createOfficeRuntimeStore(
  storage: OfficeRuntimeStorage,
  prefix = "reach-guard:",
): KeyValueStore {
  // Every method async: a platform call that throws before returning its promise must still reach
  // the caller as a rejection (callers such as the list-size cache only attach .catch()).
  return {
    get: async (key) => (await storage.getItem(prefix + key)) ?? null,
    set: async (key, value) => storage.setItem(prefix + key, value),
    remove: async (key) => storage.removeItem(prefix + key),
  };
}
