/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, screen, within } from "@testing-library/react";
import { decide } from "../../src/core/decide";
import { parsePolicy } from "../../src/core/policy";
import type { PaneSnapshot } from "../../src/taskpane/backend";
import { decisionFor, deferred, external, FakeBackend, list, snapshotOf } from "./fakes";
import { renderPane } from "./render";

// What the sender does in the pane: one-click fixes, live updates, long lists, the keyboard alone.

const ALL_STAFF = "everyone@example.org";
const LEADS = "clinical-leads@example.org";
const PARTNER = "j.smith@partner.example.com";

function blockedReplyAll(): PaneSnapshot {
  return snapshotOf(
    decisionFor(
      { to: [ALL_STAFF, "a.person@example.org"], cc: [LEADS, PARTNER], bcc: ["ward7-team@example.org"] },
      {
        [ALL_STAFF]: list(840_000),
        [LEADS]: list(312),
        [PARTNER]: external,
        "ward7-team@example.org": list(12),
      },
    ),
  );
}

const WARD4 = "ward4@example.org";

/** A warning (312 people, some outside): the fixes that stop replies to all, and removing outsiders. */
function warnedReplyAll(): PaneSnapshot {
  return snapshotOf(
    decisionFor(
      { to: [WARD4, "a.person@example.org"], cc: [LEADS, PARTNER] },
      { [WARD4]: list(40), [LEADS]: list(312), [PARTNER]: external },
      { externalWarnAt: 1 },
    ),
  );
}

const NEWS = "all-staff-news@example.org";

/** A reply all into a busy thread: Outlook put the person replied to first in To. */
function stormReplyAll(): PaneSnapshot {
  const decision = decide(
    {
      sender: "dr.amelia.hart@example.org",
      recipients: [
        { field: "to", emailAddress: "jo.murray@example.org", displayName: "Jo Murray" },
        { field: "to", emailAddress: NEWS },
        { field: "cc", emailAddress: LEADS },
      ],
      thread: { replies: 12, senders: 10, windowMinutes: 60, reach: 12_000, complete: true },
    },
    parsePolicy({ storm: { verdict: "block" }, blockAt: 100_000 }),
    new Map([
      ["jo.murray@example.org", { entry: { kind: "person" as const }, source: "graph" as const }],
      [NEWS, { entry: list(12_000), source: "graph" as const }],
      [LEADS, { entry: list(312), source: "graph" as const }],
    ]),
  );
  return snapshotOf(decision);
}

const afterFix = () => snapshotOf(decisionFor({ to: ["a.person@example.org"] }));

describe("fixes", () => {
  test.each([
    ["Move all lists to Bcc", warnedReplyAll, { kind: "move-to-bcc", addresses: [WARD4, LEADS] }],
    ["Remove external recipients", warnedReplyAll, { kind: "remove-external" }],
    ["Reply to Jo Murray only", stormReplyAll, { kind: "remove", addresses: [NEWS, LEADS] }],
    [`Move ${LEADS} to Bcc`, warnedReplyAll, { kind: "move-to-bcc", addresses: [LEADS] }],
    ["Remove the recipient that blocks it", blockedReplyAll, { kind: "remove", addresses: [ALL_STAFF] }],
    [`Remove ${ALL_STAFF}`, blockedReplyAll, { kind: "remove", addresses: [ALL_STAFF] }],
    [
      "Remove ward7-team@example.org",
      blockedReplyAll,
      { kind: "remove", addresses: ["ward7-team@example.org"] },
    ],
  ])("%s asks for that fix, checks again and says what changed", async (name, snapshot, fix) => {
    const backend = new FakeBackend(snapshot());
    backend.fixAnswer = "Moved 2 recipients to Bcc.";
    backend.applyFix.mockImplementation(async () => {
      backend.next = afterFix();
      return backend.fixAnswer as string;
    });
    const { user } = renderPane(backend);
    await user.click(await screen.findByRole("button", { name }));
    expect(backend.applyFix).toHaveBeenCalledWith(fix);
    expect(await screen.findByRole("heading", { name: "This message reaches 1 person." })).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent("Moved 2 recipients to Bcc.");
    expect(backend.evaluations).toBe(2);
  });

  test("what a fix did is said until the recipients change again", async () => {
    const backend = new FakeBackend(blockedReplyAll());
    backend.applyFix.mockImplementation(async () => {
      backend.next = afterFix();
      return "Removed 1 recipient.";
    });
    const { user } = renderPane(backend);
    await user.click(await screen.findByRole("button", { name: `Remove ${ALL_STAFF}` }));
    expect(await screen.findByRole("status")).toHaveTextContent("Removed 1 recipient.");
    // Outlook reports the fix's own change: the same recipients, so the sentence stays.
    act(() => backend.changeRecipients(afterFix()));
    await act(async () => undefined);
    expect(screen.getByRole("status")).toHaveTextContent("Removed 1 recipient.");
    act(() => backend.changeRecipients(snapshotOf(decisionFor({ to: ["someone.else@example.org"] }))));
    await screen.findByRole("button", { name: "Remove someone.else@example.org" });
    expect(screen.getByRole("status")).toHaveTextContent("");
  });

  test("a block is never offered Bcc as its fix: removal comes first, and no list is offered a move", async () => {
    renderPane(new FakeBackend(blockedReplyAll()));
    const fixes = await screen.findByRole("region", { name: "Fixes" });
    const buttons = within(fixes).getAllByRole("button");
    expect(buttons.map((button) => button.textContent)).toEqual(["Remove the recipient that blocks it"]);
    expect(screen.queryByRole("button", { name: `Move ${ALL_STAFF} to Bcc` })).toBeNull();
    expect(screen.queryByText(/Bcc stops replies/)).toBeNull();
  });

  test("a warning offers Bcc honestly: it stops replies, and still reaches everyone", async () => {
    renderPane(new FakeBackend(warnedReplyAll()));
    await screen.findByRole("button", { name: "Move all lists to Bcc" });
    expect(
      screen.getByText("Bcc stops replies to everyone, but the message still reaches them all."),
    ).toBeVisible();
  });

  test("a list already in Bcc is not offered a move, and a person is only offered removal", async () => {
    renderPane(new FakeBackend(blockedReplyAll()));
    await screen.findByRole("heading", { level: 1 });
    expect(screen.queryByRole("button", { name: "Move ward7-team@example.org to Bcc" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Move a.person@example.org to Bcc" })).toBeNull();
    expect(screen.getByRole("button", { name: "Remove a.person@example.org" })).toBeInTheDocument();
  });

  test("while a fix runs every fix waits, and a refused one is reported without a new check", async () => {
    const backend = new FakeBackend(warnedReplyAll());
    const answer = deferred<string>();
    backend.applyFix.mockImplementationOnce(() => answer.promise);
    const { user } = renderPane(backend);
    await user.click(await screen.findByRole("button", { name: "Move all lists to Bcc" }));
    expect(screen.getByRole("button", { name: "Remove external recipients" })).toBeDisabled();
    expect(screen.getByRole("button", { name: `Remove ${LEADS}` })).toBeDisabled();
    await act(async () => answer.reject(new Error("Office call to.setAsync failed (5001)")));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The recipients could not be changed. Try again, or change them in the message.",
    );
    expect(screen.getByRole("button", { name: "Remove external recipients" })).toBeEnabled();
    expect(backend.evaluations).toBe(1);
  });
});

describe("live updates", () => {
  test("a change of recipients in Outlook is checked again and shown at once", async () => {
    const backend = new FakeBackend(snapshotOf(decisionFor({ to: ["a.person@example.org"] })));
    const view = renderPane(backend);
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("1 person");
    act(() => backend.changeRecipients(blockedReplyAll()));
    expect(
      await screen.findByRole("heading", { name: "This message reaches about 840,000 people." }),
    ).toBeInTheDocument();
    expect(backend.evaluations).toBe(2);
    view.unmount();
    expect(backend.subscribers).toBe(0);
  });

  test("an older check that finishes late never replaces a newer one", async () => {
    const slow = deferred<PaneSnapshot>();
    const backend = new FakeBackend(slow.promise);
    renderPane(backend);
    act(() => backend.changeRecipients(snapshotOf(decisionFor({ to: ["a.person@example.org"] }))));
    expect(
      await screen.findByRole("heading", { name: "This message reaches 1 person." }),
    ).toBeInTheDocument();
    await act(async () => slow.resolve(blockedReplyAll()));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("This message reaches 1 person.");
  });

  test("while a newer check runs the last verdict stays, marked as being checked again", async () => {
    const backend = new FakeBackend(snapshotOf(decisionFor({ to: ["a.person@example.org"] })));
    renderPane(backend);
    await screen.findByRole("heading", { level: 1 });
    const pending = deferred<PaneSnapshot>();
    act(() => backend.changeRecipients(pending.promise as unknown as PaneSnapshot));
    expect(screen.getByRole("progressbar", { name: "Checking again…" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("1 person");
    await act(async () => pending.resolve(blockedReplyAll()));
    expect(screen.queryByRole("progressbar")).toBeNull();
  });
});

describe("recipients", () => {
  const many = (count: number) => Array.from({ length: count }, (_, i) => `person${i}@example.org`);

  test("1,000 recipients show a first page, then 50 more at a time, largest first", async () => {
    const to = [...many(997), "small-list@example.org", ALL_STAFF, LEADS];
    const decision = decisionFor(
      { to },
      { [ALL_STAFF]: list(840_000), [LEADS]: list(312), "small-list@example.org": list(20) },
    );
    const { user } = renderPane(new FakeBackend(snapshotOf(decision)));
    const group = await screen.findByRole("region", { name: "To (1,000)" });
    const rows = () => within(within(group).getByRole("list")).getAllByRole("listitem");
    expect(rows()).toHaveLength(50);
    expect(rows()[0]).toHaveTextContent(ALL_STAFF);
    expect(rows()[0]).toHaveTextContent("840,000 members");
    expect(rows()[1]).toHaveTextContent(LEADS);
    expect(rows()[2]).toHaveTextContent("small-list@example.org");
    await user.click(within(group).getByRole("button", { name: "Show 50 more (950 left)" }));
    expect(rows()).toHaveLength(100);
    expect(within(group).getByRole("button", { name: "Show 50 more (900 left)" })).toBeInTheDocument();
  });

  test("recipients are grouped by field, and each says what it is", async () => {
    renderPane(new FakeBackend(blockedReplyAll()));
    const to = await screen.findByRole("region", { name: "To (2)" });
    const cc = screen.getByRole("region", { name: "Cc (2)" });
    const bcc = screen.getByRole("region", { name: "Bcc (1)" });
    expect(within(to).getAllByRole("listitem")[0]).toHaveTextContent(/everyone@example\.org\s*List/);
    expect(within(to).getAllByRole("listitem")[1]).toHaveTextContent(/a\.person@example\.org\s*Person/);
    expect(within(cc).getAllByRole("listitem")[1]).toHaveTextContent(/partner\.example\.com\s*External/);
    expect(within(bcc).getByRole("listitem")).toHaveTextContent("12 members");
  });

  test("the last page offers only as many as are left", async () => {
    const decision = decisionFor({ cc: many(62) });
    renderPane(new FakeBackend(snapshotOf(decision)));
    expect(await screen.findByRole("button", { name: "Show 12 more (12 left)" })).toBeInTheDocument();
  });
});

describe("keyboard only", () => {
  test("Tab reaches a fix and Enter applies it", async () => {
    const backend = new FakeBackend(warnedReplyAll());
    const { user } = renderPane(backend);
    const target = await screen.findByRole("button", { name: "Move all lists to Bcc" });
    for (let presses = 0; presses < 10 && document.activeElement !== target; presses += 1) await user.tab();
    expect(target).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(backend.applyFix).toHaveBeenCalledWith({ kind: "move-to-bcc", addresses: [WARD4, LEADS] });
  });

  test("Space on a recipient's own fix applies it, and a warning is confirmed by keys alone", async () => {
    const decision = decisionFor({ to: [LEADS] }, { [LEADS]: list(312) });
    const backend = new FakeBackend(snapshotOf(decision));
    const { user } = renderPane(backend);
    const tick = await screen.findByRole("checkbox", { name: /I understand/ });
    const seen: string[] = [];
    for (let presses = 0; presses < 10 && document.activeElement !== tick; presses += 1) {
      await user.tab();
      seen.push(
        document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? "",
      );
    }
    expect(tick).toHaveFocus();
    await user.keyboard(" ");
    expect(tick).toBeChecked();
    await user.tab();
    expect(screen.getByRole("button", { name: "Confirm and allow sending" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(backend.acknowledge).toHaveBeenCalledWith(decision);

    const remove = screen.getByRole("button", { name: `Remove ${LEADS}` });
    for (let presses = 0; presses < 10 && document.activeElement !== remove; presses += 1) await user.tab();
    expect(remove).toHaveFocus();
    await user.keyboard(" ");
    expect(backend.applyFix).toHaveBeenCalledWith({ kind: "remove", addresses: [LEADS] });
  });
});
