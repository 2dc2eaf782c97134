import type { KeyValueStore } from "./port";

/** What Reach Guard's keys start with in a localStorage it shares with the page. */
export const LOCAL_STORAGE_PREFIX = "reach-guard:";

/** `window.localStorage` where the platform has it (task pane, Outlook on the web). */
export function createLocalStorageStore(
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem">,
  prefix = LOCAL_STORAGE_PREFIX,
): KeyValueStore {
  return {
    async get(key) {
      try {
        return storage.getItem(prefix + key);
      } catch {
        return null;
      }
    },
    async set(key, value) {
      try {
        storage.setItem(prefix + key, value);
      } catch (cause) {
        throw new Error("The browser refused to store Reach Guard's data (storage full or blocked)", {
          cause,
        });
      }
    },
    async remove(key) {
      try {
        storage.removeItem(prefix + key);
      } catch {
        // Nothing stored, nothing to remove.
      }
    },
  };
}
