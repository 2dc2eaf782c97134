import { readFileSync } from "node:fs";
import { parsePolicy } from "../src/core/policy";
import type { Field, MessageInput, RecipientInput } from "../src/core/types";
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

const LISTS = ["ward7-team@example.org", "clinical-leads@example.org", "north-region@example.org"];

const fieldFor = (index: number): Field => (index % 3 === 0 ? "to" : index % 3 === 1 ? "cc" : "bcc");

/** The `index`th colleague, as Outlook reports a person from the organisation's directory. */
const colleague = (index: number): RecipientInput => ({
  field: fieldFor(index),
  emailAddress: `staff${index + 1}@example.org`,
  recipientType: "user",
});

/**
 * N recipients: the first `lists` real distribution lists, the rest people from the directory, over
 * To/Cc/Bcc, each with the recipientType Outlook gives it.
 */
function recipientsWith(count: number, lists: number): MessageInput {
  const recipients: RecipientInput[] = [];
  for (let index = 0; index < count; index++) {
    recipients.push(
      index < lists
        ? { field: fieldFor(index), emailAddress: LISTS[index]!, recipientType: "distributionList" }
        : colleague(index),
    );
  }
  return { sender: SENDER, recipients, signedIn: SENDER };
}

/** N recipients: a few real lists (from 10 up), the rest people from the directory. */
export function message(count: number): MessageInput {
  return recipientsWith(count, count >= 10 ? LISTS.length : 0);
}

/** N colleagues and no list. */
export function peopleOnly(count: number): MessageInput {
  return recipientsWith(count, 0);
}

/** One distribution list (ward7-team) and N - 1 colleagues. */
export function oneList(count: number): MessageInput {
  return recipientsWith(count, 1);
}

export const recipientsLabel = (count: number) =>
  `${count.toLocaleString("en-GB")} recipient${count === 1 ? "" : "s"}`;
