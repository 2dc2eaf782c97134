import { parseHeader } from "./header";
import type { ResolvedRecipient, ThreadActivity, ThreadReading } from "./types";

// A reply-all storm seen from the thread itself: how many replies the conversation has had within
// the policy's window, from how many people, and how far the thread reaches by the X-Reach-Guard
// headers its messages carry. Every doubt counts towards a storm, never against one: a message
// whose time cannot be read is taken as recent, one not known to start the thread as a reply.

/**
 * A recipient through which a reply can feed a storm: a list the sender may post to, or an address
 * whose size is unknown (it may be one).
 */
export function feedsStorm(recipient: ResolvedRecipient): boolean {
  return (recipient.kind === "list" && !recipient.restricted) || recipient.kind === "unknown";
}

/** A header claiming more than this is not believed as a figure (the policy's reach limit). */
const MOST_PEOPLE = 100_000_000;

/** The largest reach the thread's headers give, or null when none gives one. */
function headerReach(reading: ThreadReading): number | null {
  let reach: number | null = null;
  reading.messages.forEach((message) => {
    if (message.reachHeader === null) return;
    const fields = parseHeader(message.reachHeader);
    if (fields === null || fields.reach === null) return;
    const value = Math.min(fields.reach, MOST_PEOPLE);
    if (reach === null || value > reach) reach = value;
  });
  return reach;
}

/** What `reading` tells of the thread at `now` (epoch ms), for a window of `windowMinutes`. */
export function threadActivity(reading: ThreadReading, now: number, windowMinutes: number): ThreadActivity {
  const since = now - windowMinutes * 60_000;
  let replies = 0;
  const senders = new Set<string>();
  reading.messages.forEach((message) => {
    // `<` is false for NaN: a time that cannot be read counts as within the window.
    if (!message.isReply || message.receivedAt < since) return;
    replies++;
    if (message.from !== null) senders.add(message.from);
  });
  return {
    replies,
    senders: senders.size,
    windowMinutes,
    reach: headerReach(reading),
    complete: reading.complete,
  };
}
