import { childrenNamed, descendants, type XmlElement } from "./xml";

// Offline stand-ins for what Microsoft's online manifest validator rejects. Each returns the
// problems it finds, so that a test can show a broken manifest is caught as well as that ours passes.

/** Child order of the elements the schema fixes ([MS-OWEMXML]; manifest-element-ordering). */
export const ORDER: Readonly<Record<string, readonly string[]>> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "FormSettings",
    "Permissions",
    "Rule",
    "DisableEntityHighlighting",
    "VersionOverrides",
  ],
  VersionOverridesV1_1: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "WebApplicationInfo",
    "EquivalentAddins",
    "ConnectedServiceControls",
    "ExtendedPermissions",
  ],
  Host: ["Runtimes", "DesktopFormFactor", "MobileFormFactor"],
  // SupportsSharedFolders first: where Microsoft's delegate-access and SupportsSharedFolders pages
  // show it, and the validator refuses it after FunctionFile (office-js-docs-pr issue 863).
  DesktopFormFactor: ["SupportsSharedFolders", "FunctionFile", "ExtensionPoint"],
  // No SupportsSharedFolders here: it is a DesktopFormFactor element (supportssharedfolders.md).
  MobileFormFactor: ["FunctionFile", "ExtensionPoint"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Resources: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
  DesktopSettings: ["SourceLocation", "RequestedHeight"],
  // Localised values: a LocaleAwareSetting (DisplayName, Description) and a resource string hold
  // only their Override elements (localization; Override element, LocaleTokenOverride).
  DisplayName: ["Override"],
  Description: ["Override"],
  "bt:String": ["bt:Override"],
};

/** Children out of the schema's order, or not allowed there at all. */
export function orderProblems(element: XmlElement, order: readonly string[], where = element.name): string[] {
  const problems: string[] = [];
  let last = -1;
  for (const child of element.children) {
    const index = order.indexOf(child.name);
    if (index < 0) problems.push(`<${child.name}> is not allowed in ${where}`);
    else if (index < last) problems.push(`<${child.name}> comes after <${order[last]}> in ${where}`);
    else last = index;
  }
  return problems;
}

type ResourceKind = "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";

/** Which Resources list an element's `resid` must point into. */
const RESID_KIND: Readonly<Record<string, ResourceKind>> = {
  "bt:Image": "bt:Images",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Description: "bt:LongStrings",
  SourceLocation: "bt:Urls",
  FunctionFile: "bt:Urls",
  Runtime: "bt:Urls",
  Override: "bt:Urls",
};

/** Resource ids by list, with their DefaultValue. */
export function resources(resourcesElement: XmlElement): Map<ResourceKind, Map<string, string>> {
  const lists = new Map<ResourceKind, Map<string, string>>();
  for (const list of resourcesElement.children) {
    const entries = new Map<string, string>();
    for (const entry of list.children) entries.set(entry.attrs.id ?? "", entry.attrs.DefaultValue ?? "");
    lists.set(list.name as ResourceKind, entries);
  }
  return lists;
}

/** Every resid resolves to a resource of the right kind; ids are unique, at most 32 characters, all used. */
export function residProblems(versionOverrides: XmlElement, resourcesElement: XmlElement): string[] {
  const problems: string[] = [];
  const lists = resources(resourcesElement);
  const used = new Set<string>();
  for (const element of descendants(versionOverrides)) {
    const resid = element.attrs.resid;
    if (resid === undefined) continue;
    const kind = RESID_KIND[element.name];
    if (!kind) {
      problems.push(`<${element.name} resid="${resid}"> is not an element that takes a resid`);
      continue;
    }
    if (!lists.get(kind)?.has(resid))
      problems.push(`<${element.name} resid="${resid}"> has no entry in ${kind}`);
    used.add(`${kind}/${resid}`);
  }
  for (const list of resourcesElement.children) {
    const ids = list.children.map((entry) => entry.attrs.id ?? "");
    for (const [index, id] of ids.entries()) {
      if (id.length === 0 || id.length > 32) problems.push(`${list.name} id "${id}" must be 1-32 characters`);
      if (ids.indexOf(id) !== index) problems.push(`${list.name} id "${id}" is declared twice`);
      if (!used.has(`${list.name}/${id}`)) problems.push(`${list.name} id "${id}" is never used`);
    }
  }
  return problems;
}

/** ShortStrings at most 125 characters, LongStrings at most 250 (Resources element reference). */
export function stringLengthProblems(resourcesElement: XmlElement): string[] {
  const limits: Array<[string, number]> = [
    ["bt:ShortStrings", 125],
    ["bt:LongStrings", 250],
  ];
  return limits.flatMap(([listName, limit]) =>
    childrenNamed(resourcesElement, listName)
      .flatMap((list) => list.children)
      .flatMap((entry) => [entry.attrs.DefaultValue ?? "", ...entry.children.map((o) => o.attrs.Value ?? "")])
      .filter((value) => value.length === 0 || value.length > limit)
      .map((value) => `${listName} value must be 1-${limit} characters: "${value}"`),
  );
}

/** Every URL-valued attribute or text in the document (namespace declarations are names, not URLs). */
export function urlsIn(root: XmlElement): string[] {
  return descendants(root).flatMap((element) => {
    const attrs = Object.entries(element.attrs).filter(([name]) => !name.startsWith("xmlns"));
    return [...attrs.map(([, value]) => value), element.text].filter((value) =>
      /^[a-z][a-z0-9+.-]*:\/\//i.test(value),
    );
  });
}

const LOOPBACK_HTTP = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;

/**
 * URLs must be absolute https, at most 2,048 characters, with no placeholder left unfilled. The
 * development manifest points at `npm start`'s http://localhost server: `loopbackHttp` lets plain
 * http through on loopback hosts only.
 */
export function urlProblems(root: XmlElement, { loopbackHttp = false } = {}): string[] {
  return urlsIn(root).flatMap((value) => {
    const problems: string[] = [];
    const secure = value.startsWith("https://") || (loopbackHttp && LOOPBACK_HTTP.test(value));
    if (!secure) problems.push(`${value} is not https`);
    if (value.length > 2048) problems.push(`${value.slice(0, 60)}... is longer than 2048 characters`);
    if (value.includes("${")) problems.push(`${value} still has a placeholder`);
    return problems;
  });
}

/** The elements whose text users read, localised by Override children: DisplayName, Description, every string. */
function localisable(app: XmlElement): XmlElement[] {
  const strings = descendants(app).filter(
    (element) => element.name === "bt:ShortStrings" || element.name === "bt:LongStrings",
  );
  return [
    ...childrenNamed(app, "DisplayName"),
    ...childrenNamed(app, "Description"),
    ...strings.flatMap((list) => childrenNamed(list, "bt:String")),
  ];
}

/**
 * Every user-facing string has exactly one override for `locale`, with a value; none overrides the
 * default locale (Microsoft's localization page: "You may only specify a single override per
 * language, including for the default locale"), and no locale is overridden twice.
 */
export function localeOverrideProblems(app: XmlElement, locale: string): string[] {
  const defaultLocale = (childrenNamed(app, "DefaultLocale")[0]?.text ?? "").toLowerCase();
  return localisable(app).flatMap((element) => {
    const name =
      element.attrs.id === undefined ? `<${element.name}>` : `${element.name} "${element.attrs.id}"`;
    const overrides = element.children.filter(
      (child) => child.name === "Override" || child.name === "bt:Override",
    );
    const locales = overrides.map((override) => (override.attrs.Locale ?? "").toLowerCase());
    const problems: string[] = [];
    const wanted = overrides.filter(
      (override) => override.attrs.Locale?.toLowerCase() === locale.toLowerCase(),
    );
    if (wanted.length !== 1) problems.push(`${name} has ${wanted.length} ${locale} overrides, expected 1`);
    else if (!(wanted[0]?.attrs.Value ?? "").trim()) problems.push(`${name} has an empty ${locale} override`);
    if (locales.includes(defaultLocale))
      problems.push(`${name} overrides the default locale ${defaultLocale}`);
    for (const [index, each] of locales.entries()) {
      if (locales.indexOf(each) !== index) problems.push(`${name} overrides ${each} twice`);
    }
    return problems;
  });
}

/**
 * The launch events Outlook on iOS and Android raises (outlook/mobile-event-based.md): a new message,
 * reply or forward is OnNewMessageCompose there, and there is no OnMessageSend (no Smart Alerts).
 */
export const MOBILE_LAUNCH_EVENTS: readonly string[] = [
  "OnNewMessageCompose",
  "OnMessageRecipientsChanged",
  "OnMessageFromChanged",
];

/** The extension points a MobileFormFactor may hold (manifest/extensionpoint.md). */
const MOBILE_EXTENSION_POINTS: readonly string[] = [
  "LaunchEvent",
  "MobileMessageReadCommandSurface",
  "MobileOnlineMeetingCommandSurface",
  "MobileLogEventAppointmentAttendee",
];

/**
 * What Outlook on iOS and Android would not run in a MobileFormFactor: an extension point mobile
 * lacks, an event it never raises, a SendMode, or launch events whose SourceLocation is not the
 * browser runtime's page (phones run that page; the JavaScript-only runtime is classic Windows').
 */
export function mobileLaunchEventProblems(mobile: XmlElement, browserRuntimeResid: string): string[] {
  const problems: string[] = [];
  for (const point of childrenNamed(mobile, "ExtensionPoint")) {
    const type = point.attrs["xsi:type"] ?? "";
    if (!MOBILE_EXTENSION_POINTS.includes(type)) {
      problems.push(`MobileFormFactor has no ${type} extension point`);
      continue;
    }
    if (type !== "LaunchEvent") continue;
    const source = childrenNamed(point, "SourceLocation")[0]?.attrs.resid;
    if (source !== browserRuntimeResid)
      problems.push(
        `mobile launch events run from ${source}, not the browser runtime ${browserRuntimeResid}`,
      );
    for (const event of childrenNamed(point, "LaunchEvents").flatMap((list) => list.children)) {
      const name = event.attrs.Type ?? "";
      if (!MOBILE_LAUNCH_EVENTS.includes(name)) problems.push(`Outlook on mobile never raises ${name}`);
      if (event.attrs.SendMode !== undefined) problems.push(`${name} has a SendMode on mobile`);
    }
  }
  return problems;
}
