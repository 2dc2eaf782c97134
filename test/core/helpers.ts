import { isPolicyError, parsePolicy } from "../../src/core/policy";
import type {
  DirectoryAnswer,
  DirectoryEntry,
  Field,
  MessageInput,
  RecipientInput,
} from "../../src/core/types";

export const person: DirectoryEntry = { kind: "person" };
export const external: DirectoryEntry = { kind: "external" };
export function list(
  members: number,
  extra: Partial<Extract<DirectoryEntry, { kind: "list" }>> = {},
): DirectoryEntry {
  return { kind: "list", members, externalMembers: 0, restricted: false, moderated: false, ...extra };
}

export function answers(entries: Record<string, DirectoryEntry>, source: "graph" | "cache" = "graph") {
  return new Map<string, DirectoryAnswer>(
    Object.entries(entries).map(([address, entry]) => [address, { entry, source }]),
  );
}

/** A message sent from the signed-in mailbox, unless `signedIn` names another (or null: not known). */
export function message(
  sender: string,
  fields: Partial<Record<Field, string[]>>,
  signedIn: string | null = sender,
): MessageInput {
  const recipients: RecipientInput[] = [];
  for (const field of ["to", "cc", "bcc"] as const) {
    for (const emailAddress of fields[field] ?? []) recipients.push({ field, emailAddress });
  }
  return signedIn === null ? { sender, recipients } : { sender, recipients, signedIn };
}

/** The problems a policy is refused with, as the admin reads them; fails if it is accepted. */
export function problemsOf(value: unknown): readonly string[] {
  try {
    parsePolicy(value);
  } catch (error) {
    if (isPolicyError(error)) return error.problems;
    throw error;
  }
  throw new Error("policy was accepted");
}
