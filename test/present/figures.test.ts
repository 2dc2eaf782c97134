import { clip, formatAbout, formatCount } from "../../src/present/figures";

describe("figures", () => {
  it.each([
    [0, "0", "0"],
    [12, "12", "12"],
    [999, "999", "999"],
    [1234, "1,234", "1,230"],
    [840000, "840,000", "840,000"],
    [840012, "840,012", "840,000"],
    [1234567, "1,234,567", "1,230,000"],
  ])("%d reads as %s, about %s", (value, exact, about) => {
    expect(formatCount(value)).toBe(exact);
    expect(formatAbout(value)).toBe(about);
  });

  it("clips at a word with an ellipsis", () => {
    const clipped = clip("one two three four five six", 15);
    expect(clipped.length).toBeLessThanOrEqual(15);
    expect(clipped).toBe("one two three…");
    expect(clip("short", 15)).toBe("short");
  });
});
