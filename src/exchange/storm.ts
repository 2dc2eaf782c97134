import type { Policy } from "../core/policy";

// Exchange Online's own reply-all storm protection (Set-TransportConfig), set tighter than its
// defaults: a storm is declared on smaller threads and fewer replies, and replies stay blocked longer.
//
// The ranges, in one place. The cmdlet reference lists the parameters but not their ranges
// (MicrosoftDocs/office-docs-powershell, exchange/exchange-ps/ExchangePowerShell/Set-TransportConfig.md,
// "ReplyAllStorm*"); the ranges and defaults are the Exchange Team's, in "Reply-all Storm Protection
// Customizable Settings" (Exchange Team Blog, May 2021) and message centre post MC254418: recipients
// 1,000 to 5,000 (default 2,500), reply-alls 5 to 20 (default 10), block 1 to 12 hours (default 6);
// the 60-minute detection window cannot be changed. (A later copy of the blog reads "2 to 20"
// reply-alls; 5, the bound both give, is kept as the lowest.)

export interface StormRange {
  readonly parameter: string;
  readonly flag: string;
  readonly min: number;
  readonly max: number;
  /** Exchange Online's value when nobody has set one. */
  readonly exchangeDefault: number;
}

export const STORM_RANGES = {
  recipients: {
    parameter: "ReplyAllStormDetectionMinimumRecipients",
    flag: "--storm-recipients",
    min: 1000,
    max: 5000,
    exchangeDefault: 2500,
  },
  replies: {
    parameter: "ReplyAllStormDetectionMinimumReplies",
    flag: "--storm-replies",
    min: 5,
    max: 20,
    exchangeDefault: 10,
  },
  hours: {
    parameter: "ReplyAllStormBlockDurationHours",
    flag: "--storm-hours",
    min: 1,
    max: 12,
    exchangeDefault: 6,
  },
} as const satisfies Record<string, StormRange>;

export type StormSetting = keyof typeof STORM_RANGES;

export interface StormValues {
  readonly recipients: number;
  readonly replies: number;
  readonly hours: number;
  /** Why a value differs from what was asked for: one `#` comment line each in the script. */
  readonly notes: readonly string[];
}

export class StormRangeError extends Error {
  override readonly name = "StormRangeError";
}

function rangeText(range: StormRange): string {
  return `${range.min} to ${range.max}`;
}

/** An explicit value: a whole number within Exchange's range, or a StormRangeError naming the flag. */
export function explicitStormValue(setting: StormSetting, text: string): number {
  const range = STORM_RANGES[setting];
  const value = /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(value >= range.min && value <= range.max)) {
    throw new StormRangeError(
      `${range.flag} must be a whole number from ${rangeText(range)} (Exchange's range for ${range.parameter}); got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/**
 * The values the script sets: an explicit flag as given (already checked); otherwise the tightest
 * Exchange allows (fewest recipients, longest block) and, for replies, the policy's storm.replies
 * when the policy watches storms, brought into Exchange's range with a note when it is outside it.
 */
export function stormValues(policy: Policy, explicit: Partial<Record<StormSetting, number>>): StormValues {
  const notes: string[] = [];
  let replies = explicit.replies;
  if (replies === undefined) {
    const range = STORM_RANGES.replies;
    const wanted = policy.storm?.replies;
    if (wanted === undefined) replies = range.min;
    else {
      replies = Math.min(range.max, Math.max(range.min, wanted));
      if (replies !== wanted) {
        notes.push(
          `the policy's storm.replies is ${wanted}, outside Exchange's ${rangeText(range)} for ${range.parameter}: ${replies} is used`,
        );
      }
    }
  }
  return {
    recipients: explicit.recipients ?? STORM_RANGES.recipients.min,
    replies,
    hours: explicit.hours ?? STORM_RANGES.hours.max,
    notes,
  };
}
