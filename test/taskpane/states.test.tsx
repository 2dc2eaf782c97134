/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, screen, within } from "@testing-library/react";
import { decide } from "../../src/core/decide";
import { parsePolicy } from "../../src/core/policy";
import type { DirectoryAnswer } from "../../src/core/types";
import { deferred, decisionFor, down, FakeBackend, list, noToken, SENDER, snapshotOf } from "./fakes";
import type { PaneSnapshot } from "../../src/taskpane/backend";
import { renderPane } from "./render";

// Each state of the pane, from real core decisions: what a sender reads and what they may do.

const ALL_STAFF = "everyone@example.org";
const LEADS = "clinical-leads@example.org";
const verdict = () => screen.getByRole("heading", { level: 1 });

test("while the first check runs, the pane says so and shows no verdict", async () => {
  const first = deferred<PaneSnapshot>();
  const backend = new FakeBackend(first.promise);
  renderPane(backend);
  expect(
    screen.getByRole("progressbar", { name: "Checking who this message will reach…" }),
  ).toBeInTheDocument();
  expect(screen.queryByRole("heading", { level: 1 })).toBeNull();
  await act(async () => first.resolve(snapshotOf(decisionFor({ to: ["a.person@example.org"] }))));
  expect(verdict()).toHaveTextContent("This message reaches 1 person.");
  expect(screen.queryByRole("progressbar")).toBeNull();
});

test("a block for 840,000 says so in plain words and offers no acknowledgement", async () => {
  const decision = decisionFor({ to: [ALL_STAFF] }, { [ALL_STAFF]: list(840_000) });
  renderPane(new FakeBackend(snapshotOf(decision)));
  expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent(
    "This message reaches about 840,000 people.",
  );
  expect(screen.getByText("Cannot be sent as it is")).toBeInTheDocument();
  expect(
    screen.getByText(
      "This message reaches about 840,000 people through everyone@example.org, over your organisation's limit of 5,000.",
    ),
  ).toBeInTheDocument();
  // An exact figure needs no note on how far to trust it.
  expect(screen.queryByText(/Lists may share members|Some sizes are not known/)).toBeNull();
  expect(screen.queryByRole("checkbox")).toBeNull();
  expect(screen.queryByRole("button", { name: "Confirm and allow sending" })).toBeNull();
  expect(screen.getByText(/Remove the recipients named above to send this message/)).toBeInTheDocument();
  expect(screen.getByTestId("task-pane")).toContainElement(verdict());
});

test("a warning is confirmed with the tick and the button, which acknowledges that very decision", async () => {
  const decision = decisionFor({ to: [LEADS] }, { [LEADS]: list(312) });
  const backend = new FakeBackend(snapshotOf(decision));
  backend.acknowledge.mockImplementation(async () => {
    backend.next = snapshotOf(decision, { acknowledged: true });
  });
  const { user } = renderPane(backend);
  const tick = await screen.findByRole("checkbox", {
    name: "I understand this message reaches 312 people",
  });
  const confirm = screen.getByRole("button", { name: "Confirm and allow sending" });
  expect(confirm).toBeDisabled();
  await user.click(tick);
  expect(confirm).toBeEnabled();
  await user.click(confirm);
  expect(backend.acknowledge).toHaveBeenCalledTimes(1);
  expect(backend.acknowledge.mock.calls[0]?.[0]).toBe(decision);
  const confirmed = await screen.findByText("Confirmed. You can send this message now.");
  expect(confirmed).toHaveFocus();
  expect(screen.queryByRole("checkbox")).toBeNull();
  expect(backend.evaluations).toBe(2);
});

test("a failed acknowledgement is reported and the sender may try again", async () => {
  const decision = decisionFor({ to: [LEADS] }, { [LEADS]: list(312) });
  const backend = new FakeBackend(snapshotOf(decision));
  backend.acknowledge.mockRejectedValueOnce(new Error("sessionData refused"));
  const { user } = renderPane(backend);
  await user.click(await screen.findByRole("checkbox", { name: /I understand/ }));
  await user.click(screen.getByRole("button", { name: "Confirm and allow sending" }));
  expect(await screen.findByRole("alert")).toHaveTextContent(
    "Your confirmation could not be saved. Try again.",
  );
  expect(screen.getByRole("button", { name: "Confirm and allow sending" })).toBeEnabled();
});

test("a block is never shown as confirmed, even with a confirmation saved for these recipients", async () => {
  const decision = decisionFor({ to: [ALL_STAFF] }, { [ALL_STAFF]: list(840_000) });
  renderPane(new FakeBackend(snapshotOf(decision, { acknowledged: true })));
  expect(
    await screen.findByText(/Remove the recipients named above to send this message/),
  ).toBeInTheDocument();
  expect(screen.queryByText(/Confirmed/)).toBeNull();
  expect(screen.queryByRole("region", { name: "Confirm" })).toBeNull();
});

test("a broadcaster's block becomes a warning they may acknowledge", async () => {
  const decision = decisionFor(
    { to: [ALL_STAFF] },
    { [ALL_STAFF]: list(840_000) },
    { broadcasters: [SENDER] },
  );
  renderPane(new FakeBackend(snapshotOf(decision)));
  expect(await screen.findByText("Check before sending")).toBeInTheDocument();
  expect(screen.getByText(/You may send to large audiences/)).toBeInTheDocument();
  expect(
    screen.getByRole("checkbox", { name: "I understand this message reaches about 840,000 people" }),
  ).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Confirm and allow sending" })).toBeInTheDocument();
});

test.each([
  ["block", /your organisation blocks messages to lists/],
  ["warn", /asks you to check the recipients and confirm/],
  ["allow", /lets messages go without this check/],
] as const)("with the directory down, the policy's %s is stated in words", async (policyVerdict, words) => {
  const decision = decisionFor({ to: [LEADS] }, { [LEADS]: down }, { directoryUnavailable: policyVerdict });
  renderPane(new FakeBackend(snapshotOf(decision, { directoryUnavailableVerdict: policyVerdict })));
  // One quiet line, not a second warning bar.
  expect(await screen.findByText(words)).toBeInTheDocument();
  expect(screen.getAllByText(/While list sizes cannot be checked/)).toHaveLength(1);
  expect(verdict()).toHaveTextContent("This message reaches an unknown number of people.");
  expect(
    screen.getByText(/Reach Guard cannot check the size of clinical-leads@example\.org right now\./),
  ).toBeInTheDocument();
  expect(screen.getByText(/Some sizes are not known/)).toBeInTheDocument();
});

test("without a token the pane offers sign-in, then checks again", async () => {
  const before = decisionFor({ to: [LEADS] }, { [LEADS]: noToken });
  const after = decisionFor({ to: [LEADS] }, { [LEADS]: list(312) });
  const backend = new FakeBackend(snapshotOf(before, { needsSignIn: true }));
  backend.signIn.mockImplementation(async () => {
    backend.next = snapshotOf(after);
  });
  const { user } = renderPane(backend);
  const region = await screen.findByRole("region", { name: "Sign in so Reach Guard can check list sizes" });
  await user.click(within(region).getByRole("button", { name: "Sign in" }));
  expect(backend.signIn).toHaveBeenCalledTimes(1);
  expect(await screen.findByRole("heading", { name: "This message reaches 312 people." })).toHaveFocus();
  expect(backend.evaluations).toBe(2);
  expect(screen.getByRole("status")).toHaveTextContent("Signed in.");
  expect(screen.queryByRole("button", { name: "Sign in" })).toBeNull();
});

test("a sign-in that does not finish is reported, and the button stays", async () => {
  const decision = decisionFor({ to: [LEADS] }, { [LEADS]: noToken });
  const backend = new FakeBackend(snapshotOf(decision, { needsSignIn: true }));
  backend.signInAnswer = new Error("user_cancelled");
  const { user } = renderPane(backend);
  await user.click(await screen.findByRole("button", { name: "Sign in" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Sign-in did not finish.");
  expect(screen.getByRole("button", { name: "Sign in" })).toBeEnabled();
  expect(backend.evaluations).toBe(1);
});

test("without a token and no app registration, the pane says IT must finish the set-up", async () => {
  const decision = decisionFor({ to: [LEADS] }, { [LEADS]: noToken });
  renderPane(new FakeBackend(snapshotOf(decision, { needsSignIn: false })));
  expect(await screen.findByText(/has not been set up to check list sizes yet/)).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Sign in" })).toBeNull();
});

test("a failed check is said plainly and Retry checks again", async () => {
  const backend = new FakeBackend(new Error("mailbox said no"));
  const { user } = renderPane(backend);
  const alert = await screen.findByRole("alert");
  expect(
    within(alert).getByRole("heading", { name: "Reach Guard could not read this message's recipients." }),
  );
  backend.next = snapshotOf(decisionFor({ to: ["a.person@example.org"] }));
  await user.click(within(alert).getByRole("button", { name: "Retry" }));
  expect(await screen.findByRole("heading", { name: "This message reaches 1 person." })).toBeInTheDocument();
  expect(screen.queryByRole("alert")).toBeNull();
});

test("ordinary mail is fine to send, with no fixes or confirmation to distract", async () => {
  const decision = decisionFor({ to: ["ward7-team@example.org"] }, { "ward7-team@example.org": list(12) });
  renderPane(new FakeBackend(snapshotOf(decision)));
  expect(await screen.findByText("Fine to send")).toBeInTheDocument();
  expect(verdict()).toHaveTextContent("This message reaches 12 people.");
  expect(screen.queryByRole("region", { name: "Fixes" })).toBeNull();
  expect(screen.queryByRole("region", { name: "Confirm" })).toBeNull();
  expect(screen.getByRole("button", { name: "Remove ward7-team@example.org" })).toBeInTheDocument();
});

test("an upper bound and a message with no recipients are each said as such", async () => {
  const decision = decisionFor({ to: [LEADS, "a.person@example.org"] }, { [LEADS]: list(312) });
  const backend = new FakeBackend(snapshotOf(decision));
  renderPane(backend);
  expect(await screen.findByText(/Lists may share members/)).toBeInTheDocument();
  expect(verdict()).toHaveTextContent("This message reaches about 313 people.");
  act(() => backend.changeRecipients(snapshotOf(decisionFor({}))));
  expect(await screen.findByText("This message has no recipients yet.")).toBeInTheDocument();
});

test("problems with the admin's settings are there for IT, folded away", async () => {
  const problems = ["policy.json: blockAt must be a whole number >= warnAt"];
  renderPane(
    new FakeBackend(
      snapshotOf(decisionFor({ to: ["a.person@example.org"] }), { settingsProblems: problems }),
    ),
  );
  expect(await screen.findByText(/Some settings could not be read/)).toBeInTheDocument();
  expect(screen.getByText(problems[0] ?? "")).toBeInTheDocument();
});

describe("the degraded world", () => {
  const COLLEAGUE = "sam.patel@example.org";
  /** The directory is down: Outlook vouches for the people it reports as users. */
  function degraded(recipients: { address: string; type: string }[]) {
    const answers = new Map<string, DirectoryAnswer>(
      recipients.map(({ address }) => [address, { entry: down, source: "graph" }]),
    );
    return decide(
      {
        sender: SENDER,
        recipients: recipients.map(({ address, type }) => ({
          field: "to" as const,
          emailAddress: address,
          recipientType: type,
        })),
      },
      parsePolicy({}),
      answers,
    );
  }

  test("a reply to one colleague is quiet: a person, no unknown size, nothing about the directory", async () => {
    const decision = degraded([{ address: COLLEAGUE, type: "user" }]);
    expect(decision.recipients[0]).toMatchObject({ kind: "person", source: "outlook" });
    renderPane(new FakeBackend(snapshotOf(decision)));
    expect(await screen.findByText("Fine to send")).toBeInTheDocument();
    expect(verdict()).toHaveTextContent("This message reaches 1 person.");
    expect(screen.getByText("Person")).toBeInTheDocument();
    expect(screen.queryByText("Unknown size")).toBeNull();
    expect(screen.queryByText(/list sizes cannot be checked/i)).toBeNull();
    expect(screen.queryByText(/unknown number of people/)).toBeNull();
  });

  test("with a possible list, one quiet line says what the policy does", async () => {
    const decision = degraded([
      { address: COLLEAGUE, type: "user" },
      { address: LEADS, type: "distributionList" },
    ]);
    renderPane(new FakeBackend(snapshotOf(decision)));
    expect(await screen.findAllByText(/While list sizes cannot be checked/)).toHaveLength(1);
    expect(screen.getAllByText("Unknown size")).toHaveLength(1);
    expect(screen.getByText("Person")).toBeInTheDocument();
  });

  test("where this Outlook cannot sign in, the pane says so once and offers no sign-in", async () => {
    const decision = decisionFor({ to: [LEADS] }, { [LEADS]: noToken });
    const backend = new FakeBackend(snapshotOf(decision, { needsSignIn: false, signInUnsupported: true }));
    renderPane(backend);
    expect(
      await screen.findAllByText(
        "This Outlook cannot sign in to check list sizes, so lists are judged by your organisation's policy.",
      ),
    ).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Sign in" })).toBeNull();
    // Not IT's set-up to finish: nothing they configure makes this Outlook sign in.
    expect(screen.queryByText(/has not been set up to check list sizes yet/)).toBeNull();
  });

  test("a sign-in button is never drawn where sign-in cannot work, whatever else the snapshot says", async () => {
    const decision = decisionFor({ to: [LEADS] }, { [LEADS]: noToken });
    renderPane(new FakeBackend(snapshotOf(decision, { needsSignIn: true, signInUnsupported: true })));
    expect(await screen.findByText(/This Outlook cannot sign in/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Sign in" })).toBeNull();
  });
});

describe("opened again from a Smart Alert while open", () => {
  test("the pane stays (what the sender ticked included) and checks again", async () => {
    const decision = decisionFor({ to: [LEADS] }, { [LEADS]: list(312) });
    const backend = new FakeBackend(snapshotOf(decision));
    const { user } = renderPane(backend);
    const box = await screen.findByRole("checkbox");
    await user.click(box);
    expect(backend.reopenedSubscribers).toBe(1);
    act(() => backend.reopen(snapshotOf(decision)));
    await act(async () => undefined);
    expect(backend.evaluations).toBe(2);
    expect(screen.queryByRole("progressbar", { name: "Checking who this message will reach…" })).toBeNull();
    expect(screen.getByRole("checkbox")).toBeChecked();
  });

  test("stops listening when the pane goes", async () => {
    const backend = new FakeBackend(snapshotOf(decisionFor({ to: [LEADS] })));
    const { unmount } = renderPane(backend);
    await screen.findByRole("heading", { level: 1 });
    unmount();
    expect(backend.reopenedSubscribers).toBe(0);
  });
});
