import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";

// The stand-ins events.js binds into MSAL in place of atob, btoa, TextEncoder, TextDecoder and URL
// (scripts/build/msal/web-apis.js), held to Node's implementations of the web platform's APIs.

const load = createRequire(__filename);
const apis = load("../../scripts/build/msal/web-apis.js") as {
  atob(data: string): string;
  btoa(data: string): string;
  TextEncoder: typeof TextEncoder;
  TextDecoder: typeof TextDecoder;
  URL: typeof URL;
};
const { webApiNamesIn } = load("../../scripts/build/msal/web-apis-loader.js") as {
  webApiNamesIn(source: string): string[];
};

function bytesOf(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

describe("base64", () => {
  test("atob and btoa agree with the platform's on every length and byte", () => {
    for (let length = 0; length < 70; length++) {
      const binary = String.fromCharCode(...randomBytes(length));
      const encoded = btoa(binary);
      expect(apis.btoa(binary)).toBe(encoded);
      expect(apis.atob(encoded)).toBe(binary);
      // Unpadded and with whitespace, as atob forgives them.
      expect(apis.atob(encoded.replace(/=+$/, ""))).toBe(binary);
      expect(apis.atob(` ${encoded.slice(0, 2)}\n${encoded.slice(2)}\t`)).toBe(binary);
    }
  });

  test.each(["a", "abcde", "ab=c", "ab*c", "a==="])("atob refuses %p as the platform does", (bad) => {
    expect(() => atob(bad)).toThrow();
    expect(() => apis.atob(bad)).toThrow(expect.objectContaining({ name: "InvalidCharacterError" }));
  });

  test("btoa refuses characters above U+00FF", () => {
    expect(() => apis.btoa("€")).toThrow();
  });
});

describe("UTF-8", () => {
  const texts = ["", "plain", "Zoë Łukasz", "€ 100", "😀 and 𝄞", "\u0000\u007f\u0080\u07ff\u0800\uffff"];

  test.each(texts)("TextEncoder and TextDecoder agree with the platform's on %p", (text) => {
    const encoded = new TextEncoder().encode(text);
    expect([...new apis.TextEncoder().encode(text)]).toEqual([...encoded]);
    expect(new apis.TextDecoder().decode(encoded)).toBe(text);
  });

  test("a lone surrogate is written as U+FFFD", () => {
    expect([...new apis.TextEncoder().encode("a\ud800b\udc00")]).toEqual([
      ...new TextEncoder().encode("a\ud800b\udc00"),
    ]);
  });

  test("ill-formed bytes are read as the platform reads them", () => {
    const cases = [
      bytesOf(0xff),
      bytesOf(0xc0, 0x80),
      bytesOf(0xe0, 0x80, 0x80),
      bytesOf(0xed, 0xa0, 0x80),
      bytesOf(0xf4, 0x90, 0x80, 0x80),
      bytesOf(0xe2, 0x82),
      bytesOf(0xe2, 0x82, 0x41),
      bytesOf(0xf0, 0x9f, 0x98),
      bytesOf(0xef, 0xbb, 0xbf, 0x41),
      bytesOf(0x41, 0xef, 0xbb, 0xbf),
    ];
    for (const bytes of cases)
      expect(new apis.TextDecoder().decode(bytes)).toBe(new TextDecoder().decode(bytes));
    for (let round = 0; round < 200; round++) {
      const bytes = randomBytes(1 + (round % 24));
      expect(new apis.TextDecoder("utf-8").decode(bytes)).toBe(new TextDecoder().decode(bytes));
    }
  });

  test("only UTF-8 is offered", () => {
    expect(() => new apis.TextDecoder("utf-16le")).toThrow(RangeError);
  });
});

describe("URL", () => {
  const FIELDS = [
    "href",
    "protocol",
    "host",
    "hostname",
    "port",
    "pathname",
    "search",
    "hash",
    "origin",
  ] as const;

  test.each([
    "https://login.microsoftonline.com/contoso.onmicrosoft.com/",
    "https://login.microsoftonline.com/common/v2.0",
    "https://Login.MicrosoftOnline.COM/Contoso/",
    "https://login.microsoftonline.com:443/organizations",
    "https://login.microsoftonline.com:8443/x",
    "https://login.microsoftonline.com",
    "https://login.microsoftonline.com.",
    "https://login.partner.microsoftonline.cn/tenant?x=1&y=%20",
    "https://login.microsoftonline.us/tenant#fragment",
    "https://a.b/?",
    "https://a.b/#",
    "http://127.0.0.1:3000/reach-guard",
    "http://localhost:80/x",
    "https://xn--bcher-kva.example/p",
  ])("reads %p exactly as the WHATWG parser does", (input) => {
    const mine = new apis.URL(input);
    const theirs = new URL(input);
    for (const field of FIELDS) expect([field, mine[field]]).toEqual([field, theirs[field]]);
    expect(String(mine)).toBe(theirs.href);
  });

  test.each([
    "login.microsoftonline.com/tenant",
    "/relative",
    "ftp://host/x",
    "https://user:pass@host/x",
    "https://evil.example\\@login.microsoftonline.com/",
    "https://login.microsoftonline.com\\evil.example/",
    "https://127.1/",
    "https://0x7f000001/",
    "https://[::1]/",
    "https://host:99999/",
    "https://host/a/../b",
    "https://host/a/%2e%2e/b",
    "https://host/<script>",
    "https://bücher.example/",
    " https://host/",
    "https://ho st/",
    "https://host/\tx",
  ])("refuses %p rather than risk reading it another way", (input) => {
    expect(() => new apis.URL(input)).toThrow(TypeError);
  });

  test("refuses a base URL", () => {
    expect(() => new apis.URL("x", "https://host/")).toThrow(TypeError);
  });
});

describe("the loader", () => {
  test("binds only the names a module uses as identifiers", () => {
    expect(webApiNamesIn("const s = atob(x); new TextDecoder().decode(b);")).toEqual(["atob", "TextDecoder"]);
    expect(webApiNamesIn("window.atob(x); self.URL; obj.btoa")).toEqual([]);
    expect(webApiNamesIn("new URL(u).host")).toEqual(["URL"]);
    expect(webApiNamesIn("URLSearchParams; myURL; TextEncoderStream")).toEqual([]);
  });
});
