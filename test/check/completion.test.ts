import { guardCompletion } from "../../src/check/completion";

interface Options {
  readonly allowEvent: boolean;
  readonly newer?: string;
}

function event(throwsOn: (options: Options | undefined) => boolean = () => false) {
  const calls: (Options | undefined)[] = [];
  return {
    calls,
    completed(options?: Options) {
      calls.push(options);
      if (throwsOn(options)) throw new Error("Outlook refused the options");
    },
  };
}

describe("guardCompletion", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("completes once with the handler's options, and its limit never fires after", () => {
    const target = event();
    const fallback = jest.fn((): Options => ({ allowEvent: false }));
    const completion = guardCompletion(target, 3500, fallback);
    expect(completion.complete({ allowEvent: true })).toBe(true);
    expect(completion.complete({ allowEvent: false })).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(10_000);
    expect(target.calls).toEqual([{ allowEvent: true }]);
    expect(fallback).not.toHaveBeenCalled();
    expect(completion.done).toBe(true);
  });

  it("completes with the policy's fallback at the limit, not before, and only then", () => {
    const target = event();
    const completion = guardCompletion<Options>(target, 3500, () => ({ allowEvent: false }));
    jest.advanceTimersByTime(3499);
    expect(target.calls).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(target.calls).toEqual([{ allowEvent: false }]);
    expect(completion.complete({ allowEvent: true })).toBe(false);
    expect(target.calls).toHaveLength(1);
  });

  it("completes without options when the fallback throws", () => {
    const target = event();
    guardCompletion<Options>(target, 100, () => {
      throw new Error("no policy");
    });
    jest.advanceTimersByTime(100);
    expect(target.calls).toEqual([undefined]);
  });

  it("tries the simpler options when Outlook refuses the first ones", () => {
    const target = event((options) => options?.newer !== undefined);
    const completion = guardCompletion<Options>(
      target,
      100,
      () => undefined,
      (options) => (options ? { allowEvent: options.allowEvent } : undefined),
    );
    completion.complete({ allowEvent: false, newer: "x" });
    expect(target.calls).toEqual([{ allowEvent: false, newer: "x" }, { allowEvent: false }]);
  });
});
