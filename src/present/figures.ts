// Figures as a British reader expects them. Hand-written rather than Intl.NumberFormat because
// Outlook's JavaScript-only runtime on Windows does not promise Intl.

export function formatCount(value: number): string {
  const whole = Math.max(0, Math.round(value));
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "about 840,000": large figures are rounded to three significant digits; small ones stay exact. */
export function formatAbout(value: number): string {
  if (value < 1000) return formatCount(value);
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)) - 2);
  return formatCount(Math.round(value / magnitude) * magnitude);
}

/** Shortens text to `limit` characters, ending with an ellipsis when cut. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > limit * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
