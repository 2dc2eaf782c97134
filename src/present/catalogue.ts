import type { Field, Verdict } from "../core/types";
import type { PluralCategory } from "./plural";

// The shape every language fills in. A locale is a `Catalogue`, so the compiler refuses one that
// misses a message. Arguments arrive ready to place: names already joined, figures already written
// ("about 840,000 people"); counts come along where the grammar of a language needs them.

export const LOCALES = ["en-GB", "cy-GB"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en-GB";

/**
 * The language to speak for Outlook's display language (Office.context.displayLanguage, e.g.
 * "cy-GB"), by its language part; British English for any other.
 */
export function localeFor(displayLanguage: unknown): Locale {
  if (typeof displayLanguage !== "string") return DEFAULT_LOCALE;
  const language = displayLanguage.trim().toLowerCase().split(/[-_]/)[0];
  return language === "cy" ? "cy-GB" : DEFAULT_LOCALE;
}

/**
 * What Outlook shows: the info bar and the Smart Alert, and the reasons they give. The event bundle
 * carries only this part of each language, to stay within its budget.
 */
export interface OutlookCatalogue {
  readonly locale: Locale;
  readonly plural: (count: number) => PluralCategory;
  /** "A, B and C". */
  readonly join: (items: readonly string[]) => string;
  /** Stands for the names left out of a long list: "3 more". */
  readonly more: (count: number) => string;
  /** A count of people, said one way everywhere: exact, about (rounded, or lists may overlap), at least. */
  readonly people: {
    readonly exact: (count: number, written: string) => string;
    readonly about: (count: number, written: string) => string;
    readonly atLeast: (count: number, written: string) => string;
    /** Nothing could be sized. */
    readonly unknown: string;
  };
  readonly field: Readonly<Record<Field, string>>;

  /** One sentence per reason: who, and how many. `count` is how many names `names` holds. */
  readonly reasons: {
    readonly blockedAddress: (names: string, count: number, size: string | null) => string;
    readonly reachOverBlock: (reach: string, limit: string, names: string | null, count: number) => string;
    readonly reachOverWarn: (reach: string, names: string | null, count: number) => string;
    readonly listModerated: (names: string, count: number) => string;
    readonly externalOverWarn: (people: string) => string;
    readonly unknownList: (names: string, count: number) => string;
    readonly contactGroup: (names: string, count: number) => string;
    readonly notListed: (fields: string) => string;
    readonly directoryUnavailable: (names: string, count: number) => string;
    readonly directoryNotPermitted: (names: string, count: number) => string;
    readonly noToken: (names: string, count: number) => string;
    readonly invalidAddress: (names: string, count: number) => string;
    readonly listRestricted: (names: string, count: number) => string;
    readonly broadcaster: string;
    /** The service desk stopped this thread; `subject` is null when the draft's could not be read. */
    readonly incident: (subject: string | null) => string;
    /**
     * A reply-all storm: the thread to `names` has had `replies` (a written figure; at least that
     * many when `atLeast`, as not all were read) replies in the last `minutes`.
     */
    readonly storm: (
      names: string,
      count: number,
      replies: string,
      minutes: number,
      atLeast: boolean,
    ) => string;
  };

  /** What to do, as the second sentence of a Smart Alert. Buttons named here exist in that client. */
  readonly alert: {
    readonly remove: (count: number) => string;
    readonly removeLists: (count: number) => string;
    readonly sendToFewer: string;
    readonly correct: (count: number) => string;
    readonly removeOrWait: (count: number) => string;
    /** Mailbox 1.14 with "Send Anyway" (Outlook's own label) and "Review recipients" (cancelLabel). */
    readonly sendAnyway: string;
    /** Older Outlook: the dialog has no button of Reach Guard's; the ribbon button opens the pane. */
    readonly confirmInPane: string;
    readonly help: (advice: string, contact: string) => string;
    /** The way out of a storm: answer the one person rather than the list. */
    readonly replyToSender: string;
    /** The dialog's cancel button (cancelLabel, Mailbox 1.14), which opens the task pane. */
    readonly reviewButton: string;
    /** The check itself failed or ran out of time: the policy's verdict for an unchecked message. */
    readonly checkFailed: {
      readonly block: string;
      readonly sendAnyway: string;
      readonly confirmInPane: string;
    };
  };

  /** What to do, as the second sentence of the info bar while composing. */
  readonly infoBar: {
    readonly check: string;
    readonly remove: (count: number) => string;
    readonly sendToFewer: string;
    readonly correct: (count: number) => string;
    /**
     * What escapes an incident: dropping the list (a match by subject and list), or a new message
     * (a match by conversation, which only a new message leaves). The Smart Alert gives the service
     * desk's own words instead.
     */
    readonly incident: { readonly withoutList: string; readonly newMessage: string };
    /** The way out of a storm, while composing. */
    readonly replyToSender: string;
    /** The bar's action, which opens the task pane. */
    readonly action: string;
  };
}

/** What the task pane shows besides. */
export interface PaneCatalogue {
  readonly taskPane: {
    readonly checking: string;
    readonly updating: string;
    readonly headline: (people: string) => string;
    readonly noRecipients: string;
    readonly verdictTitle: Readonly<Record<Verdict, string>>;
    readonly accuracy: { readonly about: string; readonly atLeast: string };
    readonly directoryPolicy: Readonly<Record<Verdict, string>>;
    readonly notConfigured: string;
    readonly settingsProblems: string;
    readonly signInTitle: string;
    readonly signIn: string;
    readonly signedIn: string;
    readonly signInFailed: string;
    readonly signInUnsupported: string;
    readonly recipientsHeading: string;
    readonly fieldHeading: (field: string, count: string) => string;
    readonly kind: Readonly<Record<"person" | "list" | "external" | "unknown" | "invalid", string>>;
    readonly members: (count: number, written: string) => string;
    readonly outside: (count: number, written: string) => string;
    readonly blockedByPolicy: string;
    readonly restricted: string;
    readonly moderated: string;
    readonly contactGroup: string;
    /**
     * Where a list's size came from: Microsoft Graph just now, an earlier answer remembered, or the
     * admin's reach catalogue, sized on that day (UTC; `month` 1 to 12).
     */
    readonly sizeFrom: {
      readonly graph: string;
      readonly cache: string;
      readonly catalogue: (day: number, month: number, year: number) => string;
    };
    readonly showMore: (next: string, left: string) => string;
    readonly fixesHeading: string;
    /** Removes the recipients the block rests on. */
    readonly removeBlocking: (count: number) => string;
    readonly moveAllToBcc: string;
    /** Why "Move to Bcc" is not a way round a block or a reach: they are all still reached. */
    readonly bccNote: string;
    readonly removeExternal: string;
    /** A storm's fix: keep only the person the reply answers (first in To), named. */
    readonly replyToSenderOnly: (name: string) => string;
    readonly moveToBcc: string;
    readonly moveToBccLabel: (address: string) => string;
    readonly remove: string;
    readonly removeLabel: (address: string) => string;
    readonly acknowledgeHeading: string;
    readonly acknowledge: (people: string) => string;
    readonly confirm: string;
    readonly confirmed: string;
    readonly cannotSend: string;
    readonly failed: string;
    readonly retry: string;
    readonly fixFailed: string;
    readonly acknowledgeFailed: string;
    readonly moved: (count: number, written: string) => string;
    readonly removed: (count: number, written: string) => string;
    readonly nothingChanged: string;
    readonly fieldLeftAlone: (field: string, reason: "contact-group" | "at-cap") => string;
    readonly outsideOutlook: string;
    /** Monitor mode (a pilot): what enforcement would do, said under the verdict. */
    readonly monitorNote: Readonly<Record<"warn" | "block", string>>;
  };
}

/** What the command line (reach-guard check) shows besides. */
export interface CliCatalogue {
  readonly cli: {
    readonly verdict: Readonly<Record<Verdict, string>>;
    readonly reach: (people: string) => string;
    readonly columns: readonly [string, string, string, string, string];
  };
}

/** What the task pane carries of a language. */
export type PaneText = OutlookCatalogue & PaneCatalogue;

/** A whole language. */
export type Catalogue = PaneText & CliCatalogue;
