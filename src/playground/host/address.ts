import { displayLanguageForAddress, displayLanguageFromAddress, type DisplayLanguage } from "./language";
import { DEFAULT_MAILBOX_VERSION, isPlatformChoice, MAILBOX_VERSIONS, type PlatformChoice } from "./platform";

// The Outlook played, as the page's address says it (?platform=classic&mailbox=1.13&naa=no&lang=cy):
// read when the page loads, and written back when a switch changes, so a reload plays the same
// Outlook. The fault switches are not kept: a page load always starts them off.

export interface AddressChoices {
  readonly platform: PlatformChoice;
  readonly mailboxVersion: string;
  readonly nestedAppAuth: boolean;
  readonly displayLanguage: DisplayLanguage;
}

export function choicesFromAddress(search: string): AddressChoices {
  const params = new URLSearchParams(search);
  const platform = params.get("platform");
  const mailbox = params.get("mailbox");
  return {
    platform: isPlatformChoice(platform) ? platform : "web",
    mailboxVersion:
      mailbox && (MAILBOX_VERSIONS as readonly string[]).includes(mailbox)
        ? mailbox
        : DEFAULT_MAILBOX_VERSION,
    nestedAppAuth: params.get("naa") !== "no",
    displayLanguage: displayLanguageFromAddress(params.get("lang")),
  };
}

/** `search` with `choices` in it (a default leaves its parameter out); other parameters are kept. */
export function searchFor(search: string, choices: AddressChoices): string {
  const params = new URLSearchParams(search);
  const put = (name: string, value: string | null) =>
    value === null ? params.delete(name) : params.set(name, value);
  put("platform", choices.platform === "web" ? null : choices.platform);
  put("mailbox", choices.mailboxVersion === DEFAULT_MAILBOX_VERSION ? null : choices.mailboxVersion);
  put("naa", choices.nestedAppAuth ? null : "no");
  put("lang", displayLanguageForAddress(choices.displayLanguage));
  const text = params.toString();
  return text ? `?${text}` : "";
}
