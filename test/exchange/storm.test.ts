import { parsePolicy } from "../../src/core/policy";
import { explicitStormValue, STORM_RANGES, StormRangeError, stormValues } from "../../src/exchange/storm";

describe("Exchange's reply-all storm ranges", () => {
  it("are the documented ones", () => {
    expect(STORM_RANGES.recipients).toMatchObject({ min: 1000, max: 5000, exchangeDefault: 2500 });
    expect(STORM_RANGES.replies).toMatchObject({ min: 5, max: 20, exchangeDefault: 10 });
    expect(STORM_RANGES.hours).toMatchObject({ min: 1, max: 12, exchangeDefault: 6 });
  });

  it.each([
    ["recipients", "999", "--storm-recipients", "1000 to 5000", "ReplyAllStormDetectionMinimumRecipients"],
    ["recipients", "5001", "--storm-recipients", "1000 to 5000", "ReplyAllStormDetectionMinimumRecipients"],
    ["replies", "4", "--storm-replies", "5 to 20", "ReplyAllStormDetectionMinimumReplies"],
    ["replies", "21", "--storm-replies", "5 to 20", "ReplyAllStormDetectionMinimumReplies"],
    ["hours", "0", "--storm-hours", "1 to 12", "ReplyAllStormBlockDurationHours"],
    ["hours", "13", "--storm-hours", "1 to 12", "ReplyAllStormBlockDurationHours"],
    ["hours", "6.5", "--storm-hours", "1 to 12", "ReplyAllStormBlockDurationHours"],
    ["hours", "six", "--storm-hours", "1 to 12", "ReplyAllStormBlockDurationHours"],
    ["hours", "", "--storm-hours", "1 to 12", "ReplyAllStormBlockDurationHours"],
  ] as const)(
    "refuses %s %j, naming the flag, the range and the parameter",
    (setting, text, flag, range, parameter) => {
      expect(() => explicitStormValue(setting, text)).toThrow(StormRangeError);
      expect(() => explicitStormValue(setting, text)).toThrow(flag);
      expect(() => explicitStormValue(setting, text)).toThrow(range);
      expect(() => explicitStormValue(setting, text)).toThrow(parameter);
    },
  );

  it("takes the bounds themselves", () => {
    expect(explicitStormValue("recipients", "1000")).toBe(1000);
    expect(explicitStormValue("recipients", "5000")).toBe(5000);
    expect(explicitStormValue("replies", "5")).toBe(5);
    expect(explicitStormValue("hours", "12")).toBe(12);
  });
});

describe("the values the script sets", () => {
  it("are the tightest Exchange allows, with the policy's storm.replies", () => {
    const values = stormValues(parsePolicy({ storm: { replies: 8 } }), {});
    expect(values).toEqual({ recipients: 1000, replies: 8, hours: 12, notes: [] });
  });

  it("use the lowest reply count when the policy does not watch storms", () => {
    expect(stormValues(parsePolicy({ storm: null }), {})).toMatchObject({ replies: 5, notes: [] });
  });

  it.each([
    [3, 5],
    [50, 20],
  ])("bring the policy's storm.replies %i into range (%i) and say why", (wanted, used) => {
    const values = stormValues(parsePolicy({ storm: { replies: wanted } }), {});
    expect(values.replies).toBe(used);
    expect(values.notes).toEqual([expect.stringContaining(`storm.replies is ${wanted}`)]);
    expect(values.notes[0]).toContain(`${used} is used`);
  });

  it("let explicit values win over the policy", () => {
    const values = stormValues(parsePolicy({ storm: { replies: 50 } }), {
      recipients: 4000,
      replies: 12,
      hours: 2,
    });
    expect(values).toEqual({ recipients: 4000, replies: 12, hours: 2, notes: [] });
  });
});
