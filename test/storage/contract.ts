import type { KeyValueStore } from "../../src/storage/port";

/**
 * What every KeyValueStore adapter promises, run against each one. `open` gives a store over a
 * backing that already holds `seed` (keys as the caller sees them), as a store reopened by the next
 * event handler would.
 */
export function storeContract(name: string, open: (seed?: Record<string, string>) => KeyValueStore): void {
  describe(`KeyValueStore contract: ${name}`, () => {
    it("reads null for a key never set", async () => {
      await expect(open().get("settings:v1")).resolves.toBeNull();
    });

    it.each([
      ["JSON", '{"policy":{"warnAt":50},"at":1}'],
      ["an empty string", ""],
      ["the text null", "null"],
      ["non-ASCII text", "Ærø · 840 000 👥"],
      ["a large value", "x".repeat(100_000)],
    ])("gives back %s exactly as stored", async (_what, value) => {
      const store = open();
      await store.set("k", value);
      await expect(store.get("k")).resolves.toBe(value);
    });

    it("overwrites, and forgets on remove", async () => {
      const store = open();
      await store.set("k", "one");
      await store.set("k", "two");
      await expect(store.get("k")).resolves.toBe("two");
      await store.remove("k");
      await expect(store.get("k")).resolves.toBeNull();
    });

    it("removing a key never set is not an error", async () => {
      await expect(open().remove("never-set")).resolves.toBeUndefined();
    });

    it("keeps keys apart, even ones that share a beginning", async () => {
      const store = open();
      await store.set("settings:v1", "a");
      await store.set("settings:v10", "b");
      await store.remove("settings:v10");
      await expect(store.get("settings:v1")).resolves.toBe("a");
      await expect(store.get("settings:v10")).resolves.toBeNull();
    });

    it("reads what was already there when it was opened", async () => {
      const store = open({ "size:3f9a0c1d2b4e5f60": '{"v":1}' });
      await expect(store.get("size:3f9a0c1d2b4e5f60")).resolves.toBe('{"v":1}');
    });

    it("answers every call with a promise, never a synchronous throw", () => {
      const store = open();
      const calls = [store.get("k"), store.set("k", "v"), store.remove("k")];
      for (const call of calls) expect(call).toBeInstanceOf(Promise);
      return Promise.all(calls);
    });
  });
}
