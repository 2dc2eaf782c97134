import { decide } from "../../src/core/decide";
import { DEFAULT_POLICY } from "../../src/core/policy";
import type { DirectoryAnswer, RecipientInput } from "../../src/core/types";
import { toJson, toText } from "../../src/cli/render";
import { paneWordsFor } from "../../src/present/catalogues";

const words = paneWordsFor("en-GB");

// The CLI's output for a message the size of a whole organisation: no array may be spread into a
// call, which overflows the stack somewhere past 100,000 arguments.

const COUNT = 150_000;

function bigDecision() {
  const recipients: RecipientInput[] = [];
  const answers = new Map<string, DirectoryAnswer>();
  for (let n = 0; n < COUNT; n += 1) {
    const address = `person${n}@example.org`;
    recipients.push({ field: n % 2 === 0 ? "to" : "cc", emailAddress: address });
    answers.set(address, { entry: { kind: "person" }, source: "graph" });
  }
  return decide({ sender: "a@example.org", recipients }, DEFAULT_POLICY, answers);
}

test(`prints ${COUNT.toLocaleString("en-GB")} recipients as a table and as JSON`, () => {
  const decision = bigDecision();
  const lines = toText(decision, words).split("\n");
  expect(lines[0]).toMatch(/^FIELD\s+ADDRESS\s+KIND\s+SOURCE\s+DETAIL$/);
  expect(lines).toHaveLength(1 + COUNT + 2 + decision.reasons.length + 1);
  // The widest address sets the column: the header's KIND starts where the widest address ends + 2.
  const widest = "person149999@example.org".length;
  expect(lines[0]!.indexOf("KIND")).toBe("FIELD".length + 2 + widest + 2);
  expect(lines[COUNT]).toMatch(/^cc\s+person149999@example\.org\s+person\s+graph$/);
  expect(lines).toContain("Blocked: Reaches about 150,000 people.");
  expect(toJson(decision, words).recipients).toHaveLength(COUNT);
}, 60_000);
