import type { OfficeRuntimeStorage } from "../../src/storage/office-runtime";

// Stand-ins for the two platform stores, each holding its data in a Map a test can look into.

/** Web Storage as browsers have it, with an optional quota in characters (keys and values). */
export class FakeWebStorage implements Storage {
  readonly data = new Map<string, string>();
  failReads = false;
  failRemoves = false;

  constructor(private readonly quota = Infinity) {}

  get length() {
    return this.data.size;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    if (this.failReads) throw new DOMException("The operation is insecure.", "SecurityError");
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.data].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) {
      throw new DOMException("Setting the value exceeded the quota.", "QuotaExceededError");
    }
    this.data.set(key, value);
  }
  removeItem(key: string) {
    if (this.failRemoves) throw new DOMException("The operation is insecure.", "SecurityError");
    this.data.delete(key);
  }
}

/** OfficeRuntime.storage: promises over a Map, or a platform that misbehaves as told. */
export class FakeOfficeRuntimeStorage implements OfficeRuntimeStorage {
  readonly data = new Map<string, string>();
  /** "sync": the call throws before returning a promise; "async": the promise rejects. */
  failWrites: "sync" | "async" | null = null;
  /** Some runtimes answer undefined, not null, for a key they do not hold. */
  missingAs: null | undefined = null;

  async getItem(key: string) {
    return this.data.has(key) ? (this.data.get(key) as string) : (this.missingAs as null);
  }
  setItem(key: string, value: string): Promise<void> {
    if (this.failWrites === "sync") throw new Error("Storage is not available in this runtime");
    if (this.failWrites === "async") return Promise.reject(new Error("Storage limit reached"));
    this.data.set(key, value);
    return Promise.resolve();
  }
  removeItem(key: string): Promise<void> {
    if (this.failWrites === "sync") throw new Error("Storage is not available in this runtime");
    this.data.delete(key);
    return Promise.resolve();
  }
}
