import { parseAddress } from "../../src/core/addresses";
import { globMatches, matchEntries, normaliseEntry, normalisePattern } from "../../src/core/patterns";

/** As the decision asks: which entry matches this one address. */
const compileMatcher = (entries: string[]) => ({
  match: (address: string) => matchEntries(entries, [address]).get(address) ?? null,
});

/** The old way, a backtracking regex: right on tiny inputs, so it checks the new matcher's answers. */
function reference(pattern: string, text: string): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "s").test(text);
}

function globOf(pattern: string) {
  return pattern.split("*").map((part) => {
    const pieces: { offset: number; text: string }[] = [];
    let offset = 0;
    for (const piece of part.split("?")) {
      if (piece) pieces.push({ offset, text: piece });
      offset += piece.length + 1;
    }
    return { length: part.length, pieces: pieces.sort((a, b) => b.text.length - a.text.length) };
  });
}

describe("address patterns", () => {
  it.each([
    ["all-*@example.org", "all-staff@example.org", true],
    ["all-*@example.org", "all-@example.org", true],
    ["all-*@example.org", "everyone@example.org", false],
    ["all-*@example.org", "all-staff@example.org.evil", false],
    ["ward?@example.org", "ward7@example.org", true],
    ["ward?@example.org", "ward17@example.org", false],
    ["*@*.example.org", "x@ward.example.org", true],
    ["*@*.example.org", "x@example.org", false],
    ["*a*a*a*a*a*b@*", "aaaaab@example.org", true],
    ["*a*a*a*a*a*b@*", `${"a".repeat(120)}@x.org`, false],
    ["Everyone@Example.ORG", "everyone@example.org", true],
    ["*@bücher.example", "x@xn--bcher-kva.example", true],
    ["all-*@BÜCHER.example", "all-x@xn--bcher-kva.example", true],
  ])("%s against %s: %s", (pattern, address, expected) => {
    expect(compileMatcher([pattern]).match(address)).toBe(expected ? pattern : null);
  });

  it("decides the pattern that defeated the backtracking regex in one pass", () => {
    // `*a*a*a*a*a*b@*` against one 124-character address held the send handler for about a minute.
    const address = `${"a".repeat(64)}@${"a".repeat(55)}.org`;
    expect(compileMatcher(["*a*a*a*a*a*b@*"]).match(address)).toBeNull();
    expect(globMatches(globOf("*a*a*a*a*a*b"), "a".repeat(100_000))).toBe(false);
  });

  it("names the earliest entry that matches, exact or pattern", () => {
    const matcher = compileMatcher(["*-all@example.org", "ward-all@example.org", "*@*"]);
    expect(matcher.match("ward-all@example.org")).toBe("*-all@example.org");
    expect(matcher.match("someone@elsewhere.example")).toBe("*@*");
    expect(compileMatcher(["ward-all@example.org", "*-all@example.org"]).match("ward-all@example.org")).toBe(
      "ward-all@example.org",
    );
  });

  it("writes an internationalised domain in punycode, as addresses are", () => {
    expect(normalisePattern("*@Bücher.example")).toBe("*@xn--bcher-kva.example");
    const parsed = parseAddress("Ärzte@bücher.example");
    expect(parsed.valid && compileMatcher(["*@bücher.example"]).match(parsed.address)).toBe(
      "*@bücher.example",
    );
  });

  it("agrees with a regular expression on every small pattern and text", () => {
    // Every pattern of up to 4 symbols over {a, b, *, ?} against every text of up to 5 of {a, b}.
    const symbols = ["a", "b", "*", "?"];
    const words = (alphabet: string[], max: number): string[] => {
      const all = [""];
      for (let length = 1; length <= max; length++) {
        for (const word of all.filter((w) => w.length === length - 1))
          for (const symbol of alphabet) all.push(word + symbol);
      }
      return all;
    };
    const texts = words(["a", "b"], 5);
    let compared = 0;
    for (const pattern of words(symbols, 4)) {
      const glob = globOf(pattern);
      for (const text of texts) {
        expect([pattern, text, globMatches(glob, text)]).toEqual([pattern, text, reference(pattern, text)]);
        compared++;
      }
    }
    expect(compared).toBe(341 * 63);
  });

  it("reads a plain entry by its fast path exactly as the full parse would", () => {
    const alphabet = ["a", "Z", "0", ".", "-", "+", "_", "@", "'", "!"];
    let compared = 0;
    for (let seed = 1; seed < 20_000; seed++) {
      let entry = "";
      for (let value = seed; value > 0; value = Math.floor(value / alphabet.length)) {
        entry += alphabet[value % alphabet.length];
      }
      entry = `${entry}@Example-Ward.ORG`;
      expect([entry, normaliseEntry(entry)]).toEqual([entry, normalisePattern(entry)]);
      compared++;
    }
    for (const entry of [
      "a@-bad-.org",
      ".a@x.org",
      "a..b@x.org",
      "A@B",
      "a@x.org.",
      "x@bücher.de",
      '"e"@x.org',
    ]) {
      expect(normaliseEntry(entry)).toBe(normalisePattern(entry));
    }
    expect(compared).toBe(19_999);
  });

  it("answers for many addresses at once, each with its earliest entry", () => {
    const found = matchEntries(
      ["ward-*@example.org", "WARD-ALL@example.org", "all@example.org", "*@*"],
      ["ward-all@example.org", "all@example.org", "x@elsewhere.example"],
    );
    expect([...found]).toEqual([
      ["ward-all@example.org", "ward-*@example.org"],
      ["all@example.org", "all@example.org"],
      ["x@elsewhere.example", "*@*"],
    ]);
  });
});
