/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, render, screen } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { officeReady } from "../../src/office/requirements";
import { startTaskPane, type StartOptions } from "../../src/taskpane/start";
import { createThemeSource, CONTRAST_QUERY } from "../../src/taskpane/theme";
import { TaskPane } from "../../src/taskpane/TaskPane";
import { decisionFor, FakeBackend, snapshotOf } from "./fakes";

// The entry's wiring, over a stand-in Office object: outside Outlook, inside it, and the theme.

interface Handler {
  readonly type: unknown;
  readonly handler: (args?: unknown) => void;
}

function fakeOffice(options: { item?: boolean; ready?: boolean; mailbox114?: boolean; theme?: string } = {}) {
  const itemHandlers: Handler[] = [];
  const mailboxHandlers: Handler[] = [];
  const ok = (callback?: (result: unknown) => void) => callback?.({ status: "succeeded", value: undefined });
  const item = {
    addHandlerAsync: (type: unknown, handler: Handler["handler"], callback?: (result: unknown) => void) => {
      itemHandlers.push({ type, handler });
      ok(callback);
    },
    removeHandlerAsync: () => undefined,
  };
  const office = {
    onReady: () =>
      options.ready === false ? new Promise(() => undefined) : Promise.resolve({ host: "Outlook" }),
    EventType: { RecipientsChanged: "olkRecipientsChanged", OfficeThemeChanged: "officeThemeChanged" },
    context: {
      officeTheme: { bodyBackgroundColor: options.theme ?? "#ffffff" },
      requirements: {
        isSetSupported: (_: string, version: string) => options.mailbox114 !== false || version < "1.14",
      },
      mailbox: {
        item: options.item === false ? null : item,
        addHandlerAsync: (
          type: unknown,
          handler: Handler["handler"],
          callback?: (result: unknown) => void,
        ) => {
          mailboxHandlers.push({ type, handler });
          ok(callback);
        },
        removeHandlerAsync: () => undefined,
      },
    },
  };
  return { office: office as unknown as typeof Office, itemHandlers, mailboxHandlers };
}

function startWith(office: typeof Office | undefined, matches = false) {
  const root = document.createElement("div");
  document.body.append(root);
  const mount = jest.fn<void, Parameters<StartOptions["mount"]>>();
  const listeners: (() => void)[] = [];
  const media = { matches, addEventListener: (_: string, listener: () => void) => listeners.push(listener) };
  const started = startTaskPane({
    root,
    baseUrl: "https://host.example.org/rg",
    office,
    window: { matchMedia: jest.fn(() => media as unknown as MediaQueryList) },
    mount,
  });
  return { root, mount, started, media, contrastChanged: () => listeners.forEach((listener) => listener()) };
}

afterEach(() => document.body.replaceChildren());

test("outside Outlook the page says one plain sentence instead of failing", async () => {
  const { root, mount, started } = startWith(undefined);
  await expect(started).resolves.toBe("outside-outlook");
  expect(root).toHaveTextContent("Open Reach Guard from a message you are writing in Outlook.");
  expect(mount).not.toHaveBeenCalled();
});

test("Office without an open message says the same", async () => {
  const { root, started } = startWith(fakeOffice({ item: false }).office);
  await expect(started).resolves.toBe("outside-outlook");
  expect(root).toHaveTextContent(/from a message you are writing/);
});

test("an Office.js that never starts gives up after the wait rather than hanging", async () => {
  await expect(officeReady(fakeOffice({ ready: false }).office, 5)).resolves.toBe(true);
  await expect(officeReady(fakeOffice({ ready: false, item: false }).office, 5)).resolves.toBe(false);
});

test("in Outlook the pane is mounted with a backend on the draft and Office's theme", async () => {
  const { office, itemHandlers, mailboxHandlers } = fakeOffice({ theme: "#1f1f1f" });
  const { mount, started } = startWith(office);
  await expect(started).resolves.toBe("mounted");
  const [, backend, theme] = mount.mock.calls[0] ?? [];
  expect(theme?.current()).toBe("dark");

  const heard = jest.fn();
  backend?.onRecipientsChanged(heard);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(itemHandlers.map((h) => h.type)).toEqual(["olkRecipientsChanged"]);
  itemHandlers[0]?.handler();
  expect(heard).toHaveBeenCalledTimes(1);

  // The user switches Office to a light theme while the pane is open.
  const changed = jest.fn();
  theme?.subscribe(changed);
  expect(mailboxHandlers.map((h) => h.type)).toEqual(["officeThemeChanged"]);
  mailboxHandlers[0]?.handler({ officeTheme: { bodyBackgroundColor: "#fafafa" } });
  expect(theme?.current()).toBe("light");
  expect(changed).toHaveBeenCalledTimes(1);
});

test("forced colours or a request for more contrast give the high-contrast theme, and follow changes", async () => {
  const { office } = fakeOffice({ mailbox114: false });
  const { mount, started, media, contrastChanged } = startWith(office, true);
  await started;
  const theme = mount.mock.calls[0]?.[2];
  expect(theme?.current()).toBe("high-contrast");
  media.matches = false;
  contrastChanged();
  expect(theme?.current()).toBe("light");
});

test("the pane redraws in the new theme when it changes", async () => {
  let notify: (theme: { bodyBackgroundColor?: string } | null) => void = () => undefined;
  const source = createThemeSource({
    officeTheme: () => ({ bodyBackgroundColor: "#ffffff" }),
    onOfficeThemeChanged: (listener) => (notify = listener),
    matchMedia: (query) => ({ matches: query !== CONTRAST_QUERY, addEventListener: () => undefined }),
  });
  render(
    <TaskPane backend={new FakeBackend(snapshotOf(decisionFor({ to: ["a@example.org"] })))} theme={source} />,
  );
  await screen.findByRole("heading", { level: 1 });
  const css = () =>
    [...document.querySelectorAll("style")]
      .flatMap((style) => [
        style.textContent ?? "",
        ...[...(style.sheet?.cssRules ?? [])].map((rule) => rule.cssText),
      ])
      .join("\n");
  expect(css()).toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1}`);
  act(() => notify({ bodyBackgroundColor: "#292929" }));
  expect(css()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
});
