import { parseAddress } from "../core/addresses";

// The --addresses file: the dynamic distribution lists' addresses, one a line, as Exchange Online
// PowerShell exports them. `#` starts a comment; blank lines are skipped; an address given twice is
// sized once. A line that is not an address is reported with its number, and the scan does not
// start, so that a list silently left out is never taken for one that was sized.

export interface AddressFile {
  readonly addresses: readonly string[];
  readonly problems: readonly { readonly line: number; readonly text: string }[];
}

export function parseAddressFile(text: string): AddressFile {
  const addresses = new Set<string>();
  const problems: { line: number; text: string }[] = [];
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  lines.forEach((raw, index) => {
    const content = raw.replace(/#.*$/, "").trim();
    if (content === "") return;
    const parsed = parseAddress(content);
    if (parsed.valid) addresses.add(parsed.address);
    else problems.push({ line: index + 1, text: content.slice(0, 80) });
  });
  return { addresses: [...addresses], problems };
}
