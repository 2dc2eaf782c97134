// Everything the report shows from the catalogue was written by someone in the tenant: a display name
// can be `<img src=x onerror=alert(1)>`. Every such text passes through here on its way into the page.

const SPECIAL = /[&<>"']/g;
const ENTITY: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  // Nearly every name has nothing to escape: test first rather than build a new string each time.
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(text) ? text.replace(SPECIAL, (character) => ENTITY[character] as string) : text;
}
