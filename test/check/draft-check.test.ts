import { acknowledgeDraft, checkDraft, RECHECK_AFTER_MS } from "../../src/check/draft-check";
import { parsePolicy } from "../../src/core/policy";
import { acknowledgementId, ACK_KEY, decodeAcknowledgement } from "../../src/check/acknowledgement";
import { decodeItemState, SESSION_KEY } from "../../src/check/item-state";
import { MemoryDraft } from "../../src/office/memory-draft";
import { TableDirectory, list } from "../events/fakes";
import { deferred, heldDirectory } from "../taskpane/fakes";

// The check shared by the handlers and the task pane: what it remembers in sessionData, and how an
// acknowledgement stays bound to exactly the recipients it was given for.

const SENDER = "dr.amelia.hart@example.org";
const policy = parsePolicy({ warnAt: 50, blockAt: 5000 });
const LEADS = "clinical-leads@example.org";
const WARD = "ward7-team@example.org";
const SAM = "sam.patel@example.org";

function setup(fields: Parameters<typeof MemoryDraft.to>[1]) {
  const draft = MemoryDraft.to(SENDER, fields);
  const directory = new TableDirectory({ [LEADS]: list(300), [WARD]: list(12) });
  const check = () => checkDraft(draft, { policy, directory, deadlineAt: Date.now() + 2000 });
  const saved = () => decodeItemState(draft.sessionData.get(SESSION_KEY) ?? null);
  const savedAck = () => decodeAcknowledgement(draft.sessionData.get(ACK_KEY) ?? null);
  return { draft, directory, check, saved, savedAck };
}

describe("checkDraft", () => {
  it("asks the directory once, remembers the answers in sessionData, and reuses them", async () => {
    const { directory, check, saved } = setup({ to: [LEADS, SAM] });
    const first = await check();
    expect(first).toMatchObject({
      acknowledged: false,
      asked: 2,
      stale: false,
      decision: { verdict: "warn", reach: 301 },
    });
    expect(saved()).toMatchObject({ fingerprint: first.decision.fingerprint, verdict: "warn", voided: null });
    expect([...saved().answers.keys()].sort()).toEqual([LEADS, SAM]);
    const second = await check();
    expect(second.asked).toBe(0);
    expect(second.decision.fingerprint).toBe(first.decision.fingerprint);
    expect(directory.asked).toEqual([[LEADS, SAM]]);
  });

  it("starts afresh when sessionData holds something unreadable", async () => {
    const { draft, check } = setup({ to: [LEADS] });
    draft.sessionData.set(SESSION_KEY, "{broken");
    await expect(check()).resolves.toMatchObject({ asked: 1, acknowledged: false });
  });

  it("keeps only the answers the current recipients need", async () => {
    const { draft, check, saved } = setup({ to: [LEADS, WARD] });
    await check();
    draft.recipients = draft.recipients.filter((recipient) => recipient.emailAddress !== LEADS);
    const after = await check();
    expect(after.asked).toBe(0);
    expect([...saved().answers.keys()]).toEqual([WARD]);
  });
});

describe("acknowledgement", () => {
  it("holds for the same recipients, whatever their order or case", async () => {
    const { draft, check, savedAck } = setup({ to: [LEADS, SAM] });
    const { decision } = await check();
    await expect(acknowledgeDraft(draft, decision, new Date("2026-11-24T09:30:00Z"))).resolves.toBe(true);
    expect(savedAck()).toEqual({
      fingerprint: decision.fingerprint,
      at: "2026-11-24T09:30:00.000Z",
      sequence: 1,
    });
    draft.recipients = [
      { field: "to", emailAddress: SAM.toUpperCase() },
      { field: "to", emailAddress: "Clinical-Leads@Example.org" },
    ];
    await expect(check()).resolves.toMatchObject({ acknowledged: true });
    expect(savedAck()?.fingerprint).toBe(decision.fingerprint);
  });

  it("is voided by an added recipient, and does not come back when it is removed again", async () => {
    const { draft, check, saved, savedAck } = setup({ to: [LEADS] });
    await acknowledgeDraft(draft, (await check()).decision);
    await expect(check()).resolves.toMatchObject({ acknowledged: true });
    draft.recipients = [...draft.recipients, { field: "cc", emailAddress: SAM }];
    await expect(check()).resolves.toMatchObject({ acknowledged: false });
    // The confirmation is the pane's to write: the check records, in its own state, that it is void.
    expect(saved().voided).toBe(acknowledgementId(savedAck()!));
    draft.recipients = draft.recipients.filter((recipient) => recipient.emailAddress !== SAM);
    await expect(check()).resolves.toMatchObject({ acknowledged: false });
  });

  it("is voided by moving a list from To to Bcc", async () => {
    const { draft, check } = setup({ to: [LEADS, SAM] });
    await acknowledgeDraft(draft, (await check()).decision);
    draft.recipients = [
      { field: "bcc", emailAddress: LEADS },
      { field: "to", emailAddress: SAM },
    ];
    await expect(check()).resolves.toMatchObject({ acknowledged: false });
  });

  it("for an older decision does not cover recipients changed since", async () => {
    const { draft, check } = setup({ to: [WARD] });
    const old = (await check()).decision;
    draft.recipients = [{ field: "to", emailAddress: LEADS }];
    await check();
    await acknowledgeDraft(draft, old);
    await expect(check()).resolves.toMatchObject({ acknowledged: false });
  });

  it("given again after a change voided it, counts, even at the same moment", async () => {
    const { draft, check } = setup({ to: [LEADS] });
    const at = new Date("2026-11-24T09:30:00Z");
    const { decision } = await check();
    await acknowledgeDraft(draft, decision, at);
    draft.recipients.push({ field: "cc", emailAddress: SAM });
    await check();
    draft.recipients.pop();
    await expect(check()).resolves.toMatchObject({ acknowledged: false });
    await acknowledgeDraft(draft, decision, at);
    await expect(check()).resolves.toMatchObject({ acknowledged: true });
  });

  it("reports false when Outlook refuses to store it", async () => {
    const { draft, check } = setup({ to: [LEADS] });
    const { decision } = await check();
    jest.spyOn(draft, "setSessionData").mockRejectedValue(new Error("sessionData full"));
    await expect(acknowledgeDraft(draft, decision)).resolves.toBe(false);
  });
});

describe("a check and a confirmation at the same time", () => {
  it("keeps a confirmation given while the directory was still answering", async () => {
    const { draft, check, saved, savedAck } = setup({ to: [LEADS] });
    const first = await check();
    // The recipients change; the handler's check starts and waits on a slow directory, while the
    // sender confirms the new set in the task pane from an earlier, equally sized decision.
    draft.recipients.push({ field: "cc", emailAddress: WARD, displayName: WARD });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = {
      async resolve(addresses: readonly string[]) {
        await gate;
        return new Map(addresses.map((a) => [a, { entry: list(12), source: "graph" as const }]));
      },
    };
    const running = checkDraft(draft, { policy, directory: slow, deadlineAt: Date.now() + 2000 });
    const paneDecision = (
      await checkDraft(draft, {
        policy,
        directory: new TableDirectory({ [LEADS]: list(300), [WARD]: list(12) }),
        deadlineAt: Date.now() + 2000,
      })
    ).decision;
    expect(paneDecision.fingerprint).not.toBe(first.decision.fingerprint);
    await acknowledgeDraft(draft, paneDecision);
    release();
    const result = await running;
    expect(result.acknowledged).toBe(true);
    expect(savedAck()?.fingerprint).toBe(paneDecision.fingerprint);
    expect(saved().voided).toBeNull();
  });

  it("a slow check for recipients since changed leaves the confirmation of the new ones standing", async () => {
    // X = clinical leads. Its check waits on a slow directory; meanwhile the sender adds the ward
    // team (Y), the check for Y finishes, and the sender confirms Y in the pane. Then X's answer comes.
    const { draft, directory, check, saved, savedAck } = setup({ to: [LEADS] });
    const held = heldDirectory(directory);
    const slow = checkDraft(draft, { policy, directory: held.directory, deadlineAt: Date.now() + 2000 });
    await held.called;
    draft.recipients.push({ field: "cc", emailAddress: WARD, displayName: WARD });
    const forY = await check();
    await expect(acknowledgeDraft(draft, forY.decision)).resolves.toBe(true);
    held.release();
    const late = await slow;
    expect(late.stale).toBe(true);
    expect(late.decision.fingerprint).not.toBe(forY.decision.fingerprint);
    // At send, for Y: still confirmed.
    await expect(check()).resolves.toMatchObject({ acknowledged: true, stale: false });
    expect(savedAck()?.fingerprint).toBe(forY.decision.fingerprint);
    expect(saved()).toMatchObject({ fingerprint: forY.decision.fingerprint, voided: null });
  });

  it("keeps a confirmation saved between the check's read and its write", async () => {
    const { draft, check, savedAck } = setup({ to: [LEADS] });
    const { decision } = await check();
    // Everything is known, so nothing is asked: the check waits only on Outlook, briefly.
    const sender = deferred<string>();
    jest.spyOn(draft, "getSender").mockReturnValueOnce(sender.promise);
    const running = check();
    await new Promise((resolve) => setImmediate(resolve));
    await acknowledgeDraft(draft, decision);
    sender.resolve(SENDER);
    // It read the confirmation before there was one, so it does not report it; nor does it drop it.
    await expect(running).resolves.toMatchObject({ asked: 0, acknowledged: false, stale: false });
    expect(savedAck()?.fingerprint).toBe(decision.fingerprint);
    await expect(check()).resolves.toMatchObject({ acknowledged: true });
  });

  it("saves nothing, and says so, when the recipients changed while the directory answered", async () => {
    const { draft, directory, saved } = setup({ to: [LEADS] });
    const held = heldDirectory(directory);
    const slow = checkDraft(draft, { policy, directory: held.directory, deadlineAt: Date.now() + 2000 });
    await held.called;
    draft.recipients.push({ field: "bcc", emailAddress: SAM });
    held.release();
    const result = await slow;
    expect(result).toMatchObject({ stale: true, asked: 1, decision: { reach: 300 } });
    expect(draft.sessionData.size).toBe(0);
    expect(saved().fingerprint).toBe("");
  });

  it("counts recipients that cannot be read again as changed", async () => {
    const { draft, directory } = setup({ to: [LEADS] });
    const held = heldDirectory(directory);
    const slow = checkDraft(draft, { policy, directory: held.directory, deadlineAt: Date.now() + 2000 });
    await held.called;
    draft.failRecipients = true;
    held.release();
    await expect(slow).resolves.toMatchObject({ stale: true });
    expect(draft.sessionData.size).toBe(0);
  });

  it("saves as usual when the recipients are the same set when the directory has answered", async () => {
    const { draft, directory, saved } = setup({ to: [LEADS, SAM] });
    const held = heldDirectory(directory);
    const slow = checkDraft(draft, { policy, directory: held.directory, deadlineAt: Date.now() + 2000 });
    await held.called;
    draft.recipients.reverse();
    held.release();
    const result = await slow;
    expect(result.stale).toBe(false);
    expect(saved().fingerprint).toBe(result.decision.fingerprint);
  });
});

describe("when the check looks at the recipients again", () => {
  it("not when nothing was asked and nothing waited: the send after composing stays one round of calls", async () => {
    const { draft, check } = setup({ to: [LEADS] });
    await check();
    const reads = jest.spyOn(draft, "getRecipients");
    await expect(check()).resolves.toMatchObject({ asked: 0, stale: false });
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it("after asking the directory", async () => {
    const { draft, check } = setup({ to: [LEADS] });
    const reads = jest.spyOn(draft, "getRecipients");
    await expect(check()).resolves.toMatchObject({ asked: 1, stale: false });
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it("after waiting on Outlook itself, finding a confirmation given meanwhile, or a change", async () => {
    const { draft, directory, check, saved } = setup({ to: [LEADS] });
    const { decision } = await check();
    let clock = 1_000_000;
    const waited = async (change: () => Promise<unknown> | void) => {
      const sender = deferred<string>();
      jest.spyOn(draft, "getSender").mockReturnValueOnce(sender.promise);
      const running = checkDraft(draft, {
        policy,
        directory,
        deadlineAt: Date.now() + 2000,
        now: () => clock,
      });
      await new Promise((resolve) => setImmediate(resolve));
      await change();
      clock += RECHECK_AFTER_MS + 1;
      sender.resolve(SENDER);
      return running;
    };
    await expect(waited(() => acknowledgeDraft(draft, decision))).resolves.toMatchObject({
      asked: 0,
      acknowledged: true,
      stale: false,
    });
    const before = draft.sessionData.get(SESSION_KEY);
    await expect(
      waited(() => {
        draft.recipients.push({ field: "cc", emailAddress: SAM });
      }),
    ).resolves.toMatchObject({ asked: 0, stale: true });
    expect(draft.sessionData.get(SESSION_KEY)).toBe(before);
    expect(saved().fingerprint).toBe(decision.fingerprint);
  });
});
