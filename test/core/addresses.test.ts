import { parseAddress, parseRecipient, splitAddressList } from "../../src/core/addresses";

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

describe("splitAddressList", () => {
  it("splits on commas and semicolons but not inside quotes or angle brackets", () => {
    expect(splitAddressList('a@x.org, "Jones, Amy" <amy@x.org>; b@x.org,, ')).toEqual([
      "a@x.org",
      '"Jones, Amy" <amy@x.org>',
      "b@x.org",
    ]);
  });
});
