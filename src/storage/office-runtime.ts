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
  return {
    get: async (key) => (await storage.getItem(prefix + key)) ?? null,
    set: (key, value) => storage.setItem(prefix + key, value),
    remove: (key) => storage.removeItem(prefix + key),
  };
}
