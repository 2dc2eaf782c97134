// A reader for PowerShell verbatim strings, written from the language specification
// (lang-spec chapter-02.md, §2.3.5.2): a single-quote-character is U+0027, U+2018, U+2019, U+201A or
// U+201B; inside, two of them in a row stand for the second, and one alone ends the string. It lets
// the tests read a generated literal back as PowerShell would, without PowerShell on the machine.

export const PS_SINGLE_QUOTES = ["'", "\u2018", "\u2019", "\u201A", "\u201B"];
const isQuote = (char: string | undefined) => char !== undefined && PS_SINGLE_QUOTES.includes(char);

/** The string a verbatim literal starting at `from` holds, and where the literal ends. */
export function readVerbatim(source: string, from = 0): { value: string; end: number } {
  if (!isQuote(source[from])) throw new Error(`no verbatim string at ${from}`);
  let value = "";
  for (let at = from + 1; at < source.length; at++) {
    const char = source[at] as string;
    if (isQuote(char)) {
      if (isQuote(source[at + 1])) {
        value += source[at + 1];
        at++;
        continue;
      }
      return { value, end: at + 1 };
    }
    value += char;
  }
  throw new Error("the verbatim string never ends");
}
