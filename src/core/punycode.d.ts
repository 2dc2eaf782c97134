// The npm `punycode` package, imported as "punycode/" so bundlers never pick Node's deprecated built-in.
declare module "punycode/" {
  export function toASCII(domain: string): string;
  export function toUnicode(domain: string): string;
}
