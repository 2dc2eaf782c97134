import { utf8 } from "../../src/core/bytes";
import { digest, fingerprint } from "../../src/core/fingerprint";

describe("fingerprint", () => {
  it("is SHA-256 (FIPS 180-4 test vectors)", () => {
    expect(digest("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(digest("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("encodes text as UTF-8 exactly as Node does, lone surrogates included", () => {
    const samples = [
      "plain",
      "müller@bücher.de",
      "😀 emoji",
      "\ud800 lone high",
      "lone low \udc00",
      "\udc00\ud800",
    ];
    for (const text of samples) expect(Buffer.from(utf8(text))).toEqual(Buffer.from(text, "utf8"));
  });

  it("cannot be made to collide by moving a separator between keys", () => {
    expect(fingerprint(["to:a@x.org,to:b@x.org"])).not.toBe(fingerprint(["to:a@x.org", "to:b@x.org"]));
    expect(fingerprint(['to:a", "b'])).not.toBe(fingerprint(["to:a", "b"]));
  });

  it("is the same for the same set in any order, repeated or not", () => {
    expect(fingerprint(["to:b", "to:a", "to:a"])).toBe(fingerprint(["to:a", "to:b"]));
  });

  it("differs for every one of 20,000 sets that differ by one recipient", () => {
    const seen = new Set<string>();
    for (let index = 0; index < 20_000; index++)
      seen.add(fingerprint(["to:ward7@example.org", `cc:${index}@x.org`]));
    expect(seen.size).toBe(20_000);
  });
});
