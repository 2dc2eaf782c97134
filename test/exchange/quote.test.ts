import { assertSafeText, commentText, psArray, psString, UnsafeTextError } from "../../src/exchange/quote";
import { PS_SINGLE_QUOTES, readVerbatim } from "./powershell-reader";

// Every address and text reaches the script through psString: it must read back as exactly what was
// given, and end exactly where psString's output ends, whatever the text holds.

function roundTrip(text: string) {
  const literal = psString(text);
  const read = readVerbatim(literal);
  return { literal, value: read.value, wholeLiteral: read.end === literal.length };
}

describe("psString", () => {
  it("doubles an apostrophe, so o'brien@example.org neither breaks nor injects", () => {
    expect(psString("o'brien@example.org")).toBe("'o''brien@example.org'");
    const { value, wholeLiteral } = roundTrip("o'brien@example.org");
    expect(value).toBe("o'brien@example.org");
    expect(wholeLiteral).toBe(true);
  });

  it.each(PS_SINGLE_QUOTES.map((quote) => [quote.codePointAt(0)?.toString(16), quote]))(
    "doubles U+%s, which PowerShell also reads as a single quote",
    (_code, quote) => {
      const attack = `x${quote}; Remove-TransportRule -Identity * -Confirm:$false; ${quote}`;
      const { literal, value, wholeLiteral } = roundTrip(attack);
      expect(literal.slice(1, -1).split(quote).length - 1).toBe(4);
      expect(value).toBe(attack);
      expect(wholeLiteral).toBe(true);
    },
  );

  it("leaves $, backtick, double quotes and $( ) as they are: nothing expands in a verbatim string", () => {
    const text = 'a$b`c"d$(Get-Date)${env:PATH}\u201Ce\u201D';
    expect(psString(text)).toBe(`'${text}'`);
    expect(roundTrip(text).value).toBe(text);
  });

  it("keeps letters outside ASCII, a MailTip's curly apostrophe included", () => {
    const text = "Ni all neb ond y cyfathrebu anfon ato \u2019r rhestr: Llŷr";
    expect(roundTrip(text)).toEqual({ literal: psString(text), value: text, wholeLiteral: true });
  });

  it("takes the empty string", () => {
    expect(psString("")).toBe("''");
  });

  it.each([
    ["a line feed", "a@example.org\nRemove-TransportRule"],
    ["a carriage return", "a@example.org\r"],
    ["a tab", "a\t@example.org"],
    ["NUL", "a\u0000@example.org"],
    ["DEL", "a\u007f@example.org"],
    ["a C1 control (NEL)", "a\u0085@example.org"],
    ["the line separator", "a\u2028@example.org"],
    ["the paragraph separator", "a\u2029@example.org"],
    ["a right-to-left override", "a\u202E@example.org"],
    ["a directional isolate", "a\u2066@example.org"],
    ["a byte order mark", "\uFEFFa@example.org"],
    ["a lone surrogate", "a\uD800@example.org"],
  ])("refuses %s, naming what and where", (_name, text) => {
    expect(() => psString(text, "broadcasters[3]")).toThrow(UnsafeTextError);
    expect(() => psString(text, "broadcasters[3]")).toThrow(
      /broadcasters\[3\] has a control or invisible character \(U\+[0-9A-F]{4}\) at position \d+/,
    );
  });

  it("accepts a character outside the basic plane (a surrogate pair)", () => {
    expect(roundTrip("team\u{1F3E5}@example.org").value).toBe("team\u{1F3E5}@example.org");
  });
});

describe("psArray", () => {
  it("writes an array of verbatim strings, and @() when empty", () => {
    expect(psArray(["a@example.org", "o'neil@example.org"])).toBe(
      "@('a@example.org', 'o''neil@example.org')",
    );
    expect(psArray([])).toBe("@()");
  });

  it("names the entry that cannot be quoted", () => {
    expect(() => psArray(["a@example.org", "b\n@example.org"], "broadcasters")).toThrow(/broadcasters\[1\]/);
  });
});

describe("commentText and assertSafeText", () => {
  it("replaces what could end a comment line, and only that", () => {
    expect(commentText("policy\nRemove-Item C:\\ -Recurse.json")).toBe(
      "policy?Remove-Item C:\\ -Recurse.json",
    );
    expect(commentText("o'brien \u2019 $x")).toBe("o'brien \u2019 $x");
  });

  it("returns safe text unchanged", () => {
    expect(assertSafeText("comms@example.org", "x")).toBe("comms@example.org");
  });
});
