import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LOCALES, type Catalogue, type Locale } from "../../src/present/catalogue";
import { cyGB } from "../../src/present/cy-GB";
import { enGB } from "../../src/present/en-GB";
import { formatAbout, formatCount } from "../../src/present/figures";
import { CATALOGUES } from "../../src/present/catalogues";
import { CLI_TEXT } from "../../src/present/cli-text";
import { cyGBPane } from "../../src/present/cy-GB-pane";
import { enGBPane } from "../../src/present/en-GB-pane";
import { englishPlural, welshPlural } from "../../src/present/plural";

// Every message of every language, rendered with representative arguments: nothing empty or broken,
// one sentence where one is promised, Reach Guard's button named as the user sees it, and a Welsh
// catalogue that is a translation, not a copy. Every locale in LOCALES is covered.

const COUNTS = [0, 1, 2, 3, 6, 7, 1000] as const;
// Names as words.ts passes them: already joined, with no full stops (so sentences can be counted).
const NAMES = ["Pawb (holl staff)", "Tîm Ward 7", "Arweinwyr clinigol"] as const;
const CONTACT = "Desg Gwasanaeth TG, 0300 123 4567";

/** `count` names as words.ts would join them: up to two, then "and N more". */
function names(c: Catalogue, count: number): string {
  const shown = NAMES.slice(0, Math.min(Math.max(count, 1), 2));
  return c.join(count > 2 ? [...shown, c.more(count - shown.length)] : shown);
}

interface Row {
  /** The catalogue entry, as a path: "reasons.blockedAddress", "cli.columns.0". */
  readonly path: string;
  /** The arguments, to tell rows of one entry apart. */
  readonly args: string;
  readonly text: string;
}

/** Every entry of `c`, each function called with every representative argument. */
function render(c: Catalogue): Row[] {
  const rows: Row[] = [];
  const add = (path: string, text: string, args = "") => rows.push({ path, args, text });
  const perCount = (path: string, say: (count: number) => string, label = "") => {
    for (const count of COUNTS) add(path, say(count), `${count}${label}`);
  };
  const people = (count: number) => c.people.exact(count, formatCount(count));
  const about = c.people.about(840_000, formatAbout(840_000));

  add("join", c.join([NAMES[0]]), "1");
  add("join", c.join(NAMES.slice(0, 2)), "2");
  add("join", c.join([...NAMES.slice(0, 2), c.more(3)]), "3");
  perCount("more", (count) => c.more(count));
  perCount("people.exact", (count) => c.people.exact(count, formatCount(count)));
  perCount("people.about", (count) => c.people.about(count, formatAbout(count)));
  perCount("people.atLeast", (count) => c.people.atLeast(count, formatCount(count)));
  add("people.unknown", c.people.unknown);
  for (const field of ["to", "cc", "bcc"] as const) add(`field.${field}`, c.field[field]);

  const r = c.reasons;
  perCount("reasons.blockedAddress", (count) => r.blockedAddress(names(c, count), count, null));
  perCount("reasons.blockedAddress", (count) => r.blockedAddress(names(c, count), count, about), ", size");
  perCount("reasons.reachOverBlock", (count) => r.reachOverBlock(about, "5,000", names(c, count), count));
  add("reasons.reachOverBlock", r.reachOverBlock(about, "5,000", null, 0), "no names");
  perCount("reasons.reachOverWarn", (count) => r.reachOverWarn(people(312), names(c, count), count));
  add("reasons.reachOverWarn", r.reachOverWarn(people(312), null, 0), "no names");
  perCount("reasons.listModerated", (count) => r.listModerated(names(c, count), count));
  perCount("reasons.externalOverWarn", (count) => r.externalOverWarn(people(count)));
  perCount("reasons.unknownList", (count) => r.unknownList(names(c, count), count));
  perCount("reasons.contactGroup", (count) => r.contactGroup(names(c, count), count));
  add("reasons.notListed", r.notListed(c.field.to), "1");
  add("reasons.notListed", r.notListed(c.join([c.field.to, c.field.cc, c.field.bcc])), "3");
  perCount("reasons.directoryUnavailable", (count) => r.directoryUnavailable(names(c, count), count));
  perCount("reasons.directoryNotPermitted", (count) => r.directoryNotPermitted(names(c, count), count));
  perCount("reasons.noToken", (count) => r.noToken(names(c, count), count));
  perCount("reasons.invalidAddress", (count) =>
    r.invalidAddress(c.join(["“dr smith”", "“ward7@”"].slice(0, Math.min(Math.max(count, 1), 2))), count),
  );
  perCount("reasons.listRestricted", (count) => r.listRestricted(names(c, count), count));
  add("reasons.broadcaster", r.broadcaster);
  add("reasons.incident", r.incident("Test email - please ignore"), "subject");
  add("reasons.incident", r.incident(null), "no subject");
  for (const minutes of [60, 120, 30])
    add("reasons.storm", r.storm(names(c, 1), 1, "12", minutes, false), `${minutes} minutes`);
  add("reasons.storm", r.storm(names(c, 2), 2, "1,000", 60, true), "at least");

  const a = c.alert;
  perCount("alert.remove", a.remove);
  perCount("alert.removeLists", a.removeLists);
  add("alert.sendToFewer", a.sendToFewer);
  perCount("alert.correct", a.correct);
  perCount("alert.removeOrWait", a.removeOrWait);
  add("alert.sendAnyway", a.sendAnyway);
  add("alert.confirmInPane", a.confirmInPane);
  perCount("alert.help", (count) => a.help(a.remove(count), CONTACT));
  add("alert.reviewButton", a.reviewButton);
  add("alert.replyToSender", a.replyToSender);
  for (const key of ["block", "sendAnyway", "confirmInPane"] as const)
    add(`alert.checkFailed.${key}`, a.checkFailed[key]);

  const i = c.infoBar;
  add("infoBar.check", i.check);
  perCount("infoBar.remove", i.remove);
  add("infoBar.sendToFewer", i.sendToFewer);
  perCount("infoBar.correct", i.correct);
  add("infoBar.action", i.action);
  add("infoBar.incident.withoutList", i.incident.withoutList);
  add("infoBar.incident.newMessage", i.incident.newMessage);
  add("infoBar.replyToSender", i.replyToSender);

  const t = c.taskPane;
  for (const key of [
    "checking",
    "updating",
    "noRecipients",
    "notConfigured",
    "settingsProblems",
    "signInTitle",
    "signIn",
    "signedIn",
    "signInFailed",
    "signInUnsupported",
    "recipientsHeading",
    "blockedByPolicy",
    "restricted",
    "moderated",
    "contactGroup",
    "fixesHeading",
    "moveAllToBcc",
    "bccNote",
    "removeExternal",
    "moveToBcc",
    "remove",
    "acknowledgeHeading",
    "confirm",
    "confirmed",
    "cannotSend",
    "failed",
    "retry",
    "fixFailed",
    "acknowledgeFailed",
    "nothingChanged",
    "outsideOutlook",
  ] as const)
    add(`taskPane.${key}`, t[key]);
  perCount("taskPane.headline", (count) => t.headline(people(count)));
  add("taskPane.headline", t.headline(c.people.unknown), "unknown");
  for (const verdict of ["allow", "warn", "block"] as const) {
    add(`taskPane.verdictTitle.${verdict}`, t.verdictTitle[verdict]);
    add(`taskPane.directoryPolicy.${verdict}`, t.directoryPolicy[verdict]);
  }
  add("taskPane.accuracy.about", t.accuracy.about);
  add("taskPane.accuracy.atLeast", t.accuracy.atLeast);
  add("taskPane.fieldHeading", t.fieldHeading(c.field.to, "3"));
  for (const kind of ["person", "list", "external", "unknown", "invalid"] as const)
    add(`taskPane.kind.${kind}`, t.kind[kind]);
  perCount("taskPane.members", (count) => t.members(count, formatCount(count)));
  perCount("taskPane.outside", (count) => t.outside(count, formatCount(count)));
  add("taskPane.showMore", t.showMore("50", "250"));
  perCount("taskPane.removeBlocking", t.removeBlocking);
  add("taskPane.moveToBccLabel", t.moveToBccLabel("everyone@example.org"));
  add("taskPane.removeLabel", t.removeLabel("everyone@example.org"));
  add("taskPane.replyToSenderOnly", t.replyToSenderOnly("Jo Murray"));
  perCount("taskPane.acknowledge", (count) => t.acknowledge(people(count)));
  perCount("taskPane.moved", (count) => t.moved(count, formatCount(count)));
  perCount("taskPane.removed", (count) => t.removed(count, formatCount(count)));
  for (const reason of ["contact-group", "at-cap"] as const)
    add("taskPane.fieldLeftAlone", t.fieldLeftAlone(c.field.cc, reason), reason);
  for (const wouldBe of ["warn", "block"] as const)
    add(`taskPane.monitorNote.${wouldBe}`, t.monitorNote[wouldBe]);
  add("taskPane.sizeFrom.graph", t.sizeFrom.graph);
  add("taskPane.sizeFrom.cache", t.sizeFrom.cache);
  add("taskPane.sizeFrom.catalogue", t.sizeFrom.catalogue(26, 11, 2026));

  for (const verdict of ["allow", "warn", "block"] as const)
    add(`cli.verdict.${verdict}`, c.cli.verdict[verdict]);
  perCount("cli.reach", (count) => c.cli.reach(people(count)));
  c.cli.columns.forEach((column, index) => add(`cli.columns.${index}`, column));
  return rows;
}

/** The paths of every message in a catalogue: strings, functions, and each item of a list. */
function leaves(value: unknown, path = ""): string[] {
  if (typeof value === "string" || typeof value === "function") return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${path}.${index}`));
  if (typeof value === "object" && value !== null)
    return Object.entries(value).flatMap(([key, item]) => leaves(item, path ? `${path}.${key}` : key));
  return [];
}

/** Sentence-ending punctuation followed by a space or the end. */
const sentences = (text: string) => (text.match(/[.!?](?=\s|$)/g) ?? []).length;

type Translated = Exclude<Locale, "en-GB">;
const TRANSLATED = LOCALES.filter((locale): locale is Translated => locale !== "en-GB");

/**
 * Messages a translation says as British English does, as `path(args)`: Outlook's own labels for
 * Cc and Bcc, a single name (nothing to join), and, in Welsh, "1 person" ("person" is Welsh too).
 */
const SAME_AS_ENGLISH: Readonly<Record<Translated, readonly string[]>> = {
  "cy-GB": ["field.cc()", "field.bcc()", "join(1)", "people.exact(1)"],
};

const ADVICE = [
  "alert.remove",
  "alert.removeLists",
  "alert.sendToFewer",
  "alert.correct",
  "alert.removeOrWait",
  "alert.sendAnyway",
  "alert.confirmInPane",
  "alert.help",
  "infoBar.check",
  "infoBar.remove",
  "infoBar.sendToFewer",
  "infoBar.correct",
];

const rendered = Object.fromEntries(LOCALES.map((locale) => [locale, render(CATALOGUES[locale])])) as Record<
  Locale,
  Row[]
>;

test("there is a catalogue for every locale, and each says which it is", () => {
  expect(Object.keys(CATALOGUES).sort()).toEqual([...LOCALES].sort());
  expect(CATALOGUES["en-GB"]).toEqual({ ...enGB, ...enGBPane, ...CLI_TEXT["en-GB"] });
  expect(CATALOGUES["cy-GB"]).toEqual({ ...cyGB, ...cyGBPane, ...CLI_TEXT["cy-GB"] });
  for (const locale of LOCALES) expect(CATALOGUES[locale].locale).toBe(locale);
  expect(enGB.plural).toBe(englishPlural);
  expect(cyGB.plural).toBe(welshPlural);
});

describe.each(LOCALES)("%s", (locale) => {
  const c = CATALOGUES[locale];
  const rows = rendered[locale];

  test("every message is rendered by this test", () => {
    const covered = new Set(rows.map((row) => row.path));
    const missing = leaves(c).filter((path) => path !== "locale" && path !== "plural" && !covered.has(path));
    expect(missing).toEqual([]);
  });

  test("every message is whole: not empty, nothing undefined, no stray spaces", () => {
    const broken = rows.filter(
      ({ text }) =>
        text.trim() === "" ||
        /undefined|NaN|\[object|\bnull\b/.test(text) ||
        text !== text.trim() ||
        /\s{2}|\s[,.]/.test(text),
    );
    expect(broken).toEqual([]);
  });

  test("each reason is exactly one sentence", () => {
    const wrong = rows.filter((row) => row.path.startsWith("reasons.") && sentences(row.text) !== 1);
    expect(wrong).toEqual([]);
  });

  test("each piece of advice is one sentence, and a failed check says at most two", () => {
    const wrong = rows.filter(
      (row) =>
        (ADVICE.includes(row.path) && sentences(row.text) !== 1) ||
        (row.path.startsWith("alert.checkFailed.") && (sentences(row.text) < 1 || sentences(row.text) > 2)),
    );
    expect(wrong).toEqual([]);
  });

  test("Reach Guard's button is named as the dialog and the info bar show it", () => {
    const button = c.alert.reviewButton;
    expect(c.infoBar.action).toBe(button);
    expect(c.alert.sendAnyway).toContain(button);
    expect(c.alert.confirmInPane).toContain(button);
    expect(c.alert.checkFailed.confirmInPane).toContain(button);
  });

  test("the button is the manifest's compose button, in this language", () => {
    const manifest = readFileSync(join(__dirname, "../../manifest.xml"), "utf8");
    const label = /<bt:String id="TaskpaneButton\.Label" DefaultValue="([^"]*)">([\s\S]*?)<\/bt:String>/.exec(
      manifest,
    );
    expect(label).not.toBeNull();
    const override = new RegExp(`<bt:Override Locale="${locale}" Value="([^"]*)"/>`).exec(
      label?.[2] ?? "",
    )?.[1];
    expect(c.alert.reviewButton).toBe(locale === "en-GB" ? label?.[1] : override);
  });
});

describe.each(TRANSLATED)("%s, a translation", (locale) => {
  const english = new Map(rendered["en-GB"].map((row) => [`${row.path}(${row.args})`, row.text]));
  const rows = rendered[locale];

  test("renders the same messages with the same arguments as British English", () => {
    expect(rows.map((row) => `${row.path}(${row.args})`)).toEqual([...english.keys()]);
  });

  test("differs from British English in every message but product names (no untranslated copy)", () => {
    const same = rows.filter(
      (row) =>
        english.get(`${row.path}(${row.args})`) === row.text &&
        !SAME_AS_ENGLISH[locale].includes(`${row.path}(${row.args})`),
    );
    expect(same).toEqual([]);
  });

  test("leaves no common English word behind", () => {
    const words =
      /\b(the|and|or|to|your|this|message|recipients?|remove|send|sending|people|person's|lists?|check|could|not|more|about|least)\b/i;
    const left = rows.filter(({ text }) => words.test(text.replace(/Reach Guard|everyone@\S+/g, "")));
    expect(left).toEqual([]);
  });

  test("each reason is about as long as the English one (an info bar holds 150 characters)", () => {
    const long = rows.filter((row) => {
      const en = english.get(`${row.path}(${row.args})`) ?? "";
      return row.path.startsWith("reasons.") && row.text.length > en.length * 1.25;
    });
    expect(long).toEqual([]);
  });
});

describe("Welsh", () => {
  test("counts people with 'o bobl', and one person alone", () => {
    expect(cyGB.people.exact(1, "1")).toBe("1 person");
    expect(cyGB.people.exact(12, "12")).toBe("12 o bobl");
    expect(cyGB.people.about(840_000, "840,000")).toBe("tua 840,000 o bobl");
    expect(cyGB.people.atLeast(3, "3")).toBe("o leiaf 3 o bobl");
    expect(cyGB.reasons.reachOverWarn("tua 840,000 o bobl", null, 0)).toBe(
      "Mae'r neges hon yn cyrraedd tua 840,000 o bobl.",
    );
  });

  test.each([
    [["Tîm Ward 7"], "Tîm Ward 7"],
    [["Tîm Ward 7", "Pawb"], "Tîm Ward 7 a Pawb"],
    [["Tîm Ward 7", "Everyone (all staff)"], "Tîm Ward 7 ac Everyone (all staff)"],
    [["A", "B", "Ysbyty"], "A, B ac Ysbyty"],
    [["A", "B", "“ebost”"], "A, B ac “ebost”"],
    [["A", "B", "3 arall"], "A, B a 3 arall"],
    [["A", "B", "8 arall"], "A, B ac 8 arall"],
    [["A", "B", "11 arall"], "A, B ac 11 arall"],
    [["A", "B", "1 arall"], "A, B ac 1 arall"],
    [["A", "B", "100 arall"], "A, B a 100 arall"],
  ])("joins %j as %s ('ac' before a vowel)", (items, joined) => {
    expect(cyGB.join(items)).toBe(joined);
  });
});

test("the compiler refuses a locale that misses a message", () => {
  const { more: _more, ...withoutMore } = cyGB;
  // @ts-expect-error: `more` is missing, so this is not a Catalogue.
  const incomplete: Catalogue = { ...withoutMore };
  expect("more" in incomplete).toBe(false);
});
