import { primaryReason } from "../core/primary-reason";
import { ALERT_LIMIT, INFO_BAR_LIMIT } from "../core/limits";
import type { Decision, Figure, Named, Reason, Verdict } from "../core/types";
import type { Locale, OutlookCatalogue } from "./catalogue";
import { clip, formatAbout, formatCount } from "./figures";

// Decisions into words, for one language. The only place sentences are put together: the core says
// what happened (reasons as data), the catalogue how each sentence goes in a language, and this
// module which sentences a moment needs: who and how many, then what to do, in two sentences.

/** What the Smart Alert may point at: Outlook's dialog differs by Mailbox requirement set. */
export interface AlertOptions {
  /** Outlook shows "Send Anyway" (Mailbox 1.14, PromptUser); otherwise the sender confirms in the pane. */
  readonly sendAnywayOffered: boolean;
  /** Said after a block's advice; empty for none. */
  readonly supportContact: string;
}

export interface Words {
  readonly locale: Locale;
  readonly text: OutlookCatalogue;
  /** A figure, one way everywhere: "12 people", "about 840,000 people", "at least 3 people". */
  people(figure: Figure): string;
  /** A whole number as this language writes it. */
  count(value: number): string;
  /** One sentence for one reason: who, and how many. */
  reason(reason: Reason): string;
  /** The early warning while composing, or null when the message is ordinary and no bar is shown. */
  infoBar(decision: Decision): string | null;
  /** The Smart Alert: the main reason, then what to do. */
  alert(decision: Decision, options: AlertOptions): string;
  /** When the check failed or ran out of time, for the policy's verdict. */
  checkFailed(verdict: Exclude<Verdict, "allow">, options: Pick<AlertOptions, "sendAnywayOffered">): string;
}

/** The service desk's words as the end of an alert: a sentence, closed if they left it open. */
function asSentence(words: string): string {
  const trimmed = words.trim();
  return /[.!?][”’"')\]]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A name as long as a recipient pill shows it, give or take. */
const NAME_LIMIT = 48;
/** As short as a name may become before the sentence itself is cut. */
const SHORT_NAME_LIMIT = 24;

/** The words of one language's catalogue (./words.ts and ./pane-words.ts choose the catalogue). */
export function wordsWith(text: OutlookCatalogue): Words {
  const { locale } = text;

  function people(figure: Figure): string {
    const value = Math.max(0, Math.round(figure.value));
    if (figure.accuracy === "incomplete") {
      return value === 0 ? text.people.unknown : text.people.atLeast(value, formatCount(value));
    }
    if (figure.accuracy === "upper-bound" || value >= 1000)
      return text.people.about(value, formatAbout(value));
    return text.people.exact(value, formatCount(value));
  }

  /** "Everyone (all staff)", "A and B", or "A, B and 3 more" past `max` names, each cut to `length`. */
  function names(items: readonly string[], max: number, length = NAME_LIMIT): string {
    const shown = items.slice(0, max).map((item) => clip(item, length));
    const rest = items.length - shown.length;
    return text.join(rest > 0 ? [...shown, text.more(rest)] : shown);
  }

  function sentence(reason: Reason, max: number, length = NAME_LIMIT): string {
    const listNames = (lists: readonly Named[], most: number) =>
      names(
        lists.map((list) => list.name),
        most,
        length,
      );
    const r = text.reasons;
    switch (reason.code) {
      case "blocked-address": {
        const { lists } = reason.data;
        const only = lists.length === 1 ? lists[0]! : null;
        const size =
          only && only.members !== null ? people({ value: only.members, accuracy: "exact" }) : null;
        return r.blockedAddress(listNames(lists, max), lists.length, size);
      }
      case "reach-over-block": {
        const { lists, reach, limit } = reason.data;
        return r.reachOverBlock(
          people(reach),
          formatCount(limit),
          lists.length ? listNames(lists, max) : null,
          lists.length,
        );
      }
      case "reach-over-warn": {
        const { lists, reach } = reason.data;
        return r.reachOverWarn(people(reach), lists.length ? listNames(lists, max) : null, lists.length);
      }
      case "list-moderated":
        return r.listModerated(listNames(reason.data.lists, max), reason.data.lists.length);
      case "external-over-warn":
        return r.externalOverWarn(people({ value: reason.data.external, accuracy: "exact" }));
      case "unknown-list":
        return r.unknownList(listNames(reason.data.lists, max), reason.data.lists.length);
      case "contact-group":
        return r.contactGroup(names(reason.data.groups, max, length), reason.data.groups.length);
      case "recipients-not-listed":
        return r.notListed(text.join(reason.data.fields.map((field) => text.field[field])));
      case "directory-unavailable":
        return r.directoryUnavailable(listNames(reason.data.lists, max), reason.data.lists.length);
      case "directory-not-permitted":
        return r.directoryNotPermitted(listNames(reason.data.lists, max), reason.data.lists.length);
      case "no-token":
        return r.noToken(listNames(reason.data.lists, max), reason.data.lists.length);
      case "invalid-address":
        return r.invalidAddress(
          names(
            reason.data.entries.map((entry) => `“${clip(entry.name, length)}”`),
            max,
          ),
          reason.data.entries.length,
        );
      case "list-restricted":
        return r.listRestricted(listNames(reason.data.lists, max), reason.data.lists.length);
      case "broadcaster":
        return r.broadcaster;
      case "incident":
        return r.incident(reason.data.subject === null ? null : clip(reason.data.subject, length));
      case "storm": {
        const { lists, replies, complete, windowMinutes } = reason.data;
        return r.storm(listNames(lists, max), lists.length, formatCount(replies), windowMinutes, !complete);
      }
    }
  }

  /** How many recipients a reason is about, for "remove it" or "remove them". */
  function howMany(reason: Reason): number {
    switch (reason.code) {
      case "contact-group":
        return reason.data.groups.length;
      case "invalid-address":
        return reason.data.entries.length;
      case "incident":
        return reason.data.list === null ? 0 : 1;
      case "recipients-not-listed":
      case "external-over-warn":
      case "broadcaster":
        return 0;
      default:
        return reason.data.lists.length;
    }
  }

  /** What ends a block, by its cause: the advice names nothing that is not in the message. */
  function blockAdvice(
    reason: Reason | undefined,
    say: OutlookCatalogue["alert"] | OutlookCatalogue["infoBar"],
  ): string {
    const count = reason ? howMany(reason) : 0;
    switch (reason?.code) {
      // While composing, what escapes the match; at send, the service desk's own words.
      case "incident":
        if (!("incident" in say)) return asSentence(reason.data.message);
        return reason.data.list === null ? say.incident.newMessage : say.incident.withoutList;
      case "storm":
        return say.replyToSender;
      case "invalid-address":
        return say.correct(count);
      case "directory-unavailable":
        return "removeOrWait" in say ? say.removeOrWait(count) : say.remove(count);
      case "reach-over-block":
        return count > 0
          ? "removeLists" in say
            ? say.removeLists(count)
            : say.remove(count)
          : say.sendToFewer;
      case "recipients-not-listed":
      case "external-over-warn":
      case "broadcaster":
      case undefined:
        return say.sendToFewer;
      default:
        return count > 0 ? say.remove(count) : say.sendToFewer;
    }
  }

  /**
   * The reason and the advice within `limit`: fewer names, then shorter ones, then the reason cut
   * short. The advice is never cut: it is what the reader must do.
   */
  function fitting(limit: number, reason: Reason | undefined, advice: string): string {
    if (!reason) return clip(advice, limit);
    for (const [max, length] of [
      [2, NAME_LIMIT],
      [1, NAME_LIMIT],
      [1, SHORT_NAME_LIMIT],
    ] as const) {
      const candidate = `${sentence(reason, max, length)} ${advice}`;
      if (candidate.length <= limit) return candidate;
    }
    const room = limit - advice.length - 1;
    if (room < 20) return clip(advice, limit);
    return `${clip(sentence(reason, 1, SHORT_NAME_LIMIT), room)} ${advice}`;
  }

  return {
    locale,
    text,
    people,
    count: formatCount,
    reason: (reason) => sentence(reason, 3),

    infoBar(decision) {
      if (decision.verdict === "allow") return null;
      const reason = primaryReason(decision);
      // A storm's way out is the same whatever its verdict: answer the sender alone.
      const advice =
        decision.verdict === "block" || reason?.code === "storm"
          ? blockAdvice(reason, text.infoBar)
          : text.infoBar.check;
      return fitting(INFO_BAR_LIMIT, reason, advice);
    },

    alert(decision, options) {
      const reason = primaryReason(decision);
      let advice: string;
      if (decision.verdict === "block") {
        advice = blockAdvice(reason, text.alert);
        // An incident's words are the service desk's already.
        if (options.supportContact && reason?.code !== "incident") {
          advice = text.alert.help(advice, options.supportContact);
        }
      } else advice = options.sendAnywayOffered ? text.alert.sendAnyway : text.alert.confirmInPane;
      return fitting(ALERT_LIMIT, reason, advice);
    },

    checkFailed(verdict, options) {
      const failed = text.alert.checkFailed;
      if (verdict === "block") return failed.block;
      return options.sendAnywayOffered ? failed.sendAnyway : failed.confirmInPane;
    },
  };
}
