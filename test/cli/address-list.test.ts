import { splitAddressList } from "../../src/cli/address-list";

// The CLI's recipient lists: well-formed lists split as an admin means them; an unbalanced quote or
// bracket is named rather than allowed to swallow the rest of the list.

describe("splitAddressList", () => {
  it("splits on commas and semicolons but not inside quotes or angle brackets", () => {
    expect(splitAddressList('a@x.org, "Jones, Amy" <amy@x.org>; b@x.org,, ')).toEqual({
      ok: true,
      addresses: ["a@x.org", '"Jones, Amy" <amy@x.org>', "b@x.org"],
    });
  });

  it.each([
    ["Name <a@b.org>", ["Name <a@b.org>"]],
    ["<a@b.org>;<c@d.org>", ["<a@b.org>", "<c@d.org>"]],
    ['"Smith; John" <js@x.org>, "O\'Neil" <on@x.org>', ['"Smith; John" <js@x.org>', '"O\'Neil" <on@x.org>']],
    ['"a > b" <ab@x.org>', ['"a > b" <ab@x.org>']],
    ['"Said \\"hi, there\\"" <hi@x.org>, b@x.org', ['"Said \\"hi, there\\"" <hi@x.org>', "b@x.org"]],
    ['"john, smith"@x.org; b@x.org', ['"john, smith"@x.org', "b@x.org"]],
    ["  ", []],
  ])("keeps %j as %j", (text, addresses) => {
    expect(splitAddressList(text)).toEqual({ ok: true, addresses });
  });

  it.each([
    [
      '"Smith, John <js@example.org>, everyone@example.org',
      "an unclosed quote",
      '"Smith, John <js@example.org>, everyone@example.org',
    ],
    [
      "a@x.org; Smith <js@example.org, everyone@example.org",
      "an unclosed <",
      "Smith <js@example.org, everyone@example.org",
    ],
    ['b@x.org, "Said \\" <hi@x.org>, c@x.org', "an unclosed quote", '"Said \\" <hi@x.org>, c@x.org'],
    // A stray ">" splits nothing, yet says the list was mistyped (a lost "<"): named, not guessed at.
    ["a@x.org, js@example.org>, b@x.org", "a > without a <", "js@example.org>"],
    ["a@x.org; Smith js@example.org>", "a > without a <", "Smith js@example.org>"],
  ])("refuses %j: %s in %j", (text, problem, piece) => {
    expect(splitAddressList(text)).toEqual({ ok: false, problem, piece });
  });
});
