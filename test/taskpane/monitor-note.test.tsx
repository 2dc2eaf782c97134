/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import { decisionFor, FakeBackend, list, snapshotOf } from "./fakes";
import { renderPane } from "./render";

// A pilot in monitor mode: the pane says what enforcement would do, and that the message still goes.

const ALL_STAFF = "all-staff-news@example.org";
const LEADS = "clinical-leads@example.org";
const MONITOR = { mode: "monitor" as const };

test("a would-be block says so, and that the message will be sent and recorded", async () => {
  renderPane(
    new FakeBackend(snapshotOf(decisionFor({ to: [ALL_STAFF] }, { [ALL_STAFF]: list(12_000) }, MONITOR))),
  );
  expect(
    await screen.findByText(
      "Monitor mode: Reach Guard would block this message; it will be sent and recorded.",
    ),
  ).toBeInTheDocument();
  // Nothing to confirm and nothing refused: the message goes.
  expect(screen.getByText("Fine to send")).toBeInTheDocument();
  expect(screen.queryByRole("checkbox")).toBeNull();
  expect(screen.queryByText(/Remove the recipients named above/)).toBeNull();
});

test("a would-be warning says that instead", async () => {
  renderPane(new FakeBackend(snapshotOf(decisionFor({ to: [LEADS] }, { [LEADS]: list(300) }, MONITOR))));
  expect(await screen.findByText(/^Monitor mode: Reach Guard would warn/)).toBeInTheDocument();
});

test("ordinary mail in monitor mode has no note", async () => {
  renderPane(new FakeBackend(snapshotOf(decisionFor({ to: ["a.person@example.org"] }, {}, MONITOR))));
  await screen.findByRole("heading", { level: 1 });
  expect(screen.queryByText(/Monitor mode/)).toBeNull();
});

test("when enforcing, a block has no note", async () => {
  renderPane(new FakeBackend(snapshotOf(decisionFor({ to: [ALL_STAFF] }, { [ALL_STAFF]: list(12_000) }))));
  await screen.findByText("Cannot be sent as it is");
  expect(screen.queryByText(/Monitor mode/)).toBeNull();
});
