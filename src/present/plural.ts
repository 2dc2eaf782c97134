// Plural categories as Unicode CLDR defines them, written out because Outlook's JavaScript-only
// runtime on Windows does not promise Intl.PluralRules. Only whole numbers are ever counted here.

export type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";

/** The forms a word takes by count; `other` is always there, the rest as the language has them. */
export type Plural = Readonly<Partial<Record<PluralCategory, string>>> & { readonly other: string };

/** English: one (1), other. */
export function englishPlural(count: number): PluralCategory {
  return count === 1 ? "one" : "other";
}

/** Welsh: zero (0), one (1), two (2), few (3), many (6), other. */
export function welshPlural(count: number): PluralCategory {
  switch (count) {
    case 0:
      return "zero";
    case 1:
      return "one";
    case 2:
      return "two";
    case 3:
      return "few";
    case 6:
      return "many";
    default:
      return "other";
  }
}

/** The form of `forms` for this category, falling back to `other`. */
export function pick(forms: Plural, category: PluralCategory): string {
  return forms[category] ?? forms.other;
}
