import { decide } from "../../src/core/decide";
import { parsePolicy } from "../../src/core/policy";
import type {
  DirectoryAnswer,
  Field,
  MessageInput,
  RecipientInput,
  UnknownCause,
} from "../../src/core/types";
import { partialFields } from "../../src/check/draft-check";
import { answers, list } from "./helpers";

// When Microsoft Graph cannot answer, Outlook's own reading of each recipient decides who is a
// person: ordinary mail stays quiet, and only what may be a list gets the policy's verdict.

const SENDER = "dr.amelia.hart@example.org";
const POLICY = parsePolicy({
  warnAt: 50,
  blockAt: 5000,
  blockedAddresses: ["everyone@example.org"],
  directoryUnavailable: "block",
  unknownList: "warn",
});

function recipient(emailAddress: string, recipientType?: string, field: Field = "to"): RecipientInput {
  return recipientType === undefined ? { field, emailAddress } : { field, emailAddress, recipientType };
}

function draft(recipients: RecipientInput[], extra: Partial<MessageInput> = {}): MessageInput {
  return { sender: SENDER, signedIn: SENDER, recipients, ...extra };
}

/** Every address the directory was asked about failed, with `cause`. */
function failed(message: MessageInput, cause: UnknownCause): Map<string, DirectoryAnswer> {
  const map = new Map<string, DirectoryAnswer>();
  for (const { emailAddress } of message.recipients) {
    map.set(emailAddress.toLowerCase(), { entry: { kind: "unknown", cause }, source: "graph" });
  }
  return map;
}

describe("the decision when the directory cannot answer", () => {
  it.each<UnknownCause>(["unavailable", "timeout", "not-permitted", "no-token"])(
    "lets a reply to one colleague go with no reason when the directory fails (%s)",
    (cause) => {
      const message = draft([recipient("sam.patel@example.org", "user")]);
      const decision = decide(message, POLICY, failed(message, cause));
      expect(decision.verdict).toBe("allow");
      expect(decision.reasons).toEqual([]);
      expect(decision.reach).toBe(1);
      expect(decision.accuracy).toBe("exact");
      expect(decision.recipients[0]).toMatchObject({ kind: "person", source: "outlook", cause: null });
    },
  );

  it("counts people from another organisation as external", () => {
    const message = draft([recipient("a.jones@partner.example.net", "externalUser")]);
    const decision = decide(message, POLICY, failed(message, "unavailable"));
    expect(decision.verdict).toBe("allow");
    expect(decision.recipients[0]).toMatchObject({ kind: "external", source: "outlook" });
  });

  it("does not take an 'external' address on the sender's own domain as a person", () => {
    const message = draft([recipient("all-staff@example.org", "externalUser")]);
    const decision = decide(message, POLICY, failed(message, "unavailable"));
    expect(decision.verdict).toBe("block");
    expect(decision.reasons.map((reason) => reason.code)).toEqual(["directory-unavailable"]);
    expect(decision.recipients[0]).toMatchObject({ kind: "unknown", cause: "unavailable" });
  });

  it("judges the signed-in user's domain as the organisation's too (a shared mailbox sends)", () => {
    const message = draft([recipient("wards@example.org", "externalUser")], {
      sender: "clinic@shared.example.org",
    });
    expect(decide(message, POLICY, failed(message, "timeout")).verdict).toBe("block");
  });

  it.each(["distributionList", "other", "", undefined, "User", "group"])(
    "gives a possible list (recipientType %p) the policy's directoryUnavailable verdict",
    (type) => {
      const message = draft([
        recipient("sam.patel@example.org", "user"),
        recipient("ward7@example.org", type),
      ]);
      const decision = decide(message, POLICY, failed(message, "unavailable"));
      expect(decision.verdict).toBe("block");
      expect(decision.reasons).toHaveLength(1);
      expect(decision.reasons[0]).toMatchObject({
        code: "directory-unavailable",
        verdict: "block",
        addresses: ["ward7@example.org"],
      });
      expect(decision.reasons[0]!.data).toMatchObject({ lists: [{ address: "ward7@example.org" }] });
      expect(decision.recipients[0]).toMatchObject({ kind: "person", source: "outlook" });
    },
  );

  it("still blocks a blocked list Outlook calls a user, without the directory", () => {
    const message = draft([recipient("Everyone+x@example.org", "user")]);
    const decision = decide(message, POLICY, new Map());
    expect(decision.verdict).toBe("block");
    expect(decision.reasons[0]).toMatchObject({ code: "blocked-address" });
  });

  it("counts people Outlook vouches for where the policy decided alone, not as unknown", () => {
    const message = draft([
      recipient("everyone@example.org", "distributionList"),
      recipient("sam.patel@example.org", "user"),
    ]);
    const decision = decide(message, POLICY, new Map());
    expect(decision.recipients.map((one) => [one.kind, one.source])).toEqual([
      ["unknown", "policy"],
      ["person", "outlook"],
    ]);
  });

  it("believes the directory over Outlook when the directory answers", () => {
    const message = draft([recipient("ward7@example.org", "user")]);
    const decision = decide(message, POLICY, answers({ "ward7@example.org": list(300) }));
    expect(decision.verdict).toBe("warn");
    expect(decision.recipients[0]).toMatchObject({ kind: "list", members: 300, source: "graph" });
  });

  it("keeps a list the directory does not know unknown, whatever Outlook says (not a failure)", () => {
    const message = draft([recipient("ward7@example.org", "user")]);
    const decision = decide(
      message,
      POLICY,
      answers({ "ward7@example.org": { kind: "unknown", cause: "count-missing" } }),
    );
    expect(decision.verdict).toBe("warn");
    expect(decision.reasons[0]).toMatchObject({ code: "unknown-list" });
  });

  it("keeps a personal contact group a possible list", () => {
    const message = draft([recipient("", "other"), recipient("sam.patel@example.org", "user")]);
    const decision = decide(message, POLICY, failed(message, "no-token"));
    expect(decision.reasons.map((reason) => reason.code)).toEqual(["contact-group"]);
  });
});

describe("a field Outlook listed only in part", () => {
  const people = (count: number, field: Field) =>
    Array.from({ length: count }, (_, index) => recipient(`person${index}@example.org`, "user", field));

  it("makes the figure incomplete and says so, with the unknownList verdict", () => {
    const message = draft(people(10, "to"), { partialFields: ["cc", "cc"] });
    const decision = decide(message, POLICY, answers({}));
    expect(decision.accuracy).toBe("incomplete");
    expect(decision.verdict).toBe("warn");
    const reason = decision.reasons.find((one) => one.code === "recipients-not-listed");
    expect(reason?.data).toEqual({ fields: ["cc"] });
  });

  it("finds the fields at the cap", () => {
    const recipients = [...people(100, "to"), ...people(99, "cc"), ...people(101, "bcc")];
    expect(partialFields(recipients, 100)).toEqual(["to", "bcc"]);
    expect(partialFields(recipients, null)).toEqual([]);
    expect(partialFields(recipients, 0)).toEqual([]);
    expect(partialFields(recipients, Number.NaN)).toEqual([]);
  });
});
