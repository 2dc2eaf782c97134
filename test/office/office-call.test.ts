import { isOfficeCallError, officeCall, OfficeCallError } from "../../src/office/office-call";

// Office hands callbacks an AsyncResult whose status is "succeeded"/"failed" at run time, while
// @types/office-js declares a numeric enum (0/1): both must be understood.

const later = (call: () => void) => void Promise.resolve().then(call);

describe("officeCall", () => {
  it.each([["succeeded"], [0]])("resolves the value when the status is %p", async (status) => {
    await expect(officeCall("op", (done) => later(() => done({ status, value: 42 })))).resolves.toBe(42);
  });

  it.each([["failed"], [1]])("rejects when the status is %p", async (status) => {
    const error = { code: 9002, name: "InvalidApiCall", message: "Appel non valide" };
    const promise = officeCall("item.bodyAsync", (done) => later(() => done({ status, value: null, error })));
    await expect(promise).rejects.toBeInstanceOf(OfficeCallError);
    await expect(promise).rejects.toMatchObject({ operation: "item.bodyAsync", code: 9002 });
    await expect(promise).rejects.toThrow("Office call item.bodyAsync failed (9002)");
    // Office's message is localised: it is never carried into ours.
    await expect(promise).rejects.not.toThrow(/Appel/);
  });

  it("carries the error name when Office gives no code, and null when it gives no error", async () => {
    const named = officeCall("a", (done) => done({ status: "failed", value: null, error: { name: "Boom" } }));
    await expect(named).rejects.toMatchObject({ code: "Boom" });
    const bare = officeCall("b", (done) => done({ status: "failed", value: null, error: null }));
    await expect(bare).rejects.toMatchObject({ code: null, message: "Office call b failed (no code)" });
  });

  it("turns a synchronous throw into a rejection that keeps the cause", async () => {
    const cause = new TypeError("item.from is undefined");
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = officeCall("from.getAsync", () => {
        throw cause;
      });
    }).not.toThrow();
    await expect(pending).rejects.toMatchObject({ name: "OfficeCallError", code: null, cause });
  });

  it("keeps the first answer when the method calls back and then throws", async () => {
    const promise = officeCall("x", (done) => {
      done({ status: "succeeded", value: "first" });
      throw new Error("after the callback");
    });
    await expect(promise).resolves.toBe("first");
  });

  it("recognises its errors by name, so they survive crossing runtimes", () => {
    const foreign = Object.assign(new Error("from another realm"), { name: "OfficeCallError" });
    expect(isOfficeCallError(foreign)).toBe(true);
    expect(isOfficeCallError(new OfficeCallError("x", 1))).toBe(true);
    expect(isOfficeCallError(new Error("x"))).toBe(false);
    expect(isOfficeCallError({ name: "OfficeCallError" })).toBe(false);
  });
});
