// One strict reader for every count Graph gives (a `$count` on its own or inside a batch, MailTips'
// member counts), because a count read too kindly turns the all-staff list into a small one: Number()
// reads "" and " " as 0, "0x10" as 16 and "1e3" as 1,000. Only two shapes are counts: a JSON number
// that is a non-negative safe integer, or text of decimal digits alone, allowing just the one line
// break a plain-text body may end with. No sign, spaces, point, exponent or hex; -0 is refused too,
// as a count never carries a sign.
const DIGITS = /^([0-9]+)(?:\r?\n)?$/;

/** The count, or null when the value is not one (the caller treats the list as unknown, never small). */
export function readCount(value: unknown): number | null {
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0) ? value : null;
  }
  if (typeof value !== "string") return null;
  const digits = DIGITS.exec(value)?.[1];
  if (digits === undefined) return null;
  const count = Number(digits);
  return Number.isSafeInteger(count) ? count : null;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Standard base64 (padded, nothing else) decoded to Latin-1 text, or null. Hand-written because
 * classic Outlook's JavaScript-only runtime does not promise atob.
 */
export function fromBase64(text: string): string | null {
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  let out = "";
  for (let index = 0; index < text.length; index += 4) {
    // "=" is not in the alphabet: indexOf gives -1 for padding, which adds no byte.
    const c = BASE64.indexOf(text.charAt(index + 2));
    const d = BASE64.indexOf(text.charAt(index + 3));
    const bits =
      (BASE64.indexOf(text.charAt(index)) << 18) |
      (BASE64.indexOf(text.charAt(index + 1)) << 12) |
      (Math.max(c, 0) << 6) |
      Math.max(d, 0);
    out += String.fromCharCode((bits >> 16) & 0xff);
    if (c >= 0) out += String.fromCharCode((bits >> 8) & 0xff);
    if (d >= 0) out += String.fromCharCode(bits & 0xff);
  }
  return out;
}

/**
 * A `$count` inside `$batch`. Microsoft documents only JSON bodies there; Graph is reported to send
 * a body that is not JSON (a text/plain count) base64-encoded. Both are read: a count in base64 of
 * ASCII digits always starts with M, N or O, so it can never be mistaken for a count in digits.
 */
export function readBatchCount(body: unknown): number | null {
  const plain = readCount(body);
  if (plain !== null || typeof body !== "string") return plain;
  const decoded = fromBase64(body);
  return decoded === null ? null : readCount(decoded);
}
