import { ALERT_LIMIT, INFO_BAR_LIMIT } from "../../src/core/limits";
import { LOCALES } from "../../src/present/catalogue";
import { wordsFor } from "../../src/present/words";
import { HELP, SCENARIOS } from "./scenarios";

// Every message Reach Guard can put in front of a clinician, in every language, held to Outlook's
// limits (an info bar holds 150 characters, a Smart Alert 500) and to two sentences at most: who and
// how many, then what to do.

/** Sentences: text ending in . ! or ? before a space or the end (the scenarios' names have none). */
export function sentences(text: string): number {
  return (text.match(/[.!?](?=\s|$)/g) ?? []).length;
}

const CASES = LOCALES.flatMap((locale) => Object.keys(SCENARIOS).map((name) => [locale, name] as const));

describe.each(CASES)("%s, %s", (locale, name) => {
  const words = wordsFor(locale);
  const decision = SCENARIOS[name]!();

  it("has an info bar of at most two sentences and 150 characters, or none for ordinary mail", () => {
    const bar = words.infoBar(decision);
    if (decision.verdict === "allow") {
      expect(bar).toBeNull();
      return;
    }
    expect(bar!.length).toBeLessThanOrEqual(INFO_BAR_LIMIT);
    expect(sentences(bar!)).toBeGreaterThanOrEqual(1);
    expect(sentences(bar!)).toBeLessThanOrEqual(2);
  });

  it.each([
    ["with Send Anyway", true, ""],
    ["without Send Anyway", false, ""],
    ["with a help contact", false, HELP],
    ["with a very long help contact", true, "x".repeat(300)],
  ])("has a Smart Alert %s of at most two sentences and 500 characters", (_, sendAnywayOffered, contact) => {
    // An ordinary message is sent without an alert.
    if (decision.verdict === "allow") return;
    const alert = words.alert(decision, { sendAnywayOffered, supportContact: contact });
    expect(alert.length).toBeLessThanOrEqual(ALERT_LIMIT);
    if (contact.length < 100) expect(sentences(alert)).toBe(2);
    expect(alert).not.toMatch(/undefined|NaN|\[object/);
  });

  it("gives each reason in one sentence", () => {
    for (const reason of decision.reasons) {
      const sentence = words.reason(reason);
      expect(sentences(sentence)).toBe(1);
      expect(sentence).not.toMatch(/undefined|NaN|\[object/);
    }
  });
});

describe.each(LOCALES)("%s, when the check fails", (locale) => {
  const words = wordsFor(locale);
  it.each([
    ["block", false],
    ["warn", true],
    ["warn", false],
  ] as const)("%s (Send Anyway %s) is at most two sentences", (verdict, sendAnywayOffered) => {
    const text = words.checkFailed(verdict, { sendAnywayOffered });
    expect(text.length).toBeLessThanOrEqual(ALERT_LIMIT);
    expect(sentences(text)).toBeLessThanOrEqual(2);
  });
});

it("the sentence counter counts", () => {
  expect(sentences("One. Two! Three?")).toBe(3);
  expect(sentences("Reaches about 840,000 people and is blocked. Remove it to send.")).toBe(2);
});
