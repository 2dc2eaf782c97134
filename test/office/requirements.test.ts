import {
  isMac,
  officePlatform,
  officeTheme,
  onInitializationContextChanged,
  onRecipientsChanged,
  outlookHostName,
  supportsMailbox,
} from "../../src/office/requirements";
import { OfficeCallError } from "../../src/office/office-call";

const asOffice = (value: object) => value as unknown as typeof Office;

describe("supportsMailbox", () => {
  it("asks for the Mailbox set at the version given and answers what Office says", () => {
    const isSetSupported = jest.fn((_name: string, version: string) => version <= "1.13");
    const office = asOffice({ context: { requirements: { isSetSupported } } });
    expect(supportsMailbox("1.12", office)).toBe(true);
    expect(supportsMailbox("1.14", office)).toBe(false);
    expect(isSetSupported.mock.calls).toEqual([
      ["Mailbox", "1.12"],
      ["Mailbox", "1.14"],
    ]);
  });

  it("is false when Office cannot say: it throws, answers something odd, or is not there", () => {
    const throwing = asOffice({
      context: {
        requirements: {
          isSetSupported: () => {
            throw new Error("not ready");
          },
        },
      },
    });
    expect(supportsMailbox("1.14", throwing)).toBe(false);
    expect(
      supportsMailbox("1.14", asOffice({ context: { requirements: { isSetSupported: () => "yes" } } })),
    ).toBe(false);
    expect(supportsMailbox("1.14", asOffice({ context: {} }))).toBe(false);
    expect(supportsMailbox("1.14", undefined)).toBe(false);
  });
});

describe("officeTheme", () => {
  it("gives the host's theme, else null", () => {
    const theme = { bodyBackgroundColor: "#1f1f1f" };
    expect(officeTheme(asOffice({ context: { officeTheme: theme } }))).toBe(theme);
    expect(officeTheme(asOffice({ context: {} }))).toBeNull();
    expect(officeTheme(undefined)).toBeNull();
    const throwing = asOffice({
      context: {
        get officeTheme() {
          throw new Error("not available in this host");
        },
      },
    });
    expect(officeTheme(throwing)).toBeNull();
  });
});

/** An item whose RecipientsChanged handlers can be fired; registration answers as told. */
function itemWithEvents(answer: { status: string; error?: { code: number } } = { status: "succeeded" }) {
  const handlers = new Map<string, () => void>();
  const item = {
    removeCalls: [] as string[],
    closed: false,
    addHandlerAsync(type: string, handler: () => void, callback: (result: object) => void) {
      if (answer.status === "succeeded") handlers.set(type, handler);
      void Promise.resolve().then(() => callback({ ...answer, value: undefined }));
    },
    removeHandlerAsync(type: string, callback: (result: object) => void) {
      if (item.closed) throw new Error("The item is closed");
      item.removeCalls.push(type);
      handlers.delete(type);
      void Promise.resolve().then(() => callback({ status: "succeeded", value: undefined }));
    },
    fire: (type: string) => handlers.get(type)?.(),
  };
  return item;
}

describe("onRecipientsChanged", () => {
  it("calls the listener on RecipientsChanged until stopped", async () => {
    const item = itemWithEvents();
    const office = asOffice({
      EventType: { RecipientsChanged: "olkRecipientsChanged" },
      context: { mailbox: { item } },
    });
    const listener = jest.fn();
    const stop = await onRecipientsChanged(listener, office);
    item.fire("olkRecipientsChanged");
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    expect(item.removeCalls).toEqual(["olkRecipientsChanged"]);
    item.fire("olkRecipientsChanged");
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("uses Office's event name where EventType is missing", async () => {
    const item = itemWithEvents();
    const listener = jest.fn();
    await onRecipientsChanged(listener, asOffice({ context: { mailbox: { item } } }));
    item.fire("olkRecipientsChanged");
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("rejects when Outlook refuses the handler, so the caller knows it will not hear of changes", async () => {
    const item = itemWithEvents({ status: "failed", error: { code: 9999 } });
    const office = asOffice({ context: { mailbox: { item } } });
    await expect(onRecipientsChanged(jest.fn(), office)).rejects.toBeInstanceOf(OfficeCallError);
  });

  it("stopping after the item has closed does not throw", async () => {
    const item = itemWithEvents();
    const stop = await onRecipientsChanged(jest.fn(), asOffice({ context: { mailbox: { item } } }));
    item.closed = true;
    expect(() => stop()).not.toThrow();
  });
});

describe("officePlatform, outlookHostName and isMac", () => {
  it("read what Office says, diagnostics where context.platform is missing, else null", () => {
    expect(officePlatform(asOffice({ context: { platform: "Mac" } }))).toBe("Mac");
    expect(officePlatform(asOffice({ context: { diagnostics: { platform: "PC" } } }))).toBe("PC");
    expect(officePlatform(asOffice({ context: {} }))).toBeNull();
    expect(officePlatform(undefined)).toBeNull();
    expect(isMac(asOffice({ context: { platform: "Mac" } }))).toBe(true);
    expect(isMac(asOffice({ context: { platform: "OfficeOnline" } }))).toBe(false);
    expect(
      outlookHostName(asOffice({ context: { mailbox: { diagnostics: { hostName: "Outlook" } } } })),
    ).toBe("Outlook");
    const throwing = asOffice({
      context: {
        get platform() {
          throw new Error("not ready");
        },
      },
    });
    expect(officePlatform(throwing)).toBeNull();
  });
});

describe("onInitializationContextChanged", () => {
  const withMailbox = (version: string, item: object) =>
    asOffice({
      EventType: { InitializationContextChanged: "olkInitializationContextChanged" },
      context: {
        requirements: { isSetSupported: (_name: string, asked: string) => asked <= version },
        mailbox: { item },
      },
    });

  it("with Mailbox 1.15, calls the listener when Outlook opens the pane again, on the item, until stopped", async () => {
    const item = itemWithEvents();
    const listener = jest.fn();
    const stop = await onInitializationContextChanged(listener, withMailbox("1.15", item));
    item.fire("olkInitializationContextChanged");
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    expect(item.removeCalls).toEqual(["olkInitializationContextChanged"]);
  });

  it("before Mailbox 1.15 registers nothing; a refusal or a throw is a no-op too", async () => {
    const older = itemWithEvents();
    const stop = await onInitializationContextChanged(jest.fn(), withMailbox("1.14", older));
    older.fire("olkInitializationContextChanged");
    expect(() => stop()).not.toThrow();
    const refusing = itemWithEvents({ status: "failed", error: { code: 9999 } });
    await expect(onInitializationContextChanged(jest.fn(), withMailbox("1.15", refusing))).resolves.toEqual(
      expect.any(Function),
    );
    await expect(onInitializationContextChanged(jest.fn(), withMailbox("1.15", {}))).resolves.toEqual(
      expect.any(Function),
    );
  });
});
