import { abortable, after, LONGEST_WAIT_MS, waitFor, within } from "../../src/kit/deadline";

/** What a promise has done so far, read without waiting for it. */
function watch<T>(promise: Promise<T>) {
  const seen: { state: "pending" | "fulfilled" | "rejected"; value?: T; reason?: unknown } = {
    state: "pending",
  };
  promise.then(
    (value) => Object.assign(seen, { state: "fulfilled", value }),
    (reason: unknown) => Object.assign(seen, { state: "rejected", reason }),
  );
  return seen;
}

const never = <T>() => new Promise<T>(() => undefined);

describe("waitFor", () => {
  it.each([
    [0, 0],
    [-5, 0],
    [Number.NaN, 0],
    [1500, 1500],
    [LONGEST_WAIT_MS, LONGEST_WAIT_MS],
    // setTimeout would fire these at once.
    [LONGEST_WAIT_MS + 1, LONGEST_WAIT_MS],
    [Number.MAX_SAFE_INTEGER, LONGEST_WAIT_MS],
    [Number.POSITIVE_INFINITY, LONGEST_WAIT_MS],
  ])("waits %p ms as %p", (ms, expected) => {
    expect(waitFor(ms)).toBe(expected);
  });
});

describe("within (fake timers)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("settles as the work does when it is in time, and leaves no timer behind", async () => {
    const onTimeout = jest.fn(() => "late");
    const result = watch(within(1000, () => Promise.resolve("answer"), onTimeout));
    await jest.advanceTimersByTimeAsync(0);
    expect(result).toEqual({ state: "fulfilled", value: "answer" });
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(5000);
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it("gives onTimeout's value exactly at the limit, not a millisecond before", async () => {
    const result = watch(within(1000, never<string>, () => "fallback"));
    await jest.advanceTimersByTimeAsync(999);
    expect(result.state).toBe("pending");
    await jest.advanceTimersByTimeAsync(1);
    expect(result).toEqual({ state: "fulfilled", value: "fallback" });
    expect(jest.getTimerCount()).toBe(0);
  });

  it("rejects with what onTimeout throws", async () => {
    const late = new Error("late");
    const result = watch(
      within(200, never, () => {
        throw late;
      }),
    );
    await jest.advanceTimersByTimeAsync(200);
    expect(result).toEqual({ state: "rejected", reason: late });
  });

  it("follows a promise onTimeout returns", async () => {
    const result = watch(within(100, never<number>, () => Promise.resolve(7)));
    await jest.advanceTimersByTimeAsync(100);
    expect(result).toEqual({ state: "fulfilled", value: 7 });
  });

  it("passes the work's rejection on, clearing the timer", async () => {
    const boom = new Error("boom");
    const onTimeout = jest.fn(() => 0);
    const result = watch(within(1000, () => Promise.reject(boom), onTimeout));
    await jest.advanceTimersByTimeAsync(0);
    expect(result).toEqual({ state: "rejected", reason: boom });
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(1000);
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it("turns work that throws before it returns a promise into a rejection", async () => {
    const boom = new Error("thrown at once");
    const result = watch(
      within(
        1000,
        () => {
          throw boom;
        },
        () => "fallback",
      ),
    );
    await jest.advanceTimersByTimeAsync(0);
    expect(result).toEqual({ state: "rejected", reason: boom });
    expect(jest.getTimerCount()).toBe(0);
  });

  it("accepts work that answers without a promise", async () => {
    const result = watch(
      within(
        1000,
        () => 3,
        () => 0,
      ),
    );
    await jest.advanceTimersByTimeAsync(0);
    expect(result).toEqual({ state: "fulfilled", value: 3 });
  });

  it("ignores the work once the limit has passed, a late rejection included (nothing unhandled)", async () => {
    let fail: (reason: unknown) => void = () => undefined;
    const work = new Promise<string>((_, reject) => (fail = reject));
    const result = watch(
      within(
        100,
        () => work,
        () => "fallback",
      ),
    );
    await jest.advanceTimersByTimeAsync(100);
    fail(new Error("too late"));
    await jest.advanceTimersByTimeAsync(0);
    expect(result).toEqual({ state: "fulfilled", value: "fallback" });
  });

  it("times out at once on a limit already spent, after the work has had its turn", async () => {
    for (const ms of [0, -250, Number.NaN]) {
      const result = watch(within(ms, never<string>, () => "spent"));
      await jest.advanceTimersByTimeAsync(0);
      expect(result).toEqual({ state: "fulfilled", value: "spent" });
    }
  });

  it("waits the longest setTimeout can for a deadline too far away, instead of firing at once", async () => {
    const result = watch(within(Number.MAX_SAFE_INTEGER, never<string>, () => "far"));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(result.state).toBe("pending");
  });
});

describe("within (real timers)", () => {
  it("ends a wait that would never end", async () => {
    const started = Date.now();
    await expect(within(30, never<string>, () => "fallback")).resolves.toBe("fallback");
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});

describe("after", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("runs the action once at the limit", () => {
    const action = jest.fn();
    after(500, action);
    jest.advanceTimersByTime(499);
    expect(action).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(action).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(5000);
    expect(action).toHaveBeenCalledTimes(1);
  });

  it("never runs it once cancelled, and leaves no timer", () => {
    const action = jest.fn();
    const cancel = after(500, action);
    cancel();
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(1000);
    expect(action).not.toHaveBeenCalled();
  });
});

describe("abortable", () => {
  it("aborts its signal when asked", () => {
    const { signal, abort } = abortable();
    expect(signal?.aborted).toBe(false);
    abort();
    expect(signal?.aborted).toBe(true);
  });

  it("follows the caller's signal until released", () => {
    const outer = new AbortController();
    const first = abortable(outer.signal);
    const second = abortable(outer.signal);
    second.release();
    outer.abort();
    expect(first.signal?.aborted).toBe(true);
    expect(second.signal?.aborted).toBe(false);
  });

  it("starts aborted when the caller's signal already is", () => {
    const outer = new AbortController();
    outer.abort();
    expect(abortable(outer.signal).signal?.aborted).toBe(true);
  });

  it("gives no signal, and does nothing, where the runtime has no AbortController", () => {
    const real = globalThis.AbortController;
    // Classic Outlook's JavaScript-only runtime does not promise one.
    Reflect.deleteProperty(globalThis, "AbortController");
    try {
      const link = abortable();
      expect(link.signal).toBeUndefined();
      expect(() => {
        link.abort();
        link.release();
      }).not.toThrow();
    } finally {
      globalThis.AbortController = real;
    }
  });
});
