import { acknowledgeDraft, checkDraft } from "../../src/app/draft-check";
import { parsePolicy } from "../../src/core/policy";
import { decodeItemState, SESSION_KEY } from "../../src/session/item-state";
import { FakeDraft, TableDirectory, list } from "../events/fakes";

// The check shared by the handlers and the task pane: what it remembers in sessionData, and how an
// acknowledgement stays bound to exactly the recipients it was given for.

const SENDER = "dr.amelia.hart@example.org";
const policy = parsePolicy({ warnAt: 50, blockAt: 5000 });
const LEADS = "clinical-leads@example.org";
const WARD = "ward7-team@example.org";
const SAM = "sam.patel@example.org";

function setup(fields: Parameters<typeof FakeDraft.to>[1]) {
  const draft = FakeDraft.to(SENDER, fields);
  const directory = new TableDirectory({ [LEADS]: list(300), [WARD]: list(12) });
  const check = () => checkDraft(draft, { policy, directory, deadlineAt: Date.now() + 2000 });
  const saved = () => decodeItemState(draft.sessionData.get(SESSION_KEY) ?? null);
  return { draft, directory, check, saved };
}

describe("checkDraft", () => {
  it("asks the directory once, remembers the answers in sessionData, and reuses them", async () => {
    const { directory, check, saved } = setup({ to: [LEADS, SAM] });
    const first = await check();
    expect(first).toMatchObject({ acknowledged: false, asked: 2, decision: { verdict: "warn", reach: 301 } });
    expect(saved()).toMatchObject({
      fingerprint: first.decision.fingerprint,
      verdict: "warn",
      acknowledgement: null,
    });
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
    const { draft, check, saved } = setup({ to: [LEADS, SAM] });
    const { decision } = await check();
    await expect(acknowledgeDraft(draft, decision, new Date("2026-11-24T09:30:00Z"))).resolves.toBe(true);
    expect(saved().acknowledgement).toEqual({
      fingerprint: decision.fingerprint,
      at: "2026-11-24T09:30:00.000Z",
    });
    draft.recipients = [
      { field: "to", emailAddress: SAM.toUpperCase() },
      { field: "to", emailAddress: "Clinical-Leads@Example.org" },
    ];
    await expect(check()).resolves.toMatchObject({ acknowledged: true });
    expect(saved().acknowledgement?.fingerprint).toBe(decision.fingerprint);
  });

  it("is voided by an added recipient, and does not come back when it is removed again", async () => {
    const { draft, check, saved } = setup({ to: [LEADS] });
    await acknowledgeDraft(draft, (await check()).decision);
    await expect(check()).resolves.toMatchObject({ acknowledged: true });
    draft.recipients = [...draft.recipients, { field: "cc", emailAddress: SAM }];
    await expect(check()).resolves.toMatchObject({ acknowledged: false });
    expect(saved().acknowledgement).toBeNull();
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

  it("reports false when Outlook refuses to store it", async () => {
    const { draft, check } = setup({ to: [LEADS] });
    const { decision } = await check();
    jest.spyOn(draft, "setSessionData").mockRejectedValue(new Error("sessionData full"));
    await expect(acknowledgeDraft(draft, decision)).resolves.toBe(false);
  });
});

describe("a check and a confirmation at the same time", () => {
  it("keeps a confirmation given while the directory was still answering", async () => {
    const { draft, check, saved } = setup({ to: [LEADS] });
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
    expect(saved().acknowledgement?.fingerprint).toBe(paneDecision.fingerprint);
  });
});
