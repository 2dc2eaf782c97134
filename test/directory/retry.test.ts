import { nextDelay, parseRetryAfter } from "../../src/directory/graph/retry";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-24T10:00:00Z");
  it.each([
    ["2", 2000],
    ["0", 0],
    ["0.25", 250],
    [" 3 ", 3000],
  ])("reads seconds %j", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it("reads an HTTP date relative to now, never negative", () => {
    expect(parseRetryAfter("Tue, 24 Nov 2026 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 09:59:00 GMT", now)).toBe(0);
  });

  it.each([null, undefined, "", "soon", "-1"])("gives null for %j", (value) => {
    expect(parseRetryAfter(value, now)).toBeNull();
  });
});

describe("nextDelay", () => {
  const options = { baseDelayMs: 100, maxDelayMs: 1000, maxAttempts: 4 };
  it("doubles without Retry-After, up to the maximum", () => {
    expect(nextDelay(1, null, 1e9, 0, options)).toBe(100);
    expect(nextDelay(2, null, 1e9, 0, options)).toBe(200);
    expect(nextDelay(3, null, 1e9, 0, { ...options, maxDelayMs: 300 })).toBe(300);
  });

  it("uses Retry-After over the back-off", () => {
    expect(nextDelay(1, 1500, 1e9, 0, options)).toBe(1500);
  });

  it("stops when attempts are used up", () => {
    expect(nextDelay(4, null, 1e9, 0, options)).toBeNull();
  });

  it("never waits past the deadline", () => {
    expect(nextDelay(1, 2000, 1000, 0, options)).toBeNull();
    expect(nextDelay(1, 500, 1000, 0, options)).toBe(500);
    expect(nextDelay(1, 990, 1000, 0, options)).toBeNull();
  });
});
