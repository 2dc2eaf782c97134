import { bytesPerSource } from "../../bench/source-map";

// The bundle table's shares: every generated character is counted once, under the source whose
// segment covers it, or under null where no segment maps it.

test("each segment owns the text up to the next one; unmapped text is null's", () => {
  // Line 1: a.ts from column 0, b.ts from column 3. Line 2: a segment without a source at column 2.
  const code = "abcdef\nxyz";
  const totals = bytesPerSource(code, { version: 3, sources: ["a.ts", "b.ts"], mappings: "AAAA,GCAA;E" });
  expect(Object.fromEntries(totals)).toEqual({ "a.ts": 3, "b.ts": 4, null: 4 });
  // Every character and each line's end, once.
  expect([...totals.values()].reduce((sum, count) => sum + count, 0)).toBe(code.length + 1);
});

test("segments given out of column order are counted in column order", () => {
  // b.ts from column 4, then a.ts from column 0 (relative columns: +4, then -4).
  const totals = bytesPerSource("0123456789", { sources: ["a.ts", "b.ts"], mappings: "ICAA,JDAA" });
  expect(Object.fromEntries(totals)).toEqual({ "a.ts": 4, "b.ts": 7, null: 0 });
});
