import { assertSafeText } from "./quote";

// The custom MailTip each restricted list gets: what the sender sees in Outlook as soon as the list
// is in the To line, before writing anything. Exchange wraps it in <html><body> itself, supports no
// other tags, and shows at most 175 characters (Set-DistributionGroup.md, "-MailTip"; Exchange
// Online's configure-custom-mailtips.md).

export const MAX_MAILTIP_CHARACTERS = 175;

/** Why `text` cannot be a MailTip, or null. */
export function mailTipProblem(text: string): string | null {
  if (text.trim() === "") return "must not be empty";
  if ([...text].length > MAX_MAILTIP_CHARACTERS)
    return `must be at most ${MAX_MAILTIP_CHARACTERS} characters (Exchange's limit for a MailTip)`;
  if (/[<>]/.test(text)) return "must be plain text: Exchange supports no HTML tags in a MailTip";
  assertSafeText(text, "the MailTip");
  return null;
}
