import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPlayground, screenshot, type Session } from "./harness";
import { OutlookPage } from "./outlook-page";

// A safe rollout in the playground, each journey under a policy file of its own served in place of
// the build's: a pilot in monitor mode, and thresholds of its own for one sender.

const ALL_STAFF = "Test email - please ignore";
const DEMO_USER = "dr.amelia.hart@example.org";
const BUILT = {
  warnAt: 50,
  blockAt: 5000,
  blockedAddresses: ["everyone@example.org", "all-*@example.org"],
  broadcasters: ["comms@example.org"],
};

let folder: string;
let session: Session | null = null;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "rollout-"));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

afterEach(async () => {
  const errors = session?.errors ?? [];
  await session?.close();
  session = null;
  // The add-in and the page must not throw while doing any of this.
  expect(errors).toEqual([]);
});

async function openWithPolicy(name: string, policy: object): Promise<OutlookPage> {
  const policyPath = join(folder, `${name}.json`);
  writeFileSync(policyPath, JSON.stringify(policy));
  session = await openPlayground("", { policyPath });
  const outlook = new OutlookPage(session.page);
  await outlook.ready();
  return outlook;
}

test("monitor mode: reply all to all staff goes without a dialog, the header recording the block", async () => {
  const outlook = await openWithPolicy("monitor", { ...BUILT, mode: "monitor" });
  await outlook.openMessage(ALL_STAFF);
  await outlook.compose("Reply all");
  await outlook.pill("To", "everyone@example.org").waitFor();

  await outlook.openTaskPane();
  const pane = outlook.taskPane();
  await pane.getByRole("heading", { name: /840,000 people/ }).waitFor();
  await pane
    .getByText("Monitor mode: Reach Guard would block this message; it will be sent and recorded.")
    .waitFor();
  // The pane has checked the very recipients the info bar would be about: it stays empty.
  expect(
    await outlook
      .infoBar()
      .getByText(/840,000/)
      .count(),
  ).toBe(0);
  await screenshot(outlook.page, "rollout-01-monitor-pane");

  await outlook.send();
  const header = await outlook.sentHeader(`RE: ${ALL_STAFF}`);
  expect(await outlook.alert().count()).toBe(0);
  expect(header).toMatch(
    /^X-Reach-Guard: verdict=allow; reach=\d+; accuracy=[a-z-]+; ack=no; fp=[0-9a-f]{64}; check=done; mode=monitor; would=block$/,
  );
  await screenshot(outlook.page, "rollout-02-monitor-sent");
});

test("a sender override: the demo user is blocked at 300 people where everyone else is warned", async () => {
  const outlook = await openWithPolicy("senders", {
    ...BUILT,
    senders: [
      // Not the demo user: the first override that matches is the one that applies.
      { match: ["comms@example.org"], warnAt: 500, blockAt: 20000 },
      { match: [DEMO_USER], blockAt: 200 },
    ],
  });
  await outlook.compose("New message");
  await outlook.addRecipient("To", "clinical-leads@example.org");
  await outlook.setSubject("Rota changes from December");
  await outlook
    .infoBar()
    .getByText(/300 people .*over your organisation's limit of 200/)
    .waitFor();

  await outlook.send();
  const alert = outlook.alert();
  await alert.waitFor();
  expect(await alert.innerText()).toMatch(/limit of 200/);
  // A block: no way round it from the dialog.
  expect(await alert.getByRole("button", { name: "Send Anyway" }).count()).toBe(0);
  await screenshot(outlook.page, "rollout-03-sender-override-blocked");
  await alert.getByRole("button", { name: "Don't Send" }).click();
  await alert.waitFor({ state: "detached" });
});
