import { parseAddress, parseRecipient, untagged } from "../../src/core/addresses";

describe("parseAddress", () => {
  it.each([
    ["a@b.org", "a@b.org", ""],
    ["  Amy.Jones@Example.ORG  ", "amy.jones@example.org", ""],
    ['"Jones, Amy" <Amy.Jones@example.org>', "amy.jones@example.org", "Jones, Amy"],
    ["Amy Jones <amy@example.org>", "amy@example.org", "Amy Jones"],
    ["mailto:Ward7@Example.org", "ward7@example.org", ""],
    ["x@bücher.de", "x@xn--bcher-kva.de", ""],
    ["x@XN--BCHER-KVA.de", "x@xn--bcher-kva.de", ""],
    ["müller@example.org", "müller@example.org", ""],
    ["a@example.org.", "a@example.org", ""],
    ["x@BÜCHER.de", "x@xn--bcher-kva.de", ""],
    // A quoted local part is the same mailbox as the unquoted one.
    ['"everyone"@example.org', "everyone@example.org", ""],
    ['"Everyone"@Example.org', "everyone@example.org", ""],
    ['All Staff <"everyone"@example.org>', "everyone@example.org", "All Staff"],
    ['"ever\\yone"@example.org', "everyone@example.org", ""],
    ['"john smith"@example.org', '"john smith"@example.org', ""],
    ['"a@b"@example.org', '"a@b"@example.org', ""],
    [`${"a".repeat(64)}@example.org`, `${"a".repeat(64)}@example.org`, ""],
  ])("normalises %j", (input, address, displayName) => {
    expect(parseAddress(input)).toEqual({ valid: true, address, displayName });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["nobody", "missing-at"],
    ["/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=abc", "x500"],
    ["EX:/O=CONTOSO/OU=FIRST/CN=RECIPIENTS/CN=X", "x500"],
    ["a@@example.org", "malformed"],
    ["a b@example.org", "malformed"],
    ["@example.org", "malformed"],
    ["a@", "malformed"],
    ["a@-bad-.org", "malformed"],
    [".a@example.org", "malformed"],
    ['"unclosed@example.org', "malformed"],
    ['"a"b"@example.org', "malformed"],
    ['""@example.org', "malformed"],
    // RFC 5321's limits: 64 characters before the @, 254 in all.
    [`${"a".repeat(65)}@example.org`, "too-long"],
    [`a@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(63)}.org`, "too-long"],
    ["x".repeat(5000), "too-long"],
  ])("classifies %j as %s and keeps the raw text", (input, problem) => {
    const parsed = parseAddress(input);
    expect(parsed).toEqual({ valid: false, problem, raw: input.trim(), displayName: "" });
  });

  it("keeps the display name of an invalid address", () => {
    expect(parseAddress("Someone <nobody>")).toMatchObject({
      valid: false,
      problem: "missing-at",
      displayName: "Someone",
    });
  });
});

describe("parseRecipient", () => {
  it("treats an empty address with a name as a personal contact group", () => {
    expect(
      parseRecipient({
        field: "to",
        emailAddress: "",
        displayName: "Ward friends",
        recipientType: "distributionList",
      }),
    ).toMatchObject({
      valid: false,
      problem: "contact-group",
      displayName: "Ward friends",
    });
  });

  it("ignores recipientType when the address is usable", () => {
    expect(
      parseRecipient({ field: "cc", emailAddress: "Everyone@Example.org", recipientType: "other" }),
    ).toMatchObject({
      valid: true,
      address: "everyone@example.org",
    });
  });
});

describe("untagged", () => {
  it.each([
    ["everyone+x@example.org", "everyone@example.org"],
    ["everyone+x+y@example.org", "everyone@example.org"],
    ["everyone@example.org", null],
    ["+x@example.org", null],
    ['"a+b"@example.org', null],
  ])("%s -> %s", (address, expected) => {
    expect(untagged(address)).toBe(expected);
  });
});
