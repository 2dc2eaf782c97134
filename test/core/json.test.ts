import { parseJsonDocument, repeatedKeys } from "../../src/core/json";
import { parsePolicyText } from "../../src/core/policy";

describe("admin JSON files", () => {
  it("accepts a UTF-8 byte order mark, as fetch and a text editor may leave one", () => {
    expect(parseJsonDocument('\ufeff{"warnAt": 10}')).toEqual({ warnAt: 10 });
    expect(parsePolicyText('\ufeff{"warnAt": 10, "blockAt": 20}').blockAt).toBe(20);
  });

  it("refuses a repeated key, naming it, instead of keeping the last", () => {
    expect(() => parsePolicyText('{"blockAt": 5000, "warnAt": 50, "blockAt": 5000000}')).toThrow(
      'Invalid policy: the policy is "blockAt" appears more than once; keep one of each',
    );
  });

  it("names repeated keys in nested objects by their path, and equal keys in different objects are fine", () => {
    expect(repeatedKeys('{"a": {"b": 1, "b": 2}, "c": [{"d": 1, "d": 1}], "e": {"b": 3}}')).toEqual([
      "a.b",
      "c[0].d",
    ]);
    expect(repeatedKeys('{"a": {"x": 1}, "b": {"x": 2}}')).toEqual([]);
  });

  it("reads keys as JSON.parse does: escapes decoded, brackets and commas inside strings ignored", () => {
    expect(repeatedKeys('{"a": 1, "\\u0061": 2}')).toEqual(["a"]);
    expect(repeatedKeys('{"x": "}{,[\\"", "y": ["a,b", "]"], "z": {"k": "\\\\", "k": 1}}')).toEqual(["z.k"]);
    expect(repeatedKeys('{"list": [[1, 2], {"a": 1}, {"b": {"c": 1, "c": 2}}]}')).toEqual(["list[2].b.c"]);
    expect(repeatedKeys('{"a": {}, "b": [], "c": {"d": [], "d": {}}}')).toEqual(["c.d"]);
  });

  it("still says when the text is not JSON at all", () => {
    expect(() => parseJsonDocument("{ warnAt: 5 ")).toThrow(/^not valid JSON/);
  });
});
