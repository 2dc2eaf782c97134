import type { DirectoryAnswer, MessageInput } from "../src/core/types";
import { POLICY_INPUT, SENDER } from "./fixtures";
import { shipped } from "./shipped";
import { median, type Row } from "./table";

/** The core alone: 10,000 recipients, every size already known (1 in 100 a list). */
export function benchPureDecision(): Row[] {
  const { decide, parsePolicy } = shipped();
  const policy = parsePolicy(POLICY_INPUT);
  const count = 10_000;
  const input: MessageInput = {
    sender: SENDER,
    recipients: Array.from({ length: count }, (_, index) => ({
      field: index % 2 ? "cc" : "to",
      emailAddress: `Person.${index}@Example.org`,
    })),
  };
  const answers = new Map<string, DirectoryAnswer>(
    input.recipients.map((recipient, index) => [
      recipient.emailAddress.toLowerCase(),
      {
        entry:
          index % 100 === 0
            ? { kind: "list", members: 40, externalMembers: 1, restricted: false, moderated: false }
            : { kind: "person" },
        source: "cache",
      },
    ]),
  );
  const times: number[] = [];
  for (let run = 0; run < 15; run++) {
    const started = performance.now();
    decide(input, policy, answers);
    times.push(performance.now() - started);
  }
  return [
    {
      what: "pure decision, 10,000 recipients",
      value: `${median(times).toFixed(1)} ms`,
      detail: "target <= 20 ms",
    },
  ];
}
