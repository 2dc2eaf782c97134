import { parseAddressFile } from "../../src/scan/address-file";
import { jitteredDelay, withStepRetry, DEFAULT_STEP_RETRY } from "../../src/scan/backoff";
import { fetchPage, nextPagePath } from "../../src/scan/enumerate";
import type { GraphClient } from "../../src/directory/graph/client";
import { ScanInterrupted } from "../../src/scan/errors";
import { createProgress, progressLine } from "../../src/scan/progress";
import { GraphError } from "../../src/directory/graph/errors";

// The scan's small parts: the address file, the next-page rule, back-off with jitter, progress.

const ROOT = "https://graph.microsoft.com";

describe("the next page's link", () => {
  it("is followed on the same root and version, to /groups only", () => {
    expect(nextPagePath(`${ROOT}/v1.0/groups?$top=999&$skiptoken=abc`, ROOT)).toBe(
      "/groups?$top=999&$skiptoken=abc",
    );
    for (const link of [
      "https://graph.microsoft.com.evil.example/v1.0/groups?$skiptoken=a",
      "https://evil.example/v1.0/groups?$skiptoken=a",
      `${ROOT}/beta/groups?$skiptoken=a`,
      `${ROOT}/v1.0/users?$skiptoken=a`,
      `${ROOT}/v1.0/groups/../users?x`,
      `http://graph.microsoft.com/v1.0/groups?$skiptoken=a`,
    ])
      expect(() => nextPagePath(link, ROOT)).toThrow(ScanInterrupted);
  });
});

describe("a page of groups", () => {
  it("leaves out a group whose id could be read as a path, and one without an address", async () => {
    const group = (id: string, mail: string | null) => ({ id, mail, displayName: id, groupTypes: [] });
    const client: GraphClient = {
      root: "https://graph.microsoft.com",
      stats: { requests: 0, retries: 0 },
      request: async () => ({
        status: 200,
        body: {
          value: [
            group("5f1c6a0e-0001-4c1e-9a55-000000000001", "ward7@example.org"),
            group("..", "sneaky@example.org"),
            group("a/../../me", "sneakier@example.org"),
            group("5f1c6a0e-0002-4c1e-9a55-000000000002", null),
          ],
        },
      }),
    };
    const page = await fetchPage(client, "/groups", 1000);
    expect(page.lists.map((list) => list.address)).toEqual(["ward7@example.org"]);
    expect(page.skipped).toBe(3);
  });
});

describe("the address file", () => {
  it("skips comments and blanks, keeps each address once, and numbers the bad lines", () => {
    const file = parseAddressFile(
      "\uFEFF# lists\nAll@Trust.example  # everyone\n\nall@trust.example\r\nnope\n",
    );
    expect(file.addresses).toEqual(["all@trust.example"]);
    expect(file.problems).toEqual([{ line: 5, text: "nope" }]);
  });
});

describe("back-off", () => {
  it("waits anywhere up to the capped exponential delay", () => {
    const retry = { ...DEFAULT_STEP_RETRY, random: () => 0.999 };
    expect(jitteredDelay(1, retry)).toBe(1_998);
    expect(jitteredDelay(10, retry)).toBe(59_940);
    expect(jitteredDelay(3, { ...retry, random: () => 0 })).toBe(0);
  });

  it("retries a transient failure, then stops resumably; a refusal stops at once", async () => {
    const waits: number[] = [];
    const retry = {
      ...DEFAULT_STEP_RETRY,
      attempts: 3,
      sleep: async (ms: number) => void waits.push(ms),
      random: () => 0.5,
    };
    let calls = 0;
    const busy = () => {
      calls++;
      return Promise.reject(new GraphError("unavailable", 503, "ServiceUnavailable"));
    };
    await expect(withStepRetry("sizing lists", retry, busy)).rejects.toThrow(
      /sizing lists: .*503 ServiceUnavailable/,
    );
    expect(calls).toBe(3);
    expect(waits).toEqual([1_000, 2_000]);
    calls = 0;
    const refused = () => {
      calls++;
      return Promise.reject(new GraphError("not-permitted", 403, "Authorization_RequestDenied"));
    };
    await expect(withStepRetry("x", retry, refused)).rejects.toThrow(ScanInterrupted);
    expect(calls).toBe(1);
  });
});

describe("progress", () => {
  it("draws count, rate and time left", () => {
    expect(progressLine(250, 1000, 50)).toBe(
      "[######------------------] 250/1,000 lists sized  50 lists/s  about 15 s left",
    );
  });

  it("redraws a terminal line at most ten times a second", () => {
    let clock = 0;
    const written: string[] = [];
    const progress = createProgress({
      write: (text) => written.push(text),
      isTerminal: true,
      now: () => clock,
    });
    for (let done = 0; done < 100; done++) {
      clock += 10;
      progress.update(done, 1000);
    }
    progress.finish();
    expect(written.length).toBeGreaterThanOrEqual(10);
    expect(written.length).toBeLessThanOrEqual(12);
    expect(written.at(-1)).toBe("\n");
  });

  it("writes a plain line at each tenth elsewhere", () => {
    const written: string[] = [];
    const progress = createProgress({ write: (text) => written.push(text), isTerminal: false, now: () => 0 });
    for (let done = 0; done <= 1000; done += 7) progress.update(done, 1000);
    progress.update(1000, 1000);
    expect(written).toHaveLength(11);
    expect(written.every((line) => line.endsWith("\n") && !line.includes("\r"))).toBe(true);
  });
});
