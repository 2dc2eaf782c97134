// The CLI's --to, --cc and --bcc: one string an admin typed, split into addresses. Separators inside
// a quoted display name or inside <...> do not split. An unbalanced quote or bracket is refused
// rather than guessed at: left alone it would swallow the rest of the list into one invalid
// recipient, and the lists after it would never be looked up.

export type AddressList =
  | { readonly ok: true; readonly addresses: string[] }
  | { readonly ok: false; readonly problem: string; readonly piece: string };

const SEPARATORS = new Set([",", ";"]);

/** Splits a comma or semicolon separated list, or names the piece that cannot be split. */
export function splitAddressList(text: string): AddressList {
  const pieces: string[] = [];
  let start = 0;
  let quoted = false;
  let angled = false;
  // A stray ">" is reported with the whole of its piece, so the scan goes on to the piece's end.
  let stray = false;
  const refuse = (problem: string, end: number): AddressList => ({
    ok: false,
    problem,
    piece: text.slice(start, end).trim(),
  });
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      // A quoted-pair (RFC 5322): `\"` inside a display name does not end it.
      if (char === "\\") index += 1;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === "<") angled = true;
    else if (char === ">") {
      if (angled) angled = false;
      else stray = true;
    } else if (SEPARATORS.has(char) && !angled) {
      if (stray) return refuse("a > without a <", index);
      pieces.push(text.slice(start, index));
      start = index + 1;
    }
  }
  if (quoted) return refuse("an unclosed quote", text.length);
  if (angled) return refuse("an unclosed <", text.length);
  if (stray) return refuse("a > without a <", text.length);
  pieces.push(text.slice(start));
  return { ok: true, addresses: pieces.map((piece) => piece.trim()).filter((piece) => piece !== "") };
}
