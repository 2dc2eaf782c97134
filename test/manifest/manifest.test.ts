import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEVELOPMENT_BASE_URL, MANIFEST, renderManifest } from "../../scripts/build/deployment-files";
import { resolveOptions } from "../../scripts/build/options";
import { HANDLER_NAMES } from "../../src/events/register";
import { loadEventBundle } from "../build/events-vm";
import { runBuild, tempOutDir } from "../build/run-build";
import {
  localeOverrideProblems,
  MOBILE_LAUNCH_EVENTS,
  mobileLaunchEventProblems,
  ORDER,
  orderProblems,
  residProblems,
  resources,
  stringLengthProblems,
  urlProblems,
  urlsIn,
} from "./checks";
import { pngSize } from "./png";
import { childrenNamed, descendants, only, parseXml, type XmlElement } from "./xml";

// What Microsoft's online validator (and Outlook at install) would reject, checked offline on both
// manifests: the development manifest at the root of the repository (the add-in as `npm start`
// serves it on localhost), and the copy `npm run build` writes for an admin. The validator itself:
// see DEPLOY.md.

const BASE = "https://addins.example.org/reach-guard";
const CLIENT_ID = "6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f";
const TENANT_ID = "contoso.onmicrosoft.com";
const outDir = tempOutDir("manifest");
/** Every string users read is also in Welsh. */
const WELSH = "cy-GB";

interface Subject {
  readonly name: string;
  /** The base URL every URL of the manifest is on. */
  readonly base: string;
  /** Plain http allowed: the development manifest, on npm start's loopback server. */
  readonly loopbackHttp: boolean;
  xml: string;
  app: XmlElement;
}

const development: Subject = {
  name: "the development manifest (manifest.xml)",
  base: DEVELOPMENT_BASE_URL,
  loopbackHttp: true,
  xml: "",
  app: { name: "", attrs: {}, children: [], text: "" },
};
const built: Subject = {
  name: "the built manifest (dist/manifest.xml)",
  base: BASE,
  loopbackHttp: false,
  xml: "",
  app: { name: "", attrs: {}, children: [], text: "" },
};

function inner(root: XmlElement): XmlElement {
  return only(only(root, "VersionOverrides"), "VersionOverrides");
}
function mailHost(root: XmlElement): XmlElement {
  return only(only(inner(root), "Hosts"), "Host");
}
function extensionPoint(root: XmlElement, type: string): XmlElement {
  const desktop = only(mailHost(root), "DesktopFormFactor");
  const found = childrenNamed(desktop, "ExtensionPoint").filter((point) => point.attrs["xsi:type"] === type);
  if (found.length !== 1 || !found[0])
    throw new Error(`expected one ${type} extension point, found ${found.length}`);
  return found[0];
}
/** Type to FunctionName of a LaunchEvent extension point. */
function launchEvents(point: XmlElement): Record<string, string> {
  return Object.fromEntries(
    only(point, "LaunchEvents").children.map((event) => [
      event.attrs.Type ?? "",
      event.attrs.FunctionName ?? "",
    ]),
  );
}
function mobileLaunchPoint(root: XmlElement): XmlElement {
  const found = childrenNamed(only(mailHost(root), "MobileFormFactor"), "ExtensionPoint").filter(
    (point) => point.attrs["xsi:type"] === "LaunchEvent",
  );
  if (found.length !== 1 || !found[0])
    throw new Error(`expected one mobile LaunchEvent, found ${found.length}`);
  return found[0];
}
function urlOf(root: XmlElement, resid: string | undefined): string {
  const url = resources(only(inner(root), "Resources"))
    .get("bt:Urls")
    ?.get(resid ?? "");
  if (url === undefined) throw new Error(`no bt:Url ${resid}`);
  return url;
}
/** The built file a URL names: npm start serves the same files on its base as an admin's host on theirs. */
function fileFor(url: string, base: string): string {
  if (!url.startsWith(`${base}/`)) throw new Error(`${url} is not on ${base}`);
  return join(outDir, url.slice(base.length + 1));
}

beforeAll(async () => {
  // An admin's build: an https host needs the app registration's ids.
  const run = await runBuild([
    "--base-url",
    BASE,
    "--out",
    outDir,
    "--only",
    "events",
    "--no-cache",
    "--client-id",
    CLIENT_ID,
    "--tenant-id",
    TENANT_ID,
  ]);
  if (run.code !== 0) throw new Error(`build failed (${run.code}):\n${run.stderr}`);
  built.xml = readFileSync(join(outDir, "manifest.xml"), "utf8");
  built.app = parseXml(built.xml);
  development.xml = readFileSync(MANIFEST, "utf8");
  development.app = parseXml(development.xml);
}, 150_000);

describe.each([development, built])("$name", (subject) => {
  let app: XmlElement;
  let xml: string;
  let base: string;
  beforeAll(() => {
    ({ app, xml, base } = subject);
  });

  describe("the manifest's document", () => {
    test("is a MailApp in the add-in manifest namespace", () => {
      expect(app.name).toBe("OfficeApp");
      expect(app.attrs).toMatchObject({
        xmlns: "http://schemas.microsoft.com/office/appforoffice/1.1",
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xmlns:bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
        "xsi:type": "MailApp",
      });
    });

    test("keeps OfficeApp's children in schema order, with the required ones present", () => {
      expect(orderProblems(app, ORDER.OfficeApp ?? [])).toEqual([]);
      const names = app.children.map((child) => child.name);
      for (const required of [
        "Id",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
      ]) {
        expect(names).toContain(required);
      }
      for (const required of ["SupportUrl", "Requirements", "FormSettings", "Permissions", "Rule"]) {
        expect(names).toContain(required);
      }
    });

    test("has a fixed GUID, a valid version, en-GB and names within their limits, overrides too", () => {
      expect(only(app, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(only(app, "Version").text).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
      expect(only(app, "DefaultLocale").text).toBe("en-GB");
      expect(only(app, "DisplayName").attrs.DefaultValue).toBe("Reach Guard");
      for (const [name, limit] of [
        ["DisplayName", 125],
        ["Description", 250],
      ] as const) {
        const element = only(app, name);
        for (const value of [element.attrs.DefaultValue, ...element.children.map((o) => o.attrs.Value)]) {
          expect({ name, value, fits: (value ?? "").length > 0 && (value ?? "").length <= limit }).toEqual({
            name,
            value,
            fits: true,
          });
        }
      }
    });

    test(`is in Welsh too: one ${WELSH} override for DisplayName, Description and every string`, () => {
      expect(localeOverrideProblems(app, WELSH)).toEqual([]);
      const welsh = (element: XmlElement) =>
        element.children.find((child) => child.attrs.Locale === WELSH)?.attrs.Value;
      expect(welsh(only(app, "DisplayName"))).toBe("Reach Guard");
      const strings = descendants(only(inner(app), "Resources")).filter((e) => e.name === "bt:String");
      const byId = new Map(strings.map((element) => [element.attrs.id, welsh(element)]));
      expect(byId.get("TaskpaneButton.Label")).toBe("Adolygu derbynwyr");
      // The description is the same text in both places it is declared, in each language.
      expect(byId.get("AddinDescription")).toBe(welsh(only(app, "Description")));
      expect(only(app, "Description").attrs.DefaultValue).toBe(
        strings.find((element) => element.attrs.id === "AddinDescription")?.attrs.DefaultValue,
      );
    });

    test("asks for ReadWriteItem and activates on messages being composed", () => {
      expect(only(app, "Permissions").text).toBe("ReadWriteItem");
      expect(only(app, "Rule").attrs).toMatchObject({
        "xsi:type": "ItemIs",
        ItemType: "Message",
        FormType: "Edit",
      });
      const form = only(only(app, "FormSettings"), "Form");
      expect(form.attrs["xsi:type"]).toBe("ItemEdit");
      expect(orderProblems(only(form, "DesktopSettings"), ORDER.DesktopSettings ?? [])).toEqual([]);
    });

    test("requires Mailbox 1.1 outside VersionOverrides", () => {
      const set = only(only(only(app, "Requirements"), "Sets"), "Set");
      expect(set.attrs).toMatchObject({ Name: "Mailbox", MinVersion: "1.1" });
    });
  });

  describe("VersionOverrides", () => {
    test("nests V1_1 inside V1_0, each in its own namespace", () => {
      const outer = only(app, "VersionOverrides");
      expect(outer.attrs).toMatchObject({
        xmlns: "http://schemas.microsoft.com/office/mailappversionoverrides",
        "xsi:type": "VersionOverridesV1_0",
      });
      expect(outer.children.map((child) => child.name)).toEqual(["VersionOverrides"]);
      expect(inner(app).attrs).toMatchObject({
        xmlns: "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
        "xsi:type": "VersionOverridesV1_1",
      });
    });

    test("keeps V1_1, the host, the form factor, controls and resources in schema order", () => {
      const problems = [
        ...orderProblems(inner(app), ORDER.VersionOverridesV1_1 ?? [], "VersionOverridesV1_1"),
        ...orderProblems(mailHost(app), ORDER.Host ?? []),
        ...orderProblems(only(mailHost(app), "DesktopFormFactor"), ORDER.DesktopFormFactor ?? []),
        ...orderProblems(only(mailHost(app), "MobileFormFactor"), ORDER.MobileFormFactor ?? []),
        ...orderProblems(only(inner(app), "Resources"), ORDER.Resources ?? []),
        ...descendants(inner(app))
          .filter((element) => ["Control", "Supertip", "bt:String"].includes(element.name))
          .flatMap((element) => orderProblems(element, ORDER[element.name] ?? [])),
        ...orderProblems(only(app, "DisplayName"), ORDER.DisplayName ?? []),
        ...orderProblems(only(app, "Description"), ORDER.Description ?? []),
      ];
      expect(problems).toEqual([]);
    });

    test("supports shared and delegated mailboxes, declared as the form factor's first child", () => {
      const desktop = only(mailHost(app), "DesktopFormFactor");
      expect(desktop.children[0]?.name).toBe("SupportsSharedFolders");
      expect(only(desktop, "SupportsSharedFolders").text).toBe("true");
    });

    test("requires Mailbox 1.12 in V1_1", () => {
      const sets = only(only(inner(app), "Requirements"), "bt:Sets");
      expect(sets.attrs.DefaultMinVersion).toBe("1.12");
      expect(only(sets, "bt:Set").attrs.Name).toBe("Mailbox");
    });

    test("resolves every resid to a resource of the right kind", () => {
      expect(residProblems(inner(app), only(inner(app), "Resources"))).toEqual([]);
    });

    test("keeps ShortStrings within 125 characters and LongStrings within 250", () => {
      expect(stringLengthProblems(only(inner(app), "Resources"))).toEqual([]);
    });

    test("has one runtime: the HTML page, overridden by the JavaScript bundle for classic Windows", () => {
      const runtime = only(only(mailHost(app), "Runtimes"), "Runtime");
      expect(urlOf(app, runtime.attrs.resid)).toBe(`${base}/commands.html`);
      const override = only(runtime, "Override");
      expect(override.attrs.type).toBe("javascript");
      expect(urlOf(app, override.attrs.resid)).toBe(`${base}/events.js`);
      expect(urlOf(app, only(only(mailHost(app), "DesktopFormFactor"), "FunctionFile").attrs.resid)).toBe(
        `${base}/commands.html`,
      );
    });

    test("declares the four launch events with their handlers, on the runtime, SoftBlock by default", () => {
      const point = extensionPoint(app, "LaunchEvent");
      const events = only(point, "LaunchEvents").children.map((event) => event.attrs);
      expect(events.map(({ Type, FunctionName }) => [Type, FunctionName]).sort()).toEqual([
        ["OnMessageCompose", "onMessageComposeHandler"],
        ["OnMessageFromChanged", "onMessageFromChangedHandler"],
        ["OnMessageRecipientsChanged", "onMessageRecipientsChangedHandler"],
        ["OnMessageSend", "onMessageSendHandler"],
      ]);
      expect(events.find((event) => event.Type === "OnMessageSend")?.SendMode).toBe("SoftBlock");
      const runtime = only(only(mailHost(app), "Runtimes"), "Runtime");
      expect(only(point, "SourceLocation").attrs.resid).toBe(runtime.attrs.resid);
    });

    test("declares for iOS and Android the three events mobile raises, with the desktop handlers, on the HTML page", () => {
      const runtime = only(only(mailHost(app), "Runtimes"), "Runtime");
      const mobile = only(mailHost(app), "MobileFormFactor");
      expect(mobileLaunchEventProblems(mobile, runtime.attrs.resid ?? "")).toEqual([]);
      const point = mobileLaunchPoint(app);
      // The page, not classic Windows' JavaScript-only bundle: phones run the browser runtime.
      expect(urlOf(app, only(point, "SourceLocation").attrs.resid)).toBe(`${base}/commands.html`);
      const mobileEvents = launchEvents(point);
      expect(Object.keys(mobileEvents).sort()).toEqual([...MOBILE_LAUNCH_EVENTS].sort());
      expect(mobileEvents).toEqual({
        OnNewMessageCompose: HANDLER_NAMES.compose,
        OnMessageRecipientsChanged: HANDLER_NAMES.recipientsChanged,
        OnMessageFromChanged: HANDLER_NAMES.fromChanged,
      });
      // The same work as on desktop: a new message, reply or forward is OnMessageCompose there.
      const desktop = launchEvents(extensionPoint(app, "LaunchEvent"));
      expect(mobileEvents.OnNewMessageCompose).toBe(desktop.OnMessageCompose);
      expect(mobileEvents.OnMessageRecipientsChanged).toBe(desktop.OnMessageRecipientsChanged);
      expect(mobileEvents.OnMessageFromChanged).toBe(desktop.OnMessageFromChanged);
    });

    test("gives phones no send handler and no compose button: mobile has neither", () => {
      const mobile = only(mailHost(app), "MobileFormFactor");
      const types = descendants(mobile)
        .filter((element) => element.name === "LaunchEvent")
        .map((event) => event.attrs.Type);
      expect(types).not.toContain("OnMessageSend");
      expect(descendants(mobile).filter((element) => element.name === "Control")).toEqual([]);
      expect(childrenNamed(mobile, "ExtensionPoint").map((point) => point.attrs["xsi:type"])).toEqual([
        "LaunchEvent",
      ]);
    });

    test("has the Review recipients button that the send handler and info bar open by id", () => {
      const point = extensionPoint(app, "MessageComposeCommandSurface");
      const control = descendants(point).find((element) => element.name === "Control");
      expect(control?.attrs).toMatchObject({ "xsi:type": "Button", id: "msgComposeOpenPaneButton" });
      const action = control && only(control, "Action");
      expect(action?.attrs["xsi:type"]).toBe("ShowTaskpane");
      expect(urlOf(app, action && only(action, "SourceLocation").attrs.resid)).toBe(`${base}/taskpane.html`);
      const label = resources(only(inner(app), "Resources"))
        .get("bt:ShortStrings")
        ?.get(control ? (only(control, "Label").attrs.resid ?? "") : "");
      expect(label).toBe("Review recipients");
    });
  });

  describe("URLs and icons", () => {
    test("every URL is on the base URL (AppDomain: its origin), https or npm start's loopback http", () => {
      expect(urlProblems(app, { loopbackHttp: subject.loopbackHttp })).toEqual([]);
      const origin = new URL(base).origin;
      expect(urlsIn(app).filter((url) => !url.startsWith(`${base}/`) && url !== origin)).toEqual([]);
      expect(xml).not.toContain("${");
      expect(only(only(app, "AppDomains"), "AppDomain").text).toBe(origin);
    });

    test("every icon exists at the size it is declared with", () => {
      const images = resources(only(inner(app), "Resources")).get("bt:Images") ?? new Map<string, string>();
      const declared = descendants(inner(app))
        .filter((element) => element.name === "bt:Image" && element.attrs.size !== undefined)
        .map((element) => [Number(element.attrs.size), images.get(element.attrs.resid ?? "") ?? ""] as const);
      const sizes = declared.map(([size]) => size);
      expect(sizes).toEqual(expect.arrayContaining([16, 32, 80]));
      const all = [
        ...declared,
        [64, only(app, "IconUrl").attrs.DefaultValue ?? ""] as const,
        [128, only(app, "HighResolutionIconUrl").attrs.DefaultValue ?? ""] as const,
      ];
      for (const [size, url] of all) {
        const file = fileFor(url, base);
        expect(existsSync(file)).toBe(true);
        expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
      }
    });
  });

  describe("the event bundle the manifest points at", () => {
    test("registers every FunctionName with Office.actions.associate, with no browser globals", () => {
      const functionNames = only(extensionPoint(app, "LaunchEvent"), "LaunchEvents").children.map(
        (event) => event.attrs.FunctionName ?? "",
      );
      const bundle = readFileSync(fileFor(urlOf(app, "JSRuntime.Url"), base), "utf8");
      const { registered, error } = loadEventBundle(bundle);
      expect(error).toBeNull();
      expect([...registered].sort()).toEqual([...functionNames].sort());
      // Phones load the page, which runs the same bundle: every mobile handler is registered too.
      const mobileNames = Object.values(launchEvents(mobileLaunchPoint(app)));
      expect(mobileNames.filter((name) => ![...registered].includes(name))).toEqual([]);
    });
  });
});

describe("the two manifests", () => {
  test("the built one is the development one with the build's base URL, version and send mode", () => {
    const options = resolveOptions({ baseUrl: BASE, clientId: CLIENT_ID, tenantId: TENANT_ID }, {});
    expect(built.xml).toBe(renderManifest(options, development.xml));
  });

  test("the development one points at what npm start serves, and is what its build writes", () => {
    expect(DEVELOPMENT_BASE_URL).toBe("http://localhost:3000");
    expect(renderManifest(resolveOptions({ baseUrl: DEVELOPMENT_BASE_URL }, {}))).toBe(development.xml);
  });
});

describe("the offline checks themselves", () => {
  // A check that cannot fail proves nothing: each one is shown catching a broken manifest.
  let xml = "";
  beforeAll(() => {
    xml = built.xml;
  });
  const broken = (from: string | RegExp, to: string) => parseXml(xml.replace(from, to));

  test("catch an element out of order", () => {
    const moved = xml
      .replace("<Permissions>ReadWriteItem</Permissions>", "")
      .replace(
        "</DisableEntityHighlighting>",
        "</DisableEntityHighlighting><Permissions>ReadWriteItem</Permissions>",
      );
    expect(orderProblems(parseXml(moved), ORDER.OfficeApp ?? [])).toEqual([
      "<Permissions> comes after <DisableEntityHighlighting> in OfficeApp",
    ]);
  });

  test("catch SupportsSharedFolders anywhere but first in DesktopFormFactor", () => {
    const shared = "<SupportsSharedFolders>true</SupportsSharedFolders>";
    const last = parseXml(
      xml.replace(shared, "").replace("</DesktopFormFactor>", `${shared}</DesktopFormFactor>`),
    );
    expect(orderProblems(only(mailHost(last), "DesktopFormFactor"), ORDER.DesktopFormFactor ?? [])).toEqual([
      "<SupportsSharedFolders> comes after <ExtensionPoint> in DesktopFormFactor",
    ]);
    const second = parseXml(
      xml
        .replace(shared, "")
        .replace('<FunctionFile resid="Commands.Url"/>', `<FunctionFile resid="Commands.Url"/>${shared}`),
    );
    expect(orderProblems(only(mailHost(second), "DesktopFormFactor"), ORDER.DesktopFormFactor ?? [])).toEqual(
      ["<SupportsSharedFolders> comes after <FunctionFile> in DesktopFormFactor"],
    );
  });

  test("catch a mobile event that phones never raise, a send mode, or the bundle as the mobile source", () => {
    const mobileOf = (root: XmlElement) => only(mailHost(root), "MobileFormFactor");
    const mobileStart = xml.indexOf("<MobileFormFactor>");
    const inMobile = (from: string, to: string) =>
      parseXml(xml.slice(0, mobileStart) + xml.slice(mobileStart).replace(from, to));
    const send = inMobile(
      "</LaunchEvents>",
      '<LaunchEvent Type="OnMessageSend" FunctionName="onMessageSendHandler" SendMode="SoftBlock"/></LaunchEvents>',
    );
    expect(mobileLaunchEventProblems(mobileOf(send), "WebViewRuntime.Url")).toEqual([
      "Outlook on mobile never raises OnMessageSend",
      "OnMessageSend has a SendMode on mobile",
    ]);
    const desktopName = inMobile('Type="OnNewMessageCompose"', 'Type="OnMessageCompose"');
    expect(mobileLaunchEventProblems(mobileOf(desktopName), "WebViewRuntime.Url")).toEqual([
      "Outlook on mobile never raises OnMessageCompose",
    ]);
    const bundle = inMobile(
      '<SourceLocation resid="WebViewRuntime.Url"/>',
      '<SourceLocation resid="JSRuntime.Url"/>',
    );
    expect(mobileLaunchEventProblems(mobileOf(bundle), "WebViewRuntime.Url")).toEqual([
      "mobile launch events run from JSRuntime.Url, not the browser runtime WebViewRuntime.Url",
    ]);
    const button = inMobile(
      '<ExtensionPoint xsi:type="LaunchEvent">',
      '<ExtensionPoint xsi:type="MessageComposeCommandSurface"/><ExtensionPoint xsi:type="LaunchEvent">',
    );
    expect(mobileLaunchEventProblems(mobileOf(button), "WebViewRuntime.Url")).toEqual([
      "MobileFormFactor has no MessageComposeCommandSurface extension point",
    ]);
  });

  test("catch a resid with no resource, or one of the wrong kind", () => {
    const missing = broken('resid="Taskpane.Url"', 'resid="Taskpane.Missing"');
    expect(residProblems(inner(missing), only(inner(missing), "Resources"))).toEqual(
      expect.arrayContaining(['<SourceLocation resid="Taskpane.Missing"> has no entry in bt:Urls']),
    );
    const wrongKind = broken('<Label resid="GroupLabel"/>', '<Label resid="TaskpaneButton.Tooltip"/>');
    expect(residProblems(inner(wrongKind), only(inner(wrongKind), "Resources"))).toEqual(
      expect.arrayContaining(['<Label resid="TaskpaneButton.Tooltip"> has no entry in bt:ShortStrings']),
    );
  });

  test("catch a string over its limit and a URL that is not https", () => {
    const long = broken('DefaultValue="Review recipients"', `DefaultValue="${"x".repeat(126)}"`);
    expect(stringLengthProblems(only(inner(long), "Resources"))).toHaveLength(1);
    const plain = broken(`${BASE}/taskpane.html"`, 'http://addins.example.org/taskpane.html"');
    expect(urlProblems(plain)).toEqual(["http://addins.example.org/taskpane.html is not https"]);
  });

  test("catch plain http, except on a loopback host where the development manifest may use it", () => {
    const local = parseXml(development.xml);
    expect(urlProblems(local)).toContain(`${DEVELOPMENT_BASE_URL}/taskpane.html is not https`);
    expect(urlProblems(local, { loopbackHttp: true })).toEqual([]);
    const elsewhere = parseXml(
      development.xml.replace(
        `${DEVELOPMENT_BASE_URL}/taskpane.html`,
        "http://addins.example.org/taskpane.html",
      ),
    );
    expect(urlProblems(elsewhere, { loopbackHttp: true })).toEqual([
      "http://addins.example.org/taskpane.html is not https",
    ]);
  });

  test("catch a string without its Welsh override, with two, with an empty one, or overriding en-GB", () => {
    const welshLabel = '<bt:Override Locale="cy-GB" Value="Adolygu derbynwyr"/>';
    expect(localeOverrideProblems(broken(welshLabel, ""), WELSH)).toEqual([
      'bt:String "TaskpaneButton.Label" has 0 cy-GB overrides, expected 1',
    ]);
    expect(localeOverrideProblems(broken(welshLabel, welshLabel.repeat(2)), WELSH)).toEqual([
      'bt:String "TaskpaneButton.Label" has 2 cy-GB overrides, expected 1',
      'bt:String "TaskpaneButton.Label" overrides cy-gb twice',
    ]);
    expect(
      localeOverrideProblems(broken(welshLabel, '<bt:Override Locale="cy-GB" Value=" "/>'), WELSH),
    ).toEqual(['bt:String "TaskpaneButton.Label" has an empty cy-GB override']);
    const english = broken(
      '<Override Locale="cy-GB" Value="Reach Guard"/>',
      '<Override Locale="cy-GB" Value="Reach Guard"/><Override Locale="en-gb" Value="Reach Guard"/>',
    );
    expect(localeOverrideProblems(english, WELSH)).toEqual([
      "<DisplayName> overrides the default locale en-gb",
    ]);
    const description = broken(
      /<Description DefaultValue="([^"]*)">[\s\S]*?<\/Description>/,
      '<Description DefaultValue="$1"/>',
    );
    expect(localeOverrideProblems(description, WELSH)).toEqual([
      "<Description> has 0 cy-GB overrides, expected 1",
    ]);
  });

  test("catch a Welsh string over its limit, or an override out of place", () => {
    const long = broken('Value="Adolygu derbynwyr"', `Value="${"y".repeat(126)}"`);
    expect(stringLengthProblems(only(inner(long), "Resources"))).toHaveLength(1);
    const misplaced = broken(
      '<bt:Override Locale="cy-GB" Value="Adolygu derbynwyr"/>',
      '<bt:Override Locale="cy-GB" Value="Adolygu derbynwyr"/><bt:Image id="x" DefaultValue="y"/>',
    );
    const label = descendants(inner(misplaced)).find((e) => e.attrs.id === "TaskpaneButton.Label");
    expect(label && orderProblems(label, ORDER["bt:String"] ?? [])).toEqual([
      "<bt:Image> is not allowed in bt:String",
    ]);
  });

  test("catch malformed XML", () => {
    expect(() => parseXml(xml.replace("</Permissions>", ""))).toThrow(/malformed XML/);
    // XML 1.0 forbids "--" inside a comment; Outlook rejects such a manifest.
    expect(() =>
      parseXml(xml.replace("<OfficeApp", "<!-- npm run build -- --base-url --><OfficeApp")),
    ).toThrow(/malformed XML/);
  });
});
