import { NOTIFICATION_LIMITS, SESSION_DATA_LIMIT } from "../../src/office/outlook-rules";
import { Draft, type DraftChange } from "../../src/playground/host/draft";
import { describerFor } from "../../src/playground/host/directory-listing";
import { LISTING } from "./helpers";

// The stand-in compose item must hold add-ins to Outlook's documented limits, or the playground
// would pass code that Outlook rejects.

const me = { emailAddress: "dr.amelia.hart@example.org", displayName: "Dr Amelia Hart" };
const newDraft = () =>
  new Draft({ kind: "new", from: me, to: ["everyone@example.org"] }, describerFor(LISTING, ["example.org"]));

describe("recipients", () => {
  test("are described as Outlook would, with the type only a hint (dynamic lists are 'other')", () => {
    const draft = newDraft();
    draft.addRecipient("cc", "ward7-team@example.org");
    draft.addRecipient("cc", "ana.silva@partner-university.example");
    draft.addRecipient("bcc", "nobody@example.org");
    const { recipients } = draft.snapshot();
    expect(recipients.to).toEqual([
      { emailAddress: "everyone@example.org", displayName: "Everyone (all staff)", recipientType: "other" },
    ]);
    expect(recipients.cc.map((r) => r.recipientType)).toEqual(["distributionList", "externalUser"]);
    expect(recipients.bcc[0]).toEqual({
      emailAddress: "nobody@example.org",
      displayName: "nobody@example.org",
      recipientType: "other",
    });
  });

  test("setAsync and addAsync take addresses or { emailAddress, displayName } and say which field changed", () => {
    const draft = newDraft();
    const changes: DraftChange[] = [];
    draft.onChange((change) => changes.push(change));
    expect(draft.run({ op: "recipients.set", field: "to", entries: ["sam.patel@example.org"] })).toEqual({
      ok: true,
      value: undefined,
    });
    draft.run({
      op: "recipients.add",
      field: "bcc",
      entries: [{ emailAddress: "everyone@example.org", displayName: "All staff" }],
    });
    expect(draft.snapshot().recipients.to.map((r) => r.emailAddress)).toEqual(["sam.patel@example.org"]);
    expect(draft.snapshot().recipients.bcc[0]?.displayName).toBe("All staff");
    expect(changes).toEqual([
      { kind: "recipients", fields: ["to"] },
      { kind: "recipients", fields: ["bcc"] },
    ]);
    const bad = draft.run({ op: "recipients.set", field: "to", entries: [42] });
    expect(bad.ok).toBe(false);
    expect(draft.snapshot().recipients.to).toHaveLength(1);
  });
});

describe("notification messages", () => {
  const info = (message: string) => ({
    type: "informationalMessage",
    message,
    icon: "Icon.16x16",
    persistent: false,
  });

  test(`refuse a message over ${NOTIFICATION_LIMITS.messageLength} characters and a key over ${NOTIFICATION_LIMITS.keyLength}`, () => {
    const draft = newDraft();
    const long = draft.run({ op: "notifications.replace", key: "k", details: info("x".repeat(151)) });
    expect(long).toMatchObject({ ok: false, error: { name: "DataExceedsMaximumSize" } });
    const key = draft.run({ op: "notifications.replace", key: "k".repeat(33), details: info("hi") });
    expect(key.ok).toBe(false);
    expect(draft.run({ op: "notifications.replace", key: "k", details: info("x".repeat(150)) }).ok).toBe(
      true,
    );
  });

  test("allow one action, on insight messages only; at most five messages", () => {
    const draft = newDraft();
    const action = { actionType: "showTaskPane", actionText: "Review", commandId: "c", contextData: "{}" };
    expect(
      draft.run({ op: "notifications.add", key: "a", details: { ...info("hi"), actions: [action] } }).ok,
    ).toBe(false);
    expect(
      draft.run({
        op: "notifications.add",
        key: "a",
        details: { type: "insightMessage", message: "hi", actions: [action, action] },
      }).ok,
    ).toBe(false);
    expect(
      draft.run({
        op: "notifications.add",
        key: "a",
        details: { type: "insightMessage", message: "hi", actions: [action] },
      }).ok,
    ).toBe(true);
    expect(draft.run({ op: "notifications.add", key: "a", details: info("again") })).toMatchObject({
      ok: false,
      error: { name: "DuplicateNotificationKey" },
    });
    for (const key of ["b", "c", "d", "e"])
      expect(draft.run({ op: "notifications.add", key, details: info(key) }).ok).toBe(true);
    expect(draft.run({ op: "notifications.add", key: "f", details: info("f") })).toMatchObject({
      ok: false,
      error: { name: "NumberOfNotificationMessagesExceeded" },
    });
    // Replacing an existing one is still allowed at the limit.
    expect(draft.run({ op: "notifications.replace", key: "e", details: info("e2") }).ok).toBe(true);
    expect(draft.run({ op: "notifications.remove", key: "zz" }).ok).toBe(false);
    draft.dismissNotification("e");
    expect(draft.snapshot().notifications.map((n) => n.key)).toEqual(["a", "b", "c", "d"]);
  });
});

describe("session data and headers", () => {
  test("a missing key is a failure, as in Outlook; values are strings within the 50,000-character limit", () => {
    const draft = newDraft();
    expect(draft.run({ op: "sessionData.get", key: "reachGuard" })).toMatchObject({ ok: false });
    expect(draft.run({ op: "sessionData.set", key: "reachGuard", value: 5 }).ok).toBe(false);
    expect(
      draft.run({ op: "sessionData.set", key: "reachGuard", value: "x".repeat(SESSION_DATA_LIMIT) }).ok,
    ).toBe(false);
    expect(draft.run({ op: "sessionData.set", key: "reachGuard", value: "{}" }).ok).toBe(true);
    expect(draft.run({ op: "sessionData.get", key: "reachGuard" })).toEqual({ ok: true, value: "{}" });
    expect(draft.run({ op: "sessionData.getAll" })).toEqual({ ok: true, value: '{"reachGuard":"{}"}' });
  });

  test("internet headers are set, read and removed by name", () => {
    const draft = newDraft();
    draft.run({ op: "headers.set", headers: { "X-Reach-Guard": "verdict=warn", "X-Other": "1" } });
    expect(draft.run({ op: "headers.get", names: ["X-Reach-Guard", "X-Missing"] })).toEqual({
      ok: true,
      value: { "X-Reach-Guard": "verdict=warn" },
    });
    draft.run({ op: "headers.remove", names: ["X-Reach-Guard"] });
    expect(draft.snapshot().headers).toEqual({ "X-Other": "1" });
  });

  test("a header name with a space or a value on two lines is refused, and nothing is set", () => {
    const draft = newDraft();
    expect(draft.run({ op: "headers.set", headers: { "X Reach": "a" } })).toMatchObject({ ok: false });
    expect(
      draft.run({
        op: "headers.set",
        headers: { "X-Reach-Guard": "a", "X-Other": "b\r\nBcc: x@example.org" },
      }),
    ).toMatchObject({ ok: false, error: { name: "InvalidParameter" } });
    expect(draft.snapshot().headers).toEqual({});
  });
});
