// The vocabulary of Reach Guard. Everything here is plain data so that a decision can cross
// runtimes (event handler -> task pane via sessionData) and be printed as JSON by the CLI.

export type Field = "to" | "cc" | "bcc";
export const FIELDS: readonly Field[] = ["to", "cc", "bcc"];

/** One recipient as Outlook (or an admin on the command line) hands it over. Nothing is trusted. */
export interface RecipientInput {
  readonly field: Field;
  /** May be empty (a personal contact group), an X500 path, or `"Name" <a@b.org>`. */
  readonly emailAddress: string;
  readonly displayName?: string;
  /** Outlook's hint only: groups may come back as `other`, so it never decides anything. */
  readonly recipientType?: string;
}

export interface MessageInput {
  /** The From address: a shared or delegated mailbox, or the signed-in user's own. */
  readonly sender: string;
  readonly recipients: readonly RecipientInput[];
  /**
   * The signed-in mailbox, for which the directory judges delivery restrictions (MailTips answer for
   * `/me`). Unknown (absent) means a restriction is never trusted: the list counts at full size.
   */
  readonly signedIn?: string;
  /**
   * Fields Outlook listed only in part: `recipients.getAsync` returns at most 100, 500 or 1,000
   * entries per field by client, so a field at that cap may hold more than it showed.
   */
  readonly partialFields?: readonly Field[];
  /** The thread this draft answers, when Outlook said (replies and forwards); for incidents. */
  readonly conversation?: Conversation;
  /** When the check is made (epoch ms), against which incidents expire; absent: none is consulted. */
  readonly checkedAt?: number;
  /** Recent activity in the thread a reply answers (./storm.ts), when it was read; for storms. */
  readonly thread?: ThreadActivity;
}

/** One message of a conversation as the mailbox holds it (Graph `/me/messages`). Nothing is trusted. */
export interface ThreadMessage {
  /** The sender's address, lower case; null when the message did not say. */
  readonly from: string | null;
  /** When it arrived, epoch ms. */
  readonly receivedAt: number;
  /** False only when the message is known to start the thread (its conversation index is the root). */
  readonly isReply: boolean;
  /** The raw `X-Reach-Guard` header it carries, if any (./header.ts parses it). */
  readonly reachHeader: string | null;
}

/** The recent messages of one conversation, received since a moment the reader was given. */
export interface ThreadReading {
  readonly messages: readonly ThreadMessage[];
  /** False when there were more than the reader would read: the counts are then at least these. */
  readonly complete: boolean;
}

/** What a thread's recent messages tell (./storm.ts threadActivity). */
export interface ThreadActivity {
  /** Replies received within the window. */
  readonly replies: number;
  /** Distinct senders of those replies. */
  readonly senders: number;
  /** The window, in minutes. */
  readonly windowMinutes: number;
  /** The largest reach an `X-Reach-Guard` header in the thread gives; null when none does. */
  readonly reach: number | null;
  /** False when the reader stopped early: the figures are lower bounds. */
  readonly complete: boolean;
}

/** What Outlook says of the thread a draft belongs to. Nothing is trusted: any part may be missing. */
export interface Conversation {
  /** Outlook's conversation id (`item.conversationId`); null for a new message or when not given. */
  readonly id: string | null;
  /** The draft's subject as Outlook holds it ("RE: ..." on a reply); null when it could not be read. */
  readonly subject: string | null;
  /** `item.getComposeTypeAsync` (Mailbox 1.10); `unknown` where it is not offered or failed. */
  readonly kind: "new" | "reply" | "forward" | "unknown";
}

export type AddressProblem = "empty" | "missing-at" | "x500" | "contact-group" | "malformed" | "too-long";

export type ParsedAddress =
  | { readonly valid: true; readonly address: string; readonly displayName: string }
  | {
      readonly valid: false;
      readonly problem: AddressProblem;
      readonly raw: string;
      readonly displayName: string;
    };

/**
 * Where a resolution came from. `catalogue`: the admin's reach catalogue (reach-guard scan), used
 * when Graph gave no answer for the address; its `sizedAt` says when the scan sized it.
 * `policy`: decided by the policy alone (a blocked address).
 * `outlook`: the directory could not answer, and Outlook reported an individual person
 * (`recipientType` `user` or `externalUser`), counted as one.
 */
export type Source = "graph" | "cache" | "catalogue" | "policy" | "outlook" | "none";

/**
 * Why the size of something is not known. The first two are facts about the list
 * (`unknownList` verdict); the rest are failures of the directory (`directoryUnavailable` verdict).
 */
export type UnknownCause =
  | "count-missing" // the directory knows the list but would not say how big it is
  | "not-found" // an internal-looking address the directory does not know
  | "contact-group" // a personal contact group: no address, so it cannot be looked up
  | "unavailable" // Graph down, throttled past the deadline, malformed answers
  | "timeout" // no answer within the deadline
  | "not-permitted" // 401/403: the token lacks a scope or consent
  | "no-token"; // no token could be had silently

export const DIRECTORY_FAILURES: readonly UnknownCause[] = [
  "unavailable",
  "timeout",
  "not-permitted",
  "no-token",
];

/** What the directory knows of one normalised address. */
export type DirectoryEntry =
  | { readonly kind: "person" }
  | {
      readonly kind: "list";
      /** Distinct people the list expands to, nested lists included. */
      readonly members: number;
      /** Members outside the organisation; null when the directory did not say. */
      readonly externalMembers: number | null;
      /** The sender may not post to it (delivery restriction): the message will bounce, not spread. */
      readonly restricted: boolean;
      /** A moderator must approve messages to it. */
      readonly moderated: boolean;
    }
  | { readonly kind: "external" }
  | { readonly kind: "unknown"; readonly cause: UnknownCause };

export interface DirectoryAnswer {
  readonly entry: DirectoryEntry;
  readonly source: "graph" | "cache" | "catalogue";
  /** For `catalogue`: when the scan sized the list (ISO 8601, UTC). */
  readonly sizedAt?: string;
}

/** One recipient after parsing and resolution, as shown in the task pane and printed by the CLI. */
export interface ResolvedRecipient {
  readonly field: Field;
  /** Normalised address, or the raw input when it is not a usable address. */
  readonly address: string;
  readonly displayName: string;
  readonly kind: "person" | "list" | "external" | "unknown" | "invalid";
  readonly members: number | null;
  readonly externalMembers: number | null;
  readonly source: Source;
  /** Why it is unknown or invalid. */
  readonly cause: UnknownCause | AddressProblem | null;
  /** The policy pattern that blocks this address, if any. */
  readonly blockedBy: string | null;
  readonly restricted: boolean;
  readonly moderated: boolean;
  /** For source `catalogue`: when the scan sized it (ISO 8601, UTC). */
  readonly sizedAt?: string;
}

export type Verdict = "allow" | "warn" | "block";

/** `enforce`: the verdict is acted on; `monitor`: it is only recorded (bar the always-enforced reasons). */
export type Mode = "enforce" | "monitor";

/** A recipient named as Outlook shows it on its recipient pill: its display name, else its address. */
export interface Named {
  readonly address: string;
  readonly name: string;
  /** People it reaches, when the directory said. */
  readonly members: number | null;
}

/** A count of people and how far it can be trusted. */
export interface Figure {
  readonly value: number;
  readonly accuracy: ReachAccuracy;
}

interface ReasonOf<Code extends string, Data> {
  readonly code: Code;
  /** The verdict this rule asks for (`allow` for notes that only inform). */
  readonly verdict: Verdict;
  /** The recipients the rule is about, if any. */
  readonly addresses: readonly string[];
  /** What the words need: the core says what happened, src/present says it in a language. */
  readonly data: Data;
}

type AboutLists = { readonly lists: readonly Named[] };

/** Why a verdict was given, as data: never a sentence. */
export type Reason =
  | ReasonOf<"blocked-address", AboutLists>
  | ReasonOf<"reach-over-block", AboutLists & { readonly reach: Figure; readonly limit: number }>
  | ReasonOf<"reach-over-warn", AboutLists & { readonly reach: Figure }>
  | ReasonOf<"list-moderated", AboutLists>
  | ReasonOf<"external-over-warn", { readonly external: number }>
  | ReasonOf<"unknown-list", AboutLists>
  | ReasonOf<"contact-group", { readonly groups: readonly string[] }>
  | ReasonOf<"recipients-not-listed", { readonly fields: readonly Field[] }>
  | ReasonOf<"directory-unavailable", AboutLists>
  | ReasonOf<"directory-not-permitted", AboutLists>
  | ReasonOf<"no-token", AboutLists>
  | ReasonOf<"invalid-address", { readonly entries: readonly Named[] }>
  | ReasonOf<"list-restricted", AboutLists>
  | ReasonOf<"broadcaster", Readonly<Record<string, never>>>
  /**
   * The service desk has stopped this thread (policy `incidents`). `subject`: the draft's, without
   * prefixes, as it was written; `list`: the recipient a subject match rests on, null when the
   * conversation id matched (then only a new message escapes it).
   */
  | ReasonOf<
      "incident",
      {
        readonly id: string;
        readonly message: string;
        readonly subject: string | null;
        readonly list: string | null;
      }
    >
  /**
   * A reply into a thread to a large audience that has had more replies within the policy's window
   * than `storm.replies`. `reach`: the larger of this reply's and the thread's headers'.
   */
  | ReasonOf<
      "storm",
      AboutLists & {
        readonly replies: number;
        readonly senders: number;
        readonly windowMinutes: number;
        readonly reach: number;
        readonly complete: boolean;
      }
    >;

export type ReasonCode = Reason["code"];

/** The data of the reason with this code. */
export type ReasonData<Code extends ReasonCode> = Extract<Reason, { code: Code }>["data"];

/**
 * `exact`: no lists, or a single list and nothing else; `upper-bound`: lists and other recipients
 * may overlap, so the figure counts shared people more than once; `incomplete`: at least one list
 * or recipient could not be sized, so the true reach may be higher.
 */
export type ReachAccuracy = "exact" | "upper-bound" | "incomplete";

export interface Decision {
  readonly verdict: Verdict;
  readonly reach: number;
  readonly accuracy: ReachAccuracy;
  /** Every recipient was resolved (accuracy is not `incomplete`). */
  readonly complete: boolean;
  readonly recipients: readonly ResolvedRecipient[];
  /** Most severe first. */
  readonly reasons: readonly Reason[];
  /** Order- and case-independent digest of the recipient set; acknowledgements bind to it. */
  readonly fingerprint: string;
  readonly sender: string;
  readonly senderIsBroadcaster: boolean;
  /** Whether the sender may acknowledge this verdict and send (warnings; blocks for broadcasters). */
  readonly acknowledgeable: boolean;
  /** The sender's mode: in `monitor`, `verdict` is what is enforced and `wouldBe` what enforcing would do. */
  readonly mode: Mode;
  /** The verdict enforcement would give; the same as `verdict` in `enforce` mode. */
  readonly wouldBe: Verdict;
}
