// The playground reads the built manifest.xml as Outlook would: which function runs for which
// launch event, the send mode, and the compose button that opens the task pane (with its label in
// each language the manifest overrides it for). So the page drives exactly what an admin deploys.
// Each client reads only its own form factor: Outlook on the web, Windows and Mac the
// DesktopFormFactor, Outlook on iOS and Android the MobileFormFactor (mobile-event-based.md).

export type LaunchEvents = Readonly<
  Record<string, { readonly functionName: string; readonly sendMode: string | null }>
>;

export interface ManifestFacts {
  /** The DesktopFormFactor's launch events. */
  readonly launchEvents: LaunchEvents;
  /** The MobileFormFactor's launch events; absent or empty when the add-in declares none for phones. */
  readonly mobileLaunchEvents?: LaunchEvents;
  readonly taskPaneButton: { readonly id: string; readonly label: string } | null;
  /** The button's label by locale ("cy-GB"), from the manifest's Override elements. */
  readonly taskPaneButtonLabels?: Readonly<Record<string, string>>;
  readonly displayName: string;
}

/**
 * The label Outlook shows in `language`: the override for that locale, else one for the same
 * language, else the default.
 */
export function labelFor(
  label: string,
  overrides: Readonly<Record<string, string>> | undefined,
  language: string,
): string {
  const wanted = language.toLowerCase();
  const entries = Object.entries(overrides ?? {});
  const exact = entries.find(([locale]) => locale.toLowerCase() === wanted);
  const sameLanguage = entries.find(
    ([locale]) => locale.toLowerCase().split("-")[0] === wanted.split("-")[0],
  );
  return (exact ?? sameLanguage)?.[1] ?? label;
}

function byTag(root: Document | Element, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS("*", name));
}

export function parseManifest(xml: string, parser: DOMParser = new DOMParser()): ManifestFacts {
  const doc = parser.parseFromString(xml, "application/xml");
  if (byTag(doc, "parsererror").length > 0) throw new Error("manifest.xml is not well-formed XML");
  const strings = new Map<string, string>();
  const overrides = new Map<string, Record<string, string>>();
  for (const node of byTag(doc, "String")) {
    const id = node.getAttribute("id");
    if (!id) continue;
    strings.set(id, node.getAttribute("DefaultValue") ?? "");
    const byLocale: Record<string, string> = {};
    for (const override of byTag(node, "Override")) {
      const locale = override.getAttribute("Locale");
      const value = override.getAttribute("Value");
      if (locale && value) byLocale[locale] = value;
    }
    overrides.set(id, byLocale);
  }
  const launchEventsIn = (formFactor: string): LaunchEvents => {
    const events: Record<string, { functionName: string; sendMode: string | null }> = {};
    for (const node of byTag(doc, formFactor).flatMap((parent) => byTag(parent, "LaunchEvent"))) {
      const type = node.getAttribute("Type");
      const functionName = node.getAttribute("FunctionName");
      if (type && functionName) events[type] = { functionName, sendMode: node.getAttribute("SendMode") };
    }
    return events;
  };
  const launchEvents = launchEventsIn("DesktopFormFactor");
  const mobileLaunchEvents = launchEventsIn("MobileFormFactor");
  const button = byTag(doc, "Control").find((control) =>
    byTag(control, "Action").some((action) =>
      (action.getAttribute("xsi:type") ?? "").endsWith("ShowTaskpane"),
    ),
  );
  const labelId = button ? byTag(button, "Label")[0]?.getAttribute("resid") : null;
  const displayName = byTag(doc, "DisplayName")[0]?.getAttribute("DefaultValue") ?? "Add-in";
  return {
    launchEvents,
    mobileLaunchEvents,
    taskPaneButton:
      button && button.getAttribute("id")
        ? {
            id: button.getAttribute("id") ?? "",
            label: (labelId && strings.get(labelId)) || "Open task pane",
          }
        : null,
    ...(button && labelId ? { taskPaneButtonLabels: overrides.get(labelId) ?? {} } : {}),
    displayName,
  };
}
