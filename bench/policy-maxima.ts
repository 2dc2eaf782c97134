import { MAX_INCIDENTS } from "../src/core/incident";
import {
  MAX_ENTRIES,
  MAX_PATTERNS,
  MAX_SENDER_ENTRIES,
  MAX_SENDER_OVERRIDES,
  MAX_WILDCARDS,
} from "../src/core/policy";
import type { DirectoryAnswer, MessageInput } from "../src/core/types";
import { shipped } from "./shipped";
import { median, type Row } from "./table";

// The policy schema's own maxima against a message of 3,000 recipients: the synchronous work done at
// send before the directory is asked, which must stay far inside Outlook's 5-second clock. The
// patterns are written to be as slow as the schema lets them be: the longest allowed, every wildcard
// used, a shared domain with the recipients, and a difference only at their end, so that nothing
// rejects them early. A backtracking matcher took 5 to 9 s on this.

const DOMAIN = "clinical-directorate.example.org";
const RECIPIENTS = 3000;

/** 10,000 entries in each list: MAX_PATTERNS crafted patterns, the rest exact addresses. */
function policyAtMaxima(): unknown {
  const wildcards = "*a".repeat(MAX_WILDCARDS - 1);
  const patterns = Array.from(
    { length: MAX_PATTERNS },
    (_, index) => `${wildcards}${"a".repeat(40)}${index}z?@${DOMAIN}`,
  );
  const exact = Array.from(
    { length: MAX_ENTRIES - MAX_PATTERNS },
    (_, index) => `${"list".padEnd(60, "-")}${index}@${DOMAIN}`,
  );
  const entries = [...patterns, ...exact];
  // Every sender override tried and none matching: the sender's own policy is the last thing found.
  const perOverride = MAX_SENDER_ENTRIES / MAX_SENDER_OVERRIDES;
  const senders = Array.from({ length: MAX_SENDER_OVERRIDES }, (_, override) => ({
    match: Array.from({ length: perOverride }, (_, index) =>
      index === 0
        ? `${wildcards}${"a".repeat(40)}${override}z?@${DOMAIN}`
        : `sender-${override}-${index}@${DOMAIN}`,
    ),
    warnAt: 100,
  }));
  // Every incident live and compared, none about this thread.
  const incidents = Array.from({ length: MAX_INCIDENTS }, (_, index) => ({
    id: `storm-${index}`,
    message: "IT Service Desk: please do not reply to this thread.",
    expires: "2099-01-01T00:00:00Z",
    subject: `Re: Re: Fw: test message number ${index} - please ignore`,
    list: `${"list".padEnd(60, "-")}${index}@${DOMAIN}`,
  }));
  return { warnAt: 50, blockAt: 5000, blockedAddresses: entries, broadcasters: entries, senders, incidents };
}

/** Local parts of 64 characters (RFC 5321's most), in the patterns' own domain, none blocked. */
function message(): MessageInput {
  return {
    sender: `sender@${DOMAIN}`,
    conversation: { id: "AAQkADbench=", subject: "RE: RE: winter rota", kind: "reply" },
    checkedAt: Date.now(),
    recipients: Array.from({ length: RECIPIENTS }, (_, index) => ({
      field: "to" as const,
      emailAddress: `${"a".repeat(60)}${String(index).padStart(4, "0")}@${DOMAIN}`,
    })),
  };
}

export function benchPolicyAtMaxima(): Row[] {
  const { decide, parsePolicy } = shipped();
  const input = policyAtMaxima();
  const mail = message();
  const answers = new Map<string, DirectoryAnswer>(
    mail.recipients.map((recipient) => [
      recipient.emailAddress,
      { entry: { kind: "person" }, source: "cache" },
    ]),
  );
  const parseTimes: number[] = [];
  const decideTimes: number[] = [];
  for (let run = 0; run < 21; run++) {
    let started = performance.now();
    // Each send reads the saved policy afresh, so both the validation and the first compile count.
    const policy = parsePolicy(input);
    parseTimes.push(performance.now() - started);
    started = performance.now();
    const decision = decide(mail, policy, answers);
    decideTimes.push(performance.now() - started);
    // 3,000 people: a warning by reach, and no pattern may match (each must be tried to its end).
    if (decision.verdict !== "warn" || decision.recipients.some((recipient) => recipient.blockedBy)) {
      throw new Error(`policy at its maxima decided ${decision.verdict}, not the expected warning`);
    }
  }
  // The first run is a cold start, as every send is in classic Outlook's JavaScript-only runtime.
  const first = (times: number[]) => `first run ${times[0]!.toFixed(0)} ms`;
  return [
    {
      what: `policy at its maxima, ${RECIPIENTS.toLocaleString("en-GB")} recipients: decision`,
      value: `${median(decideTimes).toFixed(1)} ms`,
      detail: `2 x ${MAX_ENTRIES.toLocaleString("en-GB")} entries of ~95 characters, ${MAX_PATTERNS} crafted patterns of ${MAX_WILDCARDS} wildcards each; ${MAX_SENDER_OVERRIDES} sender overrides (${MAX_SENDER_ENTRIES.toLocaleString("en-GB")} entries, ${MAX_SENDER_OVERRIDES} patterns); ${MAX_INCIDENTS} live incidents; ${first(decideTimes)}; target <= 20 ms`,
    },
    {
      what: "policy at its maxima: validation",
      value: `${median(parseTimes).toFixed(1)} ms`,
      detail: `read again at each send in classic Outlook; ${first(parseTimes)}`,
    },
  ];
}
