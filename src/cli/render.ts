import type { Decision } from "../core/types";
import { formatCount } from "../present/figures";
import type { CliWords } from "../present/catalogues";
import { sizeSourceNote } from "../present/size-source";

/** The `--json` shape documented in the README. */
export function toJson(decision: Decision, words: CliWords) {
  return {
    verdict: decision.verdict,
    // In monitor mode nothing is enforced: what enforcement would say is printed beside it.
    ...(decision.mode === "monitor" ? { mode: decision.mode, wouldBe: decision.wouldBe } : {}),
    reach: decision.reach,
    accuracy: decision.accuracy,
    complete: decision.complete,
    fingerprint: decision.fingerprint,
    recipients: decision.recipients.map((recipient) => ({
      address: recipient.address,
      field: recipient.field,
      kind: recipient.kind,
      members: recipient.members,
      externalMembers: recipient.externalMembers,
      source: recipient.source,
      ...(recipient.sizedAt !== undefined ? { sizedAt: recipient.sizedAt } : {}),
      ...(recipient.cause ? { cause: recipient.cause } : {}),
      ...(recipient.blockedBy ? { blockedBy: recipient.blockedBy } : {}),
      ...(recipient.restricted ? { restricted: true } : {}),
      ...(recipient.moderated ? { moderated: true } : {}),
    })),
    reasons: decision.reasons.map((reason) => ({
      code: reason.code,
      verdict: reason.verdict,
      data: reason.data,
      message: words.reason(reason),
    })),
  };
}

function describe(recipient: Decision["recipients"][number], words: CliWords): string {
  const notes = [
    recipient.kind === "list" ? `${formatCount(recipient.members ?? 0)} members` : "",
    // Where the size came from: a catalogue's is a day or more old.
    sizeSourceNote(recipient, words.text.taskPane) ?? "",
    recipient.externalMembers ? `${formatCount(recipient.externalMembers)} external` : "",
    recipient.cause ?? "",
    recipient.blockedBy ? `blocked by ${recipient.blockedBy}` : "",
    recipient.restricted ? "restricted" : "",
    recipient.moderated ? "moderated" : "",
  ];
  return notes.filter(Boolean).join(", ");
}

/** A short table and the verdict, for people. */
export function toText(decision: Decision, words: CliWords): string {
  const rows = decision.recipients.map((recipient) => [
    recipient.field,
    recipient.address,
    recipient.kind,
    recipient.source,
    describe(recipient, words),
  ]);
  const header = [...words.text.cli.columns];
  // A loop, not Math.max(...): spreading 150,000 rows into a call overflows the stack.
  const widths = header.map((title) => title.length);
  for (const row of rows) {
    row.forEach((cell, column) => {
      if (cell.length > widths[column]!) widths[column] = cell.length;
    });
  }
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd();
  const reasons = decision.reasons.map(
    (reason) => `  - [${reason.verdict}] ${words.reason(reason)} (${reason.code})`,
  );
  const lines = [line(header)];
  for (const row of rows) lines.push(line(row));
  lines.push(
    "",
    `${words.text.cli.verdict[decision.verdict]}: ${words.text.cli.reach(words.people({ value: decision.reach, accuracy: decision.accuracy }))}`,
  );
  for (const reason of reasons) lines.push(reason);
  lines.push("");
  return lines.join("\n");
}
