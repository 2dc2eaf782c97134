import { selectStore } from "../../src/storage/select";
import { FakeOfficeRuntimeStorage, FakeWebStorage } from "./fakes";

// Each case hands selectStore a scope of its own rather than touching globalThis.

describe("selectStore", () => {
  it("prefers OfficeRuntime.storage over localStorage, and the store it gives writes there", async () => {
    const runtime = new FakeOfficeRuntimeStorage();
    const local = new FakeWebStorage();
    const { store, kind } = selectStore({ OfficeRuntime: { storage: runtime }, localStorage: local });
    expect(kind).toBe("office-runtime");
    await store.set("settings:v1", "{}");
    expect(runtime.data.get("reach-guard:settings:v1")).toBe("{}");
    expect(local.data.size).toBe(0);
  });

  it.each([
    ["OfficeRuntime without storage", { OfficeRuntime: {} }],
    ["a storage without getItem", { OfficeRuntime: { storage: {} } }],
    ["no OfficeRuntime", {}],
  ])("uses localStorage given %s", async (_what, scope) => {
    const local = new FakeWebStorage();
    const { store, kind } = selectStore({ ...scope, localStorage: local });
    expect(kind).toBe("local-storage");
    await store.set("k", "v");
    expect(local.data.get("reach-guard:k")).toBe("v");
  });

  it("falls back to memory where reading localStorage throws (blocked by the browser)", async () => {
    const blockedProperty = {
      get localStorage(): Storage {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    };
    expect(selectStore(blockedProperty).kind).toBe("memory");
    const blockedReads = new FakeWebStorage();
    blockedReads.failReads = true;
    expect(selectStore({ localStorage: blockedReads }).kind).toBe("memory");
  });

  it("falls back to memory where there is neither (classic Outlook's JavaScript-only runtime)", async () => {
    const { store, kind } = selectStore({});
    expect(kind).toBe("memory");
    await store.set("k", "v");
    await expect(store.get("k")).resolves.toBe("v");
  });

  it("gives a fresh memory store each time, so nothing leaks between runtimes", async () => {
    await selectStore({}).store.set("k", "v");
    await expect(selectStore({}).store.get("k")).resolves.toBeNull();
  });
});
