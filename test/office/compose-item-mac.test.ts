import { acknowledgeDraft, checkDraft } from "../../src/check/draft-check";
import { parsePolicy } from "../../src/core/policy";
import { composeDraft } from "../../src/app/services";
import { ACK_MIRROR_KEY, type MirrorStorage } from "../../src/check/shared-acknowledgement";
import { list, TableDirectory } from "../events/fakes";
import { FakeOutlook, type Entry } from "./fake-office";

// Outlook on Mac: the task pane and the event runtime each have their own sessionData, and share
// localStorage (docs/testing/runtimes.md). The sender's confirmation, given in the pane, must still
// reach the send handler's check, and only for the recipients it was given for.

const LEADS = "clinical-leads@example.org";
const SAM = "sam.patel@example.org";
const policy = parsePolicy({ warnAt: 50, blockAt: 5000 });
const person = (emailAddress: string): Entry => ({ emailAddress, displayName: "", recipientType: "user" });

class SharedStorage implements MirrorStorage {
  values = new Map<string, string>();
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
}

/** The same draft seen from two runtimes: same recipients, separate sessionData. */
function macDraft(to: readonly string[]) {
  const storage = new SharedStorage();
  const runtime = () => {
    const outlook = new FakeOutlook();
    outlook.platform = "Mac";
    outlook.hostName = "Outlook";
    outlook.recipients.to = to.map(person);
    return outlook;
  };
  const paneOutlook = runtime();
  const eventOutlook = runtime();
  const pane = composeDraft(paneOutlook.office(), { sharedStorage: storage });
  const events = composeDraft(eventOutlook.office(), { sharedStorage: storage });
  const directory = new TableDirectory({ [LEADS]: list(300) });
  const check = (item = events) => checkDraft(item, { policy, directory, deadlineAt: Date.now() + 2_000 });
  return { storage, paneOutlook, eventOutlook, pane, events, check };
}

it("a warning confirmed in the pane counts at send, though the runtimes share no sessionData", async () => {
  const { pane, eventOutlook, check, storage } = macDraft([LEADS, SAM]);
  const seen = await check(pane);
  expect(seen.decision.verdict).toBe("warn");
  expect(await acknowledgeDraft(pane, seen.decision)).toBe(true);
  expect(eventOutlook.sessionData.has("reachGuard.ack")).toBe(false);
  expect(storage.values.has(ACK_MIRROR_KEY)).toBe(true);
  await expect(check()).resolves.toMatchObject({ acknowledged: true, decision: { verdict: "warn" } });
});

it("the confirmation does not count once the recipients differ from those confirmed", async () => {
  const { pane, eventOutlook, paneOutlook, check } = macDraft([LEADS, SAM]);
  await acknowledgeDraft(pane, (await check(pane)).decision);
  eventOutlook.recipients.to = [person(LEADS)];
  paneOutlook.recipients.to = [person(LEADS)];
  await expect(check()).resolves.toMatchObject({ acknowledged: false });
  // And coming back to the confirmed set does not bring it back: the sender changed what they saw.
  eventOutlook.recipients.to = [person(LEADS), person(SAM)];
  await expect(check()).resolves.toMatchObject({ acknowledged: false });
});

it("nothing is mirrored where sessionData is shared (Windows, the web)", async () => {
  const storage = new SharedStorage();
  const saved = globalThis as { localStorage?: MirrorStorage };
  saved.localStorage = storage;
  try {
    for (const platform of ["PC", "OfficeOnline", null]) {
      const outlook = new FakeOutlook();
      outlook.platform = platform;
      await composeDraft(outlook.office()).setSessionData(
        "reachGuard.ack",
        JSON.stringify({ v: 1, fp: "a".repeat(64), at: new Date().toISOString(), n: 1 }),
      );
    }
    expect(storage.values.size).toBe(0);
    // On Mac, localStorage is found on its own.
    const mac = new FakeOutlook();
    mac.platform = "Mac";
    await composeDraft(mac.office()).setSessionData(
      "reachGuard.ack",
      JSON.stringify({ v: 1, fp: "a".repeat(64), at: new Date().toISOString(), n: 1 }),
    );
    expect([...storage.values.keys()]).toEqual([ACK_MIRROR_KEY]);
  } finally {
    delete saved.localStorage;
  }
});

it("on a Mac runtime without usable localStorage, sessionData alone is used and nothing throws", async () => {
  const outlook = new FakeOutlook();
  outlook.platform = "Mac";
  const compose = composeDraft(outlook.office());
  const text = JSON.stringify({ v: 1, fp: "a".repeat(64), at: new Date().toISOString(), n: 1 });
  await compose.setSessionData("reachGuard.ack", text);
  await expect(compose.getSessionData("reachGuard.ack")).resolves.toBe(text);
});
