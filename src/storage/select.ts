import { createLocalStorageStore } from "./local-storage";
import { createMemoryStore } from "./memory";
import { createOfficeRuntimeStore, type OfficeRuntimeStorage } from "./office-runtime";
import type { KeyValueStore } from "./port";

// OfficeRuntime.storage exists in the event runtimes (all platforms, Mailbox 1.10+) and in task
// panes that share a runtime; classic Outlook's JavaScript-only runtime has no localStorage at all.
// localStorage serves task panes elsewhere; memory is the last resort (nothing survives the runtime).

export type StoreKind = "office-runtime" | "local-storage" | "memory";

export function selectStore(scope: object = globalThis): { store: KeyValueStore; kind: StoreKind } {
  const officeRuntime = (scope as { OfficeRuntime?: { storage?: OfficeRuntimeStorage } }).OfficeRuntime;
  if (officeRuntime?.storage && typeof officeRuntime.storage.getItem === "function") {
    return { store: createOfficeRuntimeStore(officeRuntime.storage), kind: "office-runtime" };
  }
  try {
    const local = (scope as { localStorage?: Storage }).localStorage;
    if (local) {
      local.getItem("reach-guard:probe");
      return { store: createLocalStorageStore(local), kind: "local-storage" };
    }
  } catch {
    // Reading localStorage throws where the browser blocks it.
  }
  return { store: createMemoryStore(), kind: "memory" };
}
