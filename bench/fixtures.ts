import { readFileSync } from "node:fs";
import { parsePolicy } from "../src/core/policy";
import type { MessageInput, RecipientInput } from "../src/core/types";
import {
  createFakeDirectory,
  DEMO_DIRECTORY_PATH,
  parseDirectoryData,
  type FakeDirectory,
} from "../src/fake-graph";

// What the benchmarks share: Graph's injected latency, the policy, the directory and the messages.

export const LATENCY_MS = 50;
export const SENDER = "dr.amelia.hart@example.org";
export const POLICY_INPUT = { warnAt: 50, blockAt: 5000 } as const;
export const policy = parsePolicy(POLICY_INPUT);

/** The demo directory with enough staff for a thousand distinct people. */
export function benchDirectoryData(): FakeDirectory {
  const demo = parseDirectoryData(JSON.parse(readFileSync(DEMO_DIRECTORY_PATH, "utf8")), DEMO_DIRECTORY_PATH);
  return createFakeDirectory({
    ...demo,
    generatedUsers: [
      ...(demo.generatedUsers ?? []),
      { mail: "staff{n}@example.org", displayName: "Staff {n}", count: 2000 },
    ],
  });
}

/** N recipients: a few real lists (from 10 up), the rest people from the directory, over To/Cc/Bcc. */
export function message(count: number): MessageInput {
  const lists = ["ward7-team@example.org", "clinical-leads@example.org", "north-region@example.org"];
  const recipients: RecipientInput[] = [];
  for (let index = 0; index < count; index++) {
    const emailAddress =
      index < lists.length && count >= 10 ? lists[index]! : `staff${index + 1}@example.org`;
    recipients.push({ field: index % 3 === 0 ? "to" : index % 3 === 1 ? "cc" : "bcc", emailAddress });
  }
  return { sender: SENDER, recipients, signedIn: SENDER };
}

export const recipientsLabel = (count: number) =>
  `${count.toLocaleString("en-GB")} recipient${count === 1 ? "" : "s"}`;
