import { createLocalStorageStore } from "../../src/storage/local-storage";
import { createMemoryStore } from "../../src/storage/memory";
import { createOfficeRuntimeStore } from "../../src/storage/office-runtime";
import { storeContract } from "./contract";
import { FakeOfficeRuntimeStorage, FakeWebStorage } from "./fakes";

const PREFIX = "reach-guard:";
const prefixed = (seed: Record<string, string> = {}) =>
  Object.entries(seed).map(([key, value]) => [PREFIX + key, value] as const);

storeContract("memory", (seed = {}) => createMemoryStore(Object.entries(seed)));

storeContract("localStorage", (seed) => {
  const storage = new FakeWebStorage();
  for (const [key, value] of prefixed(seed)) storage.setItem(key, value);
  return createLocalStorageStore(storage);
});

storeContract("OfficeRuntime.storage", (seed) => {
  const storage = new FakeOfficeRuntimeStorage();
  for (const [key, value] of prefixed(seed)) storage.data.set(key, value);
  return createOfficeRuntimeStore(storage);
});

describe("localStorage adapter", () => {
  it("turns a full store into a clear error that keeps the browser's as its cause", async () => {
    const storage = new FakeWebStorage(64);
    const store = createLocalStorageStore(storage);
    const error: unknown = await store.set("settings:v1", "x".repeat(100)).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/refused to store .*storage full or blocked/);
    expect((error as Error).cause).toMatchObject({ name: "QuotaExceededError" });
    expect(storage.data.size).toBe(0);
  });

  it("reads null and removes quietly where the browser blocks storage", async () => {
    const storage = new FakeWebStorage();
    const store = createLocalStorageStore(storage);
    await store.set("k", "v");
    storage.failReads = true;
    storage.failRemoves = true;
    await expect(store.get("k")).resolves.toBeNull();
    await expect(store.remove("k")).resolves.toBeUndefined();
  });

  it("keeps its keys under its prefix, apart from the page's other keys and other prefixes", async () => {
    const storage = new FakeWebStorage();
    storage.setItem("theme", "dark");
    const ours = createLocalStorageStore(storage);
    const other = createLocalStorageStore(storage, "playground:");
    await ours.set("theme", "ours");
    await other.set("theme", "theirs");
    expect(Object.fromEntries(storage.data)).toEqual({
      theme: "dark",
      "reach-guard:theme": "ours",
      "playground:theme": "theirs",
    });
    await ours.remove("theme");
    await expect(other.get("theme")).resolves.toBe("theirs");
    expect(storage.getItem("theme")).toBe("dark");
  });
});

describe("OfficeRuntime.storage adapter", () => {
  it("stores under its prefix", async () => {
    const storage = new FakeOfficeRuntimeStorage();
    await createOfficeRuntimeStore(storage).set("settings:v1", "{}");
    expect([...storage.data.keys()]).toEqual(["reach-guard:settings:v1"]);
  });

  it("reads null where the runtime answers undefined for a missing key", async () => {
    const storage = new FakeOfficeRuntimeStorage();
    storage.missingAs = undefined;
    await expect(createOfficeRuntimeStore(storage).get("k")).resolves.toBeNull();
  });

  it.each(["sync", "async"] as const)("a write the runtime refuses (%s) is a rejection", async (how) => {
    const storage = new FakeOfficeRuntimeStorage();
    storage.failWrites = how;
    const store = createOfficeRuntimeStore(storage);
    let write: Promise<void> | undefined;
    let remove: Promise<void> | undefined;
    expect(() => {
      write = store.set("k", "v");
      remove = store.remove("k");
    }).not.toThrow();
    await expect(write).rejects.toThrow(/Storage/);
    if (how === "sync") await expect(remove).rejects.toThrow(/Storage/);
    else await expect(remove).resolves.toBeUndefined();
  });
});
