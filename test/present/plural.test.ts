import { englishPlural, pick, welshPlural, type Plural, type PluralCategory } from "../../src/present/plural";

// The hand-written rules (classic Outlook's JavaScript-only runtime does not promise Intl) against
// the CLDR rules Node's ICU carries.

const WHOLE = Array.from({ length: 1001 }, (_, index) => index);
const LARGE = [1001, 1006, 10_000, 100_001, 840_000, 1_000_000, 1_234_567, 2 ** 31, Number.MAX_SAFE_INTEGER];

describe.each([
  ["en-GB", englishPlural],
  ["cy", welshPlural],
] as const)("%s", (locale, rule) => {
  const cldr = new Intl.PluralRules(locale);

  it("agrees with Intl.PluralRules for 0 to 1,000", () => {
    const differ = WHOLE.filter((count) => rule(count) !== cldr.select(count));
    expect(differ).toEqual([]);
  });

  it.each(LARGE)("agrees with Intl.PluralRules for %d", (count) => {
    expect(rule(count)).toBe(cldr.select(count));
  });

  it("uses only the categories CLDR gives the language", () => {
    const categories = new Set<PluralCategory>(WHOLE.map(rule));
    expect([...categories].sort()).toEqual([...cldr.resolvedOptions().pluralCategories].sort());
  });
});

describe("Welsh", () => {
  it.each([
    [0, "zero"],
    [1, "one"],
    [2, "two"],
    [3, "few"],
    [6, "many"],
    [4, "other"],
    [7, "other"],
    [1000, "other"],
  ] as const)("%d is %s", (count, category) => {
    expect(welshPlural(count)).toBe(category);
  });
});

describe("pick", () => {
  const forms: Plural = { one: "ci", two: "gi", other: "o gŵn" };

  it("takes the form for the category when the word has it", () => {
    expect(pick(forms, "one")).toBe("ci");
    expect(pick(forms, "two")).toBe("gi");
    expect(pick(forms, "other")).toBe("o gŵn");
  });

  it.each(["zero", "few", "many"] as const)("falls back to other for %s", (category) => {
    expect(pick(forms, category)).toBe("o gŵn");
  });

  it("falls back to other when only other is given", () => {
    expect(pick({ other: "people" }, "one")).toBe("people");
  });
});
