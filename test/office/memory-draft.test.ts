import type { Field, RecipientInput } from "../../src/core/types";
import { createComposeItem, type ComposeItem, type RecipientEntry } from "../../src/office/compose-item";
import { MemoryDraft, named, type MemoryRecipient } from "../../src/office/memory-draft";
import { isOfficeCallError } from "../../src/office/office-call";
import { CONTACT_GROUP_ERROR, SESSION_DATA_LIMIT } from "../../src/office/outlook-rules";
import { FakeOutlook } from "./fake-office";

// The draft the tests and the bench use in place of Outlook must be no kinder than Outlook under the
// Office adapter: the same cases run against both, then what only the in-memory draft offers.

const SENDER = "dr.amelia.hart@example.org";
const people = (count: number, from = 0): RecipientEntry[] =>
  Array.from({ length: count }, (_, n) => named(`person${from + n}@example.org`, `Person ${from + n}`));
const group = { emailAddress: "", displayName: "My ward contacts", recipientType: "other" };
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (reason: unknown) => reason,
  );

/** A ComposeItem over a draft a test fills, and a look at what the draft then holds. */
interface Subject {
  readonly item: ComposeItem;
  fill(field: Field, recipients: readonly MemoryRecipient[]): void;
  held(field: Field): readonly { readonly emailAddress: string }[];
  /** Recipients calls as they reached Outlook, as `to.setAsync:100`. */
  calls(): readonly string[];
}

const subjects: [string, () => Subject][] = [
  [
    "the Office adapter over a strict Outlook",
    () => {
      const outlook = new FakeOutlook();
      outlook.userEmail = SENDER;
      return {
        item: createComposeItem(outlook.office()),
        fill: (field, recipients) => {
          outlook.recipients[field] = recipients.map((r) => ({ displayName: "", ...r }));
        },
        held: (field) => outlook.recipients[field],
        calls: () => outlook.recipientCalls,
      };
    },
  ],
  [
    "the in-memory draft",
    () => {
      const draft = new MemoryDraft(SENDER);
      return {
        item: draft,
        fill: (field, recipients) => {
          draft.fields[field] = [...recipients];
        },
        held: (field) => draft.fields[field],
        calls: () => draft.calls,
      };
    },
  ],
];

describe.each(subjects)("%s", (_, make) => {
  test("lists at most 1,000 a field, as Outlook on the web, and says so by its cap", async () => {
    const { item, fill } = make();
    fill("to", people(1_200));
    fill("cc", [named("a@example.org")]);
    const listed = await item.getRecipients();
    expect(listed.filter((r) => r.field === "to")).toHaveLength(1_000);
    expect(listed.filter((r) => r.field === "cc")).toEqual([
      { field: "cc", emailAddress: "a@example.org", displayName: "", recipientType: "" },
    ]);
    expect(item.recipientCap()).toBe(1_000);
    await expect(item.getRecipients(["cc"])).resolves.toHaveLength(1);
  });

  test("sets a field of 250 as 100 set and the rest added 100 at a time", async () => {
    const { item, held, calls } = make();
    await item.setRecipients("to", people(250));
    expect(calls()).toEqual(["to.setAsync:100", "to.addAsync:100", "to.addAsync:50"]);
    expect(held("to").map((r) => r.emailAddress)).toEqual(people(250).map((r) => r.emailAddress));
    await item.addRecipients("bcc", people(101));
    expect(calls().slice(3)).toEqual(["bcc.addAsync:100", "bcc.addAsync:1"]);
  });

  test("refuses with 5010 to set a field holding a personal contact group, or to write one back", async () => {
    const { item, fill, held } = make();
    fill("cc", [named("a@example.org"), group]);
    const error = await failure(item.setRecipients("cc", [named("b@example.org")]));
    expect(isOfficeCallError(error) && error.code).toBe(CONTACT_GROUP_ERROR);
    expect(held("cc")).toHaveLength(2);
    expect(await failure(item.setRecipients("to", [group]))).toMatchObject({ code: CONTACT_GROUP_ERROR });
    // Adding to the field still works.
    await item.addRecipients("cc", [named("b@example.org")]);
    expect(held("cc")).toHaveLength(3);
  });

  test("answers null for sessionData never set, and the value once set", async () => {
    const { item } = make();
    await expect(item.getSessionData("reachGuard")).resolves.toBeNull();
    await item.setSessionData("reachGuard", '{"v":1}');
    await expect(item.getSessionData("reachGuard")).resolves.toBe('{"v":1}');
  });

  test("takes headers and info bars, and removing a bar that is not shown is no failure", async () => {
    const { item } = make();
    await item.setInternetHeaders({ "X-Reach-Guard": "verdict=warn" });
    await item.removeInternetHeaders(["X-Reach-Guard"]);
    await item.showInfoBar("reachGuard", { message: "x".repeat(150), actionText: "Review recipients" });
    await item.removeInfoBar("reachGuard");
    await expect(item.removeInfoBar("reachGuard")).resolves.toBeUndefined();
  });
});

describe("what only the in-memory draft offers", () => {
  test("is built from recipients as listed or field by field, or from addresses alone", async () => {
    const listed: RecipientInput[] = [
      { field: "cc", emailAddress: "a@example.org" },
      { field: "to", emailAddress: "b@example.org", displayName: "B", recipientType: "user" },
    ];
    expect((await new MemoryDraft(SENDER, listed).getRecipients()).map((r) => r.emailAddress)).toEqual([
      "b@example.org",
      "a@example.org",
    ]);
    expect(new MemoryDraft(SENDER, { bcc: [group] }).fields).toEqual({ to: [], cc: [], bcc: [group] });
    const draft = MemoryDraft.to(SENDER, { to: ["c@example.org"] });
    expect(draft.fields.to).toEqual([named("c@example.org", "c@example.org")]);
    await expect(draft.getSender()).resolves.toBe(SENDER);
    await expect(draft.getSignedIn()).resolves.toBe(SENDER);
    draft.signedIn = "chair@example.org";
    await expect(draft.getSignedIn()).resolves.toBe("chair@example.org");
  });

  test("changes as the sender would through its list of recipients", () => {
    const draft = MemoryDraft.to(SENDER, { to: ["a@example.org", "b@example.org"] });
    draft.recipients.push({ field: "cc", emailAddress: "c@example.org" });
    expect(draft.addresses("cc")).toEqual(["c@example.org"]);
    draft.recipients.reverse();
    expect(draft.addresses("to")).toEqual(["b@example.org", "a@example.org"]);
    // The list runs field by field: To, then Cc, then Bcc.
    expect(draft.recipients.map((r) => r.emailAddress)).toEqual([
      "b@example.org",
      "a@example.org",
      "c@example.org",
    ]);
    draft.recipients.pop();
    expect(draft.addresses("cc")).toEqual([]);
    draft.recipients = draft.recipients.filter((r) => r.emailAddress !== "a@example.org");
    expect(draft.recipients).toEqual([
      { field: "to", emailAddress: "b@example.org", displayName: "b@example.org" },
    ]);
  });

  test("records what was done, and what an overwrite lost that Outlook never listed", async () => {
    const draft = new MemoryDraft(SENDER, { to: people(120) });
    draft.cap = 100;
    await draft.addRecipients("bcc", [named("list@example.org")]);
    await draft.setRecipients("to", people(100));
    expect(draft.changes).toEqual(["add:bcc", "set:to"]);
    expect(draft.adds).toEqual([["bcc", [named("list@example.org")]]]);
    expect(draft.sets.map(([field, given]) => [field, given.length])).toEqual([["to", 100]]);
    expect(draft.lost).toEqual([["to", people(20, 100)]]);
  });

  test("keeps sessionData within 50,000 characters, keys and values together", async () => {
    const draft = new MemoryDraft(SENDER);
    await draft.setSessionData("a", "x".repeat(SESSION_DATA_LIMIT - 2));
    await expect(draft.setSessionData("b", "")).resolves.toBeUndefined();
    expect(await failure(draft.setSessionData("c", "y"))).toMatchObject({
      operation: "sessionData.setAsync",
    });
    expect(draft.sessionData.has("c")).toBe(false);
  });

  test("refuses an info bar Outlook would not show whole, a sixth one, and a header on two lines", async () => {
    const draft = new MemoryDraft(SENDER);
    const bar = (message: string) => ({ message, actionText: null });
    expect(await failure(draft.showInfoBar("k", bar("x".repeat(151))))).toMatchObject({
      operation: "notificationMessages.replaceAsync",
    });
    expect(await failure(draft.showInfoBar("k".repeat(33), bar("hi")))).not.toBeNull();
    for (const key of ["a", "b", "c", "d", "e"]) await draft.showInfoBar(key, bar(key));
    expect(await failure(draft.showInfoBar("f", bar("f")))).not.toBeNull();
    await draft.showInfoBar("e", bar("again"));
    expect(draft.infoBars.get("e")).toEqual(bar("again"));
    expect(
      await failure(draft.setInternetHeaders({ "X-Reach-Guard": "a\r\nBcc: x@example.org" })),
    ).not.toBeNull();
    expect(await failure(draft.setInternetHeaders({ "X Reach": "a" }))).not.toBeNull();
    expect(draft.headers.size).toBe(0);
  });

  test("fails as a test asks: reading recipients, setting a field, reading and writing sessionData", async () => {
    const draft = MemoryDraft.to(SENDER, { to: ["a@example.org"] });
    draft.failRecipients = true;
    expect(await failure(draft.getRecipients())).toMatchObject({ operation: "to.getAsync" });
    draft.refuseSet = "to";
    expect(await failure(draft.setRecipients("to", []))).toMatchObject({ operation: "to.setAsync" });
    expect(draft.addresses("to")).toEqual(["a@example.org"]);
    draft.failSessionData = true;
    expect(await failure(draft.getSessionData("k"))).not.toBeNull();
    draft.refuseSessionData = true;
    expect(await failure(draft.setSessionData("k", "v"))).not.toBeNull();
    expect(draft.changes).toEqual([]);
  });
});
