import { DEADLINE_MS, FAULTS, runFault } from "./fault-matrix";

// Slack for bookkeeping after the deadline (the engine's own guard allows 50 ms), measured in real time.
const SLACK_MS = 250;

describe("the send decision against a faulty Graph", () => {
  it.each(FAULTS)("$fault: $verdict", async (row) => {
    const result = await runFault(row);
    expect(result.verdict).toBe(row.verdict);
    expect(result.reasons).toContain(row.reason);
    expect(result.ms).toBeLessThanOrEqual(DEADLINE_MS + SLACK_MS);
    expect(result.cached).toEqual(row.cached);
    expect(result.elsewhere).toBe(0);
  });
});
