import type { Settings } from "../../src/app/settings";
import { DEFAULT_HOST_CONFIG } from "../../src/app/host-config";
import type { Auth } from "../../src/auth/naa";
import { parsePolicy, type PolicyInput } from "../../src/core/policy";
import type { Directory } from "../../src/directory/port";
import { COMPOSE_DEADLINE_MS } from "../../src/check/deadlines";
import { INFO_BAR_KEY } from "../../src/check/outcome";
import {
  CHECK_ATTEMPTS,
  createOfficeBackend,
  type OfficeBackendDeps,
} from "../../src/taskpane/office-backend";
import { list, TableDirectory } from "../events/fakes";
import { MemoryDraft as FakeComposeItem, named } from "../../src/office/memory-draft";
import { heldDirectory } from "./fakes";

// The task pane's backend over a draft in memory and a directory from a table: the same check as the
// event handlers, and fixes that change the draft as Outlook would.

const SENDER = "dr.amelia.hart@example.org";
const ALL_STAFF = "everyone@example.org";
const LEADS = "clinical-leads@example.org";
const TEAM = "ward7-team@example.org";
const PARTNER = "j.smith@partner.example.com";
const CLIENT_ID = "0b6e5e0c-3d2a-4f5b-9c1e-2a7d8f9e0a1b";

function settingsWith(policy: PolicyInput = {}, clientId = CLIENT_ID, problems: string[] = []): Settings {
  return {
    policy: parsePolicy(policy),
    config: { ...DEFAULT_HOST_CONFIG, clientId },
    source: "host",
    problems,
  };
}

function setUp(item: FakeComposeItem, options: { settings?: Settings; directory?: Directory } = {}) {
  const directory =
    options.directory ??
    new TableDirectory({
      [ALL_STAFF]: list(840_000),
      [LEADS]: list(312),
      [TEAM]: list(12),
      [PARTNER]: { kind: "external" },
    });
  const auth: Auth = { getToken: jest.fn(async () => "token"), signIn: jest.fn(async () => undefined) };
  const listeners: (() => void)[] = [];
  const stop = jest.fn();
  const loaded: string[] = [];
  const deps: OfficeBackendDeps = {
    item,
    loadSettings: async (moment) => {
      loaded.push(moment);
      return options.settings ?? settingsWith();
    },
    directory: () => directory,
    auth: () => auth,
    subscribeRecipientsChanged: async (listener) => {
      listeners.push(listener);
      return stop;
    },
    now: () => 1_000_000,
  };
  return { backend: createOfficeBackend(deps), directory, auth, listeners, stop, loaded };
}

describe("evaluate", () => {
  test("checks the draft as the handlers do and says what the policy does without a directory", async () => {
    const item = new FakeComposeItem(SENDER, { to: [named(ALL_STAFF, "Everyone")] });
    const { backend, loaded } = setUp(item, {
      settings: settingsWith({ directoryUnavailable: "block" }, CLIENT_ID, ["config.json is not valid JSON"]),
    });
    const snapshot = await backend.evaluate();
    expect(snapshot.decision).toMatchObject({ verdict: "block", reach: 840_000 });
    expect(snapshot.decision.recipients[0]?.displayName).toBe("Everyone");
    expect(snapshot).toMatchObject({
      acknowledged: false,
      needsSignIn: false,
      directoryUnavailableVerdict: "block",
      settingsProblems: ["config.json is not valid JSON"],
    });
    expect(loaded).toEqual(["compose"]);
    // The info bar agrees with the pane, as the compose handler would leave it.
    expect(item.infoBars.get(INFO_BAR_KEY)?.message).toBe(
      "This message reaches about 840,000 people through Everyone, over your organisation's limit of 5,000. Remove it before sending.",
    );
  });

  test("gives the directory the compose-time deadline", async () => {
    const deadlines: number[] = [];
    const directory: Directory = {
      resolve: async (addresses, options) => {
        deadlines.push(options.deadlineAt);
        return new Map(addresses.map((a) => [a, { entry: { kind: "person" }, source: "graph" } as const]));
      },
    };
    await setUp(new FakeComposeItem(SENDER, { to: [named(LEADS)] }), { directory }).backend.evaluate();
    expect(deadlines).toEqual([1_000_000 + COMPOSE_DEADLINE_MS]);
  });

  test.each([
    ["no token and an app registration", "no-token", CLIENT_ID, true],
    ["no token and no app registration", "no-token", "", false],
    ["a directory that is down", "unavailable", CLIENT_ID, false],
  ] as const)("with %s, needsSignIn is %s", async (_, cause, clientId, expected) => {
    const directory = new TableDirectory();
    directory.mode = "fail";
    directory.failure = { kind: "unknown", cause };
    const item = new FakeComposeItem(SENDER, { to: [named(LEADS)] });
    const snapshot = await setUp(item, {
      directory,
      settings: settingsWith({}, clientId),
    }).backend.evaluate();
    expect(snapshot.needsSignIn).toBe(expected);
  });

  test.each([
    ["cannot sign in at all", false, CLIENT_ID, { needsSignIn: false, signInUnsupported: true }],
    ["can sign in", true, CLIENT_ID, { needsSignIn: true, signInUnsupported: false }],
    ["has no app registration", false, "", { needsSignIn: false, signInUnsupported: false }],
  ] as const)("when this Outlook %s, the pane is told so", async (_, supported, clientId, expected) => {
    const directory = new TableDirectory();
    directory.mode = "fail";
    directory.failure = { kind: "unknown", cause: "no-token" };
    const item = new FakeComposeItem(SENDER, { to: [named(LEADS)] });
    const backend = createOfficeBackend({
      item,
      loadSettings: async () => settingsWith({}, clientId),
      directory: () => directory,
      auth: () => ({ getToken: async () => "", signIn: async () => undefined }),
      subscribeRecipientsChanged: async () => () => undefined,
      signInSupported: () => supported,
    });
    await expect(backend.evaluate()).resolves.toMatchObject(expected);
  });
});

describe("evaluate while the recipients change", () => {
  const table = () => new TableDirectory({ [LEADS]: list(312), [TEAM]: list(12) });

  test("checks again when the recipients changed during the check, and shows the current ones", async () => {
    const item = new FakeComposeItem(SENDER, { to: [named(LEADS)] });
    const held = heldDirectory(table());
    const { backend } = setUp(item, { directory: held.directory });
    const evaluating = backend.evaluate();
    await held.called;
    item.fields.cc.push(named(TEAM));
    held.release();
    const snapshot = await evaluating;
    expect(snapshot.decision).toMatchObject({ verdict: "warn", reach: 324 });
    expect(snapshot.decision.recipients.map((r) => r.address)).toEqual([LEADS, TEAM]);
    expect(item.infoBars.get(INFO_BAR_KEY)?.message).toMatch(/324 people/);
  });

  test("settles for the last check when every one is overtaken, and leaves the info bar alone", async () => {
    const item = new FakeComposeItem(SENDER, { to: [named(LEADS)] });
    const inner = table();
    let calls = 0;
    // The sender is still typing: each answer comes after one more recipient was added.
    const directory: Directory = {
      resolve: async (addresses, options) => {
        calls += 1;
        item.fields.cc.push(named(`person.${calls}@example.org`));
        return inner.resolve(addresses, options);
      },
    };
    const { backend } = setUp(item, { directory });
    const snapshot = await backend.evaluate();
    expect(calls).toBe(CHECK_ATTEMPTS);
    expect(snapshot.decision.recipients).toHaveLength(CHECK_ATTEMPTS);
    expect(item.infoBars.has(INFO_BAR_KEY)).toBe(false);
    expect(item.sessionData.size).toBe(0);
  });

  test("a confirmation given while a check ran is still there for the next", async () => {
    const item = new FakeComposeItem(SENDER, { to: [named(LEADS)] });
    const held = heldDirectory(table());
    const { backend } = setUp(item, { directory: held.directory });
    const slow = backend.evaluate();
    await held.called;
    item.fields.cc.push(named(TEAM));
    const current = await backend.evaluate();
    await backend.acknowledge(current.decision);
    held.release();
    await expect(slow).resolves.toMatchObject({ acknowledged: true, decision: { reach: 324 } });
    await expect(backend.evaluate()).resolves.toMatchObject({ acknowledged: true });
    expect(item.infoBars.has(INFO_BAR_KEY)).toBe(false);
  });
});

describe("fixes", () => {
  test("move to Bcc keeps display names, adds nothing twice and takes the lists out of To and Cc", async () => {
    const item = new FakeComposeItem(SENDER, {
      to: [named("Everyone@Example.org", "Everyone"), named("a.person@example.org", "A Person")],
      cc: [named(LEADS, "Clinical leads"), named(ALL_STAFF, "Everyone (again)")],
      bcc: [named(LEADS, "Clinical leads (Bcc)")],
    });
    const { backend } = setUp(item);
    await expect(backend.applyFix({ kind: "move-to-bcc", addresses: [ALL_STAFF, LEADS] })).resolves.toBe(
      "Moved 2 recipients to Bcc.",
    );
    expect(item.fields.bcc).toEqual([
      named(LEADS, "Clinical leads (Bcc)"),
      named("Everyone@Example.org", "Everyone"),
    ]);
    expect(item.fields.to).toEqual([named("a.person@example.org", "A Person")]);
    expect(item.fields.cc).toEqual([]);
    // Bcc first, appended rather than rewritten: if Outlook refused half-way, a list would be in
    // two fields, never in none.
    expect(item.changes).toEqual(["add:bcc", "set:to", "set:cc"]);
  });

  test("a refused field leaves every recipient in the draft", async () => {
    const item = new FakeComposeItem(SENDER, { to: [named(ALL_STAFF, "Everyone")] });
    item.refuseSet = "to";
    await expect(
      setUp(item).backend.applyFix({ kind: "move-to-bcc", addresses: [ALL_STAFF] }),
    ).rejects.toThrow("Office call to.setAsync failed");
    expect(item.addresses("to")).toEqual([ALL_STAFF]);
    expect(item.addresses("bcc")).toEqual([ALL_STAFF]);
  });

  test("remove takes the address out of whichever fields hold it, and nothing else", async () => {
    const item = new FakeComposeItem(SENDER, {
      to: [named(ALL_STAFF, "Everyone"), named("a.person@example.org")],
      cc: [named("EVERYONE@example.org")],
      bcc: [named(TEAM)],
    });
    const { backend } = setUp(item);
    await expect(backend.applyFix({ kind: "remove", addresses: [ALL_STAFF] })).resolves.toBe(
      "Removed 1 recipient.",
    );
    expect(item.addresses("to")).toEqual(["a.person@example.org"]);
    expect(item.addresses("cc")).toEqual([]);
    expect(item.sets.map(([field]) => field)).toEqual(["to", "cc"]);
  });

  test("an address that is not an email address is removed by what Outlook holds", async () => {
    const x500 = "/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=abc123-ward";
    const item = new FakeComposeItem(SENDER, { to: [named(x500, "Ward"), named(TEAM)] });
    const { backend } = setUp(item);
    const { decision } = await backend.evaluate();
    const invalid = decision.recipients.find((r) => r.kind === "invalid");
    await backend.applyFix({ kind: "remove", addresses: [invalid?.address ?? "?"] });
    expect(item.addresses("to")).toEqual([TEAM]);
  });

  test("remove external removes every recipient the last check classed external", async () => {
    const item = new FakeComposeItem(SENDER, {
      to: [named(PARTNER, "J Smith"), named("a.person@example.org")],
      cc: [named("guest@other.example.net"), named(LEADS)],
    });
    const directory = new TableDirectory({
      [PARTNER]: { kind: "external" },
      "guest@other.example.net": { kind: "external" },
      [LEADS]: list(312, 4),
    });
    const { backend } = setUp(item, { directory });
    await backend.evaluate();
    await expect(backend.applyFix({ kind: "remove-external" })).resolves.toBe("Removed 2 recipients.");
    expect(item.addresses("to")).toEqual(["a.person@example.org"]);
    // A list with outside members is not itself external: it stays for the sender to decide.
    expect(item.addresses("cc")).toEqual([LEADS]);
  });

  test("remove external checks first when the pane has not", async () => {
    const item = new FakeComposeItem(SENDER, { to: [named(PARTNER)], cc: [named(TEAM)] });
    const directory = new TableDirectory({ [PARTNER]: { kind: "external" }, [TEAM]: list(12) });
    const { backend } = setUp(item, { directory });
    await expect(backend.applyFix({ kind: "remove-external" })).resolves.toBe("Removed 1 recipient.");
    expect(directory.asked).toHaveLength(1);
    expect(item.addresses("to")).toEqual([]);
  });

  test("a field with a personal contact group is left as it is, and the sender is told", async () => {
    const group = { emailAddress: "", displayName: "My ward contacts", recipientType: "other" };
    const item = new FakeComposeItem(SENDER, {
      to: [named(ALL_STAFF, "Everyone"), named("a.person@example.org")],
      cc: [named(LEADS), group],
    });
    const { backend } = setUp(item);
    await expect(backend.applyFix({ kind: "move-to-bcc", addresses: [ALL_STAFF, LEADS] })).resolves.toBe(
      "Moved 1 recipient to Bcc. Cc was left as it is: it holds a personal contact group, so change it in the message.",
    );
    expect(item.changes).toEqual(["add:bcc", "set:to"]);
    expect(item.addresses("bcc")).toEqual([ALL_STAFF]);
    expect(item.fields.cc).toEqual([named(LEADS), group]);
  });

  test("a list also in a field that cannot be changed is left everywhere, not half moved", async () => {
    const group = { emailAddress: "", displayName: "My ward contacts", recipientType: "other" };
    const item = new FakeComposeItem(SENDER, { to: [named(ALL_STAFF)], cc: [named(ALL_STAFF), group] });
    const { backend } = setUp(item);
    await expect(backend.applyFix({ kind: "remove", addresses: [ALL_STAFF] })).resolves.toBe(
      "Cc was left as it is: it holds a personal contact group, so change it in the message.",
    );
    expect(item.changes).toEqual([]);
    expect(item.addresses("to")).toEqual([ALL_STAFF]);
  });

  test("a field at Outlook's getAsync cap is never rewritten, since Outlook did not list it all", async () => {
    const people = Array.from({ length: 120 }, (_, n) => named(`person${n}@example.org`));
    const item = new FakeComposeItem(SENDER, { to: [named(ALL_STAFF), ...people], cc: [named(LEADS)] });
    item.cap = 100;
    const { backend } = setUp(item);
    await expect(backend.applyFix({ kind: "remove", addresses: [ALL_STAFF, LEADS] })).resolves.toBe(
      "Removed 1 recipient. To was left as it is: Outlook did not list all of its recipients, so change it in the message.",
    );
    expect(item.changes).toEqual(["set:cc"]);
    expect(item.fields.to).toHaveLength(121);
  });

  test("a field of more than 100 recipients below the cap is rewritten whole", async () => {
    const people = Array.from({ length: 250 }, (_, n) => named(`person${n}@example.org`));
    const item = new FakeComposeItem(SENDER, {
      to: [...people.slice(0, 10), named(ALL_STAFF), ...people.slice(10)],
    });
    const { backend } = setUp(item);
    await expect(backend.applyFix({ kind: "move-to-bcc", addresses: [ALL_STAFF] })).resolves.toBe(
      "Moved 1 recipient to Bcc.",
    );
    expect(item.fields.to).toEqual(people);
    expect(item.addresses("bcc")).toEqual([ALL_STAFF]);
  });

  test("a fix for recipients no longer there changes nothing and says so", async () => {
    const item = new FakeComposeItem(SENDER, { to: [named("a.person@example.org")] });
    const { backend } = setUp(item);
    await expect(backend.applyFix({ kind: "remove", addresses: [ALL_STAFF] })).resolves.toMatch(
      /^Nothing to change/,
    );
    await expect(backend.applyFix({ kind: "move-to-bcc", addresses: [""] })).resolves.toMatch(
      /^Nothing to change/,
    );
    expect(item.sets).toEqual([]);
  });
});

describe("acknowledgement", () => {
  test("is bound to the recipient set it was given for, and a change voids it", async () => {
    const item = new FakeComposeItem(SENDER, { to: [named(LEADS, "Clinical leads")] });
    const { backend } = setUp(item);
    const first = await backend.evaluate();
    expect(first.decision.verdict).toBe("warn");
    await backend.acknowledge(first.decision);
    expect((await backend.evaluate()).acknowledged).toBe(true);

    item.fields.cc.push(named("a.person@example.org"));
    expect((await backend.evaluate()).acknowledged).toBe(false);
    // Back to the confirmed set: the change voided the confirmation; it is not revived.
    item.fields.cc = [];
    expect((await backend.evaluate()).acknowledged).toBe(false);
  });

  test("an acknowledgement given for older recipients does not count for the current ones", async () => {
    const item = new FakeComposeItem(SENDER, { to: [named(LEADS)] });
    const { backend } = setUp(item);
    const old = (await backend.evaluate()).decision;
    item.fields.to.push(named(TEAM));
    await backend.acknowledge(old);
    expect((await backend.evaluate()).acknowledged).toBe(false);
  });

  test("removes the info bar, since the sender has confirmed", async () => {
    const item = new FakeComposeItem(SENDER, { to: [named(LEADS)] });
    const { backend } = setUp(item);
    const { decision } = await backend.evaluate();
    expect(item.infoBars.has(INFO_BAR_KEY)).toBe(true);
    await backend.acknowledge(decision);
    expect(item.infoBars.has(INFO_BAR_KEY)).toBe(false);
    await backend.evaluate();
    expect(item.infoBars.has(INFO_BAR_KEY)).toBe(false);
  });

  test("a block cannot be acknowledged, and nothing is saved", async () => {
    const item = new FakeComposeItem(SENDER, { to: [named(ALL_STAFF)] });
    const { backend } = setUp(item);
    const { decision } = await backend.evaluate();
    const saved = new Map(item.sessionData);
    await expect(backend.acknowledge(decision)).rejects.toThrow(/cannot be acknowledged/);
    expect(item.sessionData).toEqual(saved);
    expect(item.infoBars.has(INFO_BAR_KEY)).toBe(true);
  });

  test("a broadcaster's block can be acknowledged", async () => {
    const item = new FakeComposeItem(SENDER, { to: [named(ALL_STAFF)] });
    const { backend } = setUp(item, { settings: settingsWith({ broadcasters: [SENDER] }) });
    const { decision } = await backend.evaluate();
    await backend.acknowledge(decision);
    expect((await backend.evaluate()).acknowledged).toBe(true);
  });

  test("rejects when Outlook does not save it, and leaves the info bar", async () => {
    const item = new FakeComposeItem(SENDER, { to: [named(LEADS)] });
    const { backend } = setUp(item);
    const { decision } = await backend.evaluate();
    item.refuseSessionData = true;
    await expect(backend.acknowledge(decision)).rejects.toThrow(/did not save/);
    expect(item.infoBars.has(INFO_BAR_KEY)).toBe(true);
  });
});

test("sign-in asks for every Graph permission the directory uses, on this deployment's Graph", async () => {
  const settings = {
    ...settingsWith(),
    config: { ...settingsWith().config, graphRoot: "https://graph.microsoft.us" },
  };
  const { backend, auth } = setUp(new FakeComposeItem(SENDER, { to: [named(LEADS)] }), { settings });
  await backend.signIn();
  expect(auth.signIn).toHaveBeenCalledWith([
    "https://graph.microsoft.us/Mail.Read",
    "https://graph.microsoft.us/GroupMember.Read.All",
  ]);
});

describe("recipients changed", () => {
  test("subscribes through the injected event and stops it on unsubscribe", async () => {
    const { backend, listeners, stop } = setUp(new FakeComposeItem(SENDER));
    const heard = jest.fn();
    const unsubscribe = backend.onRecipientsChanged(heard);
    await new Promise((resolve) => setImmediate(resolve));
    expect(listeners).toHaveLength(1);
    listeners[0]?.();
    expect(heard).toHaveBeenCalledTimes(1);
    unsubscribe();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  test("unsubscribing before Office has answered still stops the handler once it is added", async () => {
    const { backend, stop } = setUp(new FakeComposeItem(SENDER));
    backend.onRecipientsChanged(() => undefined)();
    expect(stop).not.toHaveBeenCalled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  test("an Outlook that refuses the event leaves the pane working", async () => {
    const item = new FakeComposeItem(SENDER);
    const backend = createOfficeBackend({
      item,
      loadSettings: async () => settingsWith(),
      directory: () => new TableDirectory(),
      auth: () => ({ getToken: async () => "", signIn: async () => undefined }),
      subscribeRecipientsChanged: () => {
        throw new Error("addHandlerAsync is not a function");
      },
    });
    const unsubscribe = backend.onRecipientsChanged(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => unsubscribe()).not.toThrow();
  });
});

describe("opened again while open", () => {
  test("subscribes through the injected event, and stops it on unsubscribe", async () => {
    const stop = jest.fn();
    const listeners: (() => void)[] = [];
    const backend = createOfficeBackend({
      item: new FakeComposeItem(SENDER),
      loadSettings: async () => settingsWith(),
      directory: () => new TableDirectory(),
      auth: () => ({ getToken: async () => "", signIn: async () => undefined }),
      subscribeRecipientsChanged: async () => () => undefined,
      subscribeReopened: async (listener) => {
        listeners.push(listener);
        return stop;
      },
    });
    const heard = jest.fn();
    const unsubscribe = backend.onReopened?.(heard);
    await new Promise((resolve) => setImmediate(resolve));
    listeners[0]?.();
    expect(heard).toHaveBeenCalledTimes(1);
    unsubscribe?.();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  test("without the event (before Mailbox 1.15) nothing is subscribed and nothing breaks", () => {
    const { backend } = setUp(new FakeComposeItem(SENDER));
    expect(() => backend.onReopened?.(() => undefined)()).not.toThrow();
  });
});
