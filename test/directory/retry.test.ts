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

  // Unreadable: the caller falls back to its own back-off rather than hammering or waiting forever.
  it.each(["-5", "-0.5", "+5", "1e3", "0x10", "Infinity", "NaN", "5s", "1,5", "Mon, garbage", "Tuesday"])(
    "gives null for %j",
    (value) => {
      expect(parseRetryAfter(value, now)).toBeNull();
    },
  );

  it("reads ten hours as ten hours, which no deadline allows", () => {
    expect(parseRetryAfter("36000", now)).toBe(36_000_000);
    expect(nextDelay(1, parseRetryAfter("36000", now), now + 3000, now)).toBeNull();
  });

  it("reads a date long past as no wait", () => {
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).toBe(0);
    expect(nextDelay(1, 0, now + 3000, now)).toBe(0);
  });

  it("falls back to the back-off for an unreadable value", () => {
    expect(nextDelay(1, parseRetryAfter("-5", now), now + 3000, now)).toBe(200);
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
