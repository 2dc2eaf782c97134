import { fromBase64, fromUtf8 } from "../../core/bytes";

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

/**
 * A `$count` inside `$batch`. Microsoft documents only JSON bodies there; Graph is reported to send
 * a body that is not JSON (a text/plain count) base64-encoded. Both are read: a count in base64 of
 * ASCII digits always starts with M, N or O, so it can never be mistaken for a count in digits.
 */
export function readBatchCount(body: unknown): number | null {
  const plain = readCount(body);
  if (plain !== null || typeof body !== "string") return plain;
  const bytes = fromBase64(body);
  return bytes === null ? null : readCount(fromUtf8(bytes));
}
