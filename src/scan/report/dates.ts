// Times in the report as a British admin reads them, always in UTC (as the catalogue records them),
// so two admins in different places read the same report alike. Written out by hand rather than with
// Intl so that the text does not depend on the machine's ICU data or time zone.

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const twoDigits = (value: number): string => String(value).padStart(2, "0");

/** "27 November 2026"; the ISO text itself when it is not a time. */
export function formatUtcDate(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${time.getUTCDate()} ${MONTHS[time.getUTCMonth()]} ${time.getUTCFullYear()}`;
}

/** "27 November 2026, 03:00 UTC". */
export function formatUtcTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${formatUtcDate(iso)}, ${twoDigits(time.getUTCHours())}:${twoDigits(time.getUTCMinutes())} UTC`;
}
