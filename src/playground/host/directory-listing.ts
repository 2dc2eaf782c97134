import type { RecipientDetails } from "./protocol";

// What Outlook's address book shows for an address: a display name and a recipient type. The
// type is only a hint, and an unreliable one, as in Outlook: dynamic lists come back as `other`.

export interface ListedAddress {
  readonly address: string;
  readonly displayName: string;
  readonly type: "user" | "guest" | "list" | "dynamic";
}

export function describerFor(
  listing: readonly ListedAddress[],
  domains: readonly string[],
): (address: string) => Omit<RecipientDetails, "emailAddress"> {
  const byAddress = new Map(listing.map((entry) => [entry.address.toLowerCase(), entry]));
  return (address) => {
    const entry = byAddress.get(address.trim().toLowerCase());
    if (entry) {
      const recipientType =
        entry.type === "list"
          ? "distributionList"
          : entry.type === "guest"
            ? "externalUser"
            : entry.type === "dynamic"
              ? "other"
              : "user";
      return { displayName: entry.displayName, recipientType };
    }
    const domain = address.split("@")[1]?.toLowerCase() ?? "";
    return { displayName: address, recipientType: domains.includes(domain) ? "other" : "externalUser" };
  };
}
