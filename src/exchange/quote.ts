// Every address and text the backstop script carries goes into PowerShell as a verbatim
// (single-quoted) string, so nothing in it is expanded: `$`, backticks and double quotes are plain
// characters there. The only character that can end such a string is a single quote, and PowerShell
// reads four Unicode quotation marks as single quotes too (the language specification's
// single-quote-character: U+0027, U+2018, U+2019, U+201A, U+201B); each is doubled, which PowerShell
// reads back as that one character. Control characters are refused rather than escaped: a line break
// would end a comment line and start a command, and none belongs in an address or a MailTip.

/** The characters PowerShell ends a verbatim string with (lang-spec chapter-02.md, §2.3.5.2). */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

export class UnsafeTextError extends Error {
  override readonly name = "UnsafeTextError";
}

function describe(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * The first character that must not reach the script, or null: C0 and C1 controls and DEL, the line
 * and paragraph separators, the invisible direction controls that make text read differently from
 * how it runs, the byte order mark, and a lone surrogate (it would be written as U+FFFD, another
 * address than the one meant).
 */
export function unsafeCharacter(text: string): { readonly code: number; readonly at: number } | null {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        at++;
        continue;
      }
      return { code, at };
    }
    const unsafe =
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0xdc00 && code <= 0xdfff) ||
      code === 0x2028 ||
      code === 0x2029 ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      code === 0x200e ||
      code === 0x200f ||
      code === 0xfeff;
    if (unsafe) return { code, at };
  }
  return null;
}

/** Throws an UnsafeTextError naming `what` when `text` holds a character the script must not carry. */
export function assertSafeText(text: string, what: string): string {
  const found = unsafeCharacter(text);
  if (found) {
    throw new UnsafeTextError(
      `${what} has a control or invisible character (${describe(found.code)}) at position ${found.at + 1}: ${JSON.stringify(text)}`,
    );
  }
  return text;
}

/** `text` as a PowerShell verbatim string: `o'brien@example.org` becomes `'o''brien@example.org'`. */
export function psString(text: string, what = "a value"): string {
  assertSafeText(text, what);
  return `'${text.replace(SINGLE_QUOTES, (quote) => quote + quote)}'`;
}

/** A list of strings as a PowerShell array expression; `@()` when empty. */
export function psArray(texts: readonly string[], what = "a value"): string {
  return `@(${texts.map((text, index) => psString(text, `${what}[${index}]`)).join(", ")})`;
}

/** Text for a `#` comment line: any unsafe character replaced, so a comment can never end early. */
export function commentText(text: string): string {
  let out = "";
  for (const char of text) out += unsafeCharacter(char) ? "?" : char;
  return out;
}
