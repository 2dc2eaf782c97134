import { formatCount } from "./figures";

// The MailTip the Exchange backstop (reach-guard exchange) puts on each list it restricts: what a
// sender sees in Outlook, on any client, as soon as the list is in the To line. British English;
// Exchange shows at most 175 characters of it (src/exchange/mailtip.ts checks).

/** How many the list reaches, when known, and who may post to it. */
export function listMailTip(members: number | null, moderated: boolean): string {
  const reach = members === null ? "" : `This list reaches about ${formatCount(members)} people. `;
  return moderated
    ? `${reach}Messages to it wait for a moderator's approval.`
    : `${reach}Only approved senders may post to it.`;
}
