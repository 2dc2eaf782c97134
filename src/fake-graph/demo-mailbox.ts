import { parseAddress } from "../core/addresses";
import { recipientFingerprint } from "../core/fingerprint";
import { formatHeader, HEADER_NAME } from "../core/header";
import { conversationIndex, isoSecond, type MailboxMessage } from "./mailbox";

// The demo's reply-all storm seen from the thread: Communications announce that car park B is closed
// to the Clinical Leads (300 people), and 12 replies to all from 10 colleagues follow within the last
// 40 minutes. The announcement carries the X-Reach-Guard header Reach Guard stamps on every message
// at or above warnAt (300 is over the demo's warnAt of 50: Communications confirmed the warning). A
// list under blockAt, so that what stops a reply to all is the storm, not the list's size.
// Times are relative to `now`, so the thread is always recent. Pure, no node:*: the local Graph
// server serves it from /me/messages and the playground's inbox shows the same thread.

export const DEMO_STORM_THREAD = {
  conversationId: "AAQkADcarpark-storm",
  subject: "Car park B closed on Monday",
  list: "clinical-leads@example.org",
  /** The list's size in the demo directory, as the announcement's header gives it. */
  reach: 300,
} as const;

export interface DemoPerson {
  readonly address: string;
  readonly name: string;
}

/** A message of the demo thread: what Graph serves of it, and what an inbox shows. */
export interface DemoThreadMessage extends MailboxMessage {
  readonly from: DemoPerson;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly body: string;
  /** receivedDateTime as epoch ms. */
  readonly receivedAt: number;
}

const COMMS: DemoPerson = { address: "comms@example.org", name: "Communications Team" };
const person = (address: string, name: string): DemoPerson => ({ address, name });

/** Who replied, how many minutes before `now`, what they wrote, and whether they answered a reply. */
const REPLIES: readonly (readonly [DemoPerson, number, string, 1 | 2])[] = [
  [person("sam.patel@example.org", "Sam Patel"), 39, "Does this include the blue badge bays?", 1],
  [person("priya.shah@example.org", "Priya Shah"), 36, "Where should night staff park instead?", 1],
  [person("tom.okafor@example.org", "Tom Okafor"), 33, "Please remove me from this list.", 1],
  [person("grace.lee@example.org", "Grace Lee"), 29, "Same question as Sam: what about blue badges?", 2],
  [person("owen.jones@example.org", "Owen Jones"), 25, "Please stop replying to all.", 1],
  [person("fatima.begum@example.org", "Fatima Begum"), 22, "Is the park and ride running on Monday?", 1],
  [person("tom.okafor@example.org", "Tom Okafor"), 18, "Again, please take me off this list.", 2],
  [person("liam.murphy@example.org", "Liam Murphy"), 14, "Unsubscribe", 1],
  [
    person("chloe.evans@example.org", "Chloe Evans"),
    11,
    "Can someone from Estates answer the blue badge question?",
    2,
  ],
  [person("daniel.wright@example.org", "Daniel Wright"), 7, "STOP REPLYING TO ALL", 1],
  [
    person("hannah.clarke@example.org", "Hannah Clarke"),
    4,
    "Who is on this list? I am in the community team.",
    1,
  ],
  [person("owen.jones@example.org", "Owen Jones"), 1, "Everyone: use Reply, not Reply all.", 2],
];

const MINUTE_MS = 60_000;
/** The announcement went out this long before `now`, before the first reply. */
const ANNOUNCED_MINUTES = 47;

function headers(index: string, extra: readonly { name: string; value: string }[] = []) {
  return [
    { name: "Thread-Topic", value: DEMO_STORM_THREAD.subject },
    { name: "Thread-Index", value: index },
    ...extra,
  ];
}

/** The announcement and its 12 replies, oldest first, as they stand at `now` (epoch ms). */
export function demoStormThread(now: number): readonly DemoThreadMessage[] {
  const { conversationId, subject, list, reach } = DEMO_STORM_THREAD;
  // Graph gives times to the second: the inbox and the server then agree to the millisecond.
  const base = Math.floor(now / 1000) * 1000;
  const announcedAt = base - ANNOUNCED_MINUTES * MINUTE_MS;
  const rootIndex = conversationIndex(conversationId, announcedAt, 0);
  const stamp = formatHeader({
    verdict: "warn",
    reach,
    accuracy: "exact",
    ack: true,
    fingerprint: recipientFingerprint([{ field: "to", parsed: parseAddress(list) }]),
    check: "done",
    mode: "enforce",
    wouldBe: "warn",
  });
  const announcement: DemoThreadMessage = {
    id: "carpark-storm-0",
    conversationId,
    from: COMMS,
    to: [list],
    cc: [],
    subject,
    body:
      "Car park B will be closed all day on Monday for resurfacing. Please use car park D or the " +
      "park and ride from the retail park.",
    receivedAt: announcedAt,
    receivedDateTime: isoSecond(announcedAt),
    conversationIndex: rootIndex,
    internetMessageHeaders: headers(rootIndex, [{ name: HEADER_NAME, value: stamp }]),
  };
  const replies = REPLIES.map(([from, minutesAgo, body, depth], index): DemoThreadMessage => {
    const at = base - minutesAgo * MINUTE_MS;
    const threadIndex = conversationIndex(conversationId, announcedAt, depth, index + 1);
    return {
      id: `carpark-storm-${index + 1}`,
      conversationId,
      from,
      // Reply all: to the announcement's sender and the list, the replier's own address left out.
      to: [COMMS.address, list],
      cc: [],
      subject: `RE: ${subject}`,
      body,
      receivedAt: at,
      receivedDateTime: isoSecond(at),
      conversationIndex: threadIndex,
      internetMessageHeaders: headers(threadIndex),
    };
  });
  return [announcement, ...replies];
}
