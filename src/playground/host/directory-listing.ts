import type { RecipientDetails } from "./protocol";

// What Outlook's address book shows for an address: a display name and a recipient type
// (Office.MailboxEnums.RecipientType). People in the directory are `user`, guests and addresses in
// other organisations `externalUser`, distribution lists `distributionList`. The type is a hint, and
// an unreliable one for lists, as in Outlook: dynamic lists and Microsoft 365 groups come back as
// `other`, and so does an address typed in the organisation's own domain that the address book does
// not know (an unresolved entry). Personal contact groups (no address) are `other` too (see Draft).

export interface ListedAddress {
  readonly address: string;
  readonly displayName: string;
  readonly type: "user" | "guest" | "list" | "dynamic" | "m365";
}

const RECIPIENT_TYPES: Readonly<Record<ListedAddress["type"], RecipientDetails["recipientType"]>> = {
  user: "user",
  guest: "externalUser",
  list: "distributionList",
  dynamic: "other",
  m365: "other",
};

export function describerFor(
  listing: readonly ListedAddress[],
  domains: readonly string[],
): (address: string) => Omit<RecipientDetails, "emailAddress"> {
  const byAddress = new Map(listing.map((entry) => [entry.address.toLowerCase(), entry]));
  return (address) => {
    const entry = byAddress.get(address.trim().toLowerCase());
    if (entry) return { displayName: entry.displayName, recipientType: RECIPIENT_TYPES[entry.type] };
    const domain = address.split("@")[1]?.toLowerCase() ?? "";
    return { displayName: address, recipientType: domains.includes(domain) ? "other" : "externalUser" };
  };
}
