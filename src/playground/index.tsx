import { createRoot } from "react-dom/client";
import { OUTAGE_KEY_PREFIX } from "../directory/breaker";
import { LOCAL_STORAGE_PREFIX } from "../storage/local-storage";
import { graphFaultsFor } from "./host/faults";
import { parseManifest } from "./host/manifest";
import { PlaygroundHost } from "./host/playground-host";
import type { RuntimeWorker } from "./host/javascript-only-runtime";
import { choicesFromAddress, searchFor } from "./host/address";
import type { PolicySummary } from "./host/policy-summary";
import { BRIDGE_GLOBAL } from "./host/protocol";
import type { ListedAddress } from "./host/directory-listing";
import type { Person } from "./host/mail";
import { Playground } from "./app/Playground";
import { text } from "./app/strings";

// playground.js: reads the built manifest and the server's env.json, makes the stand-in Outlook,
// offers it to the add-in's frames, and draws it. The page's address may choose the Outlook played
// at first (?platform=web|mac|classic|phone&mailbox=1.13&naa=no&lang=cy), and follows the switches, so a
// reload plays the same Outlook; the fault switches always start off.

interface ServerEnvironment {
  readonly graphUrl: string;
  readonly domains: readonly string[];
  readonly user: Person;
  readonly directory: readonly ListedAddress[];
  readonly policy?: PolicySummary | null;
}

async function fetchText(path: string): Promise<string> {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

/**
 * Writes the Outlook played into the page's address whenever a switch changes it, without a new
 * history entry. office.js blanks `history.replaceState` on the page that loads it, so the method is
 * taken from History itself.
 */
function keepChoicesInAddress(host: PlaygroundHost): void {
  let written = window.location.search;
  host.subscribeState(() => {
    const search = searchFor(window.location.search, host.getState());
    if (search === written) return;
    written = search;
    const { pathname, hash } = window.location;
    History.prototype.replaceState.call(
      window.history,
      window.history.state,
      "",
      `${pathname}${search}${hash}`,
    );
  });
}

/**
 * A page load starts with Graph healthy, so the add-in must not go on remembering an outage the
 * last visit's switches caused (it would, for two minutes, as it does in Outlook). The event frame and
 * the task pane are on this page's origin, so they share its localStorage.
 */
function forgetRememberedOutages(storage: Storage): void {
  try {
    const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index));
    for (const key of keys)
      if (key?.startsWith(`${LOCAL_STORAGE_PREFIX}${OUTAGE_KEY_PREFIX}`)) storage.removeItem(key);
  } catch {
    // A browser that refuses storage has nothing remembered either.
  }
}

async function start(root: HTMLElement): Promise<void> {
  const [envText, manifestXml] = await Promise.all([fetchText("env.json"), fetchText("../manifest.xml")]);
  const env = JSON.parse(envText) as ServerEnvironment;
  const host = new PlaygroundHost({
    user: env.user,
    domains: env.domains,
    directory: env.directory,
    manifest: parseManifest(manifestXml),
    ...choicesFromAddress(window.location.search),
    policy: env.policy ?? null,
    javascriptOnlyRuntime: {
      // frame.js, run as a worker, is classic Outlook's JavaScript-only runtime.
      startWorker: () => new Worker("frame.js") as unknown as RuntimeWorker,
      eventsUrl: new URL("../events.js", window.location.href).href,
    },
    reportError: (message) => console.error(`Reach Guard playground: ${message}`),
    applyFaults: async (faults) => {
      const response = await fetch(`${env.graphUrl}/_fake/faults`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(graphFaultsFor(faults)),
      });
      if (!response.ok)
        throw new Error(`the local Graph server refused the faults (HTTP ${response.status})`);
    },
  });
  await host.resetFaults();
  forgetRememberedOutages(window.localStorage);
  keepChoicesInAddress(host);
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = host;
  createRoot(root).render(<Playground host={host} />);
}

const root = document.getElementById("root") ?? document.body;
start(root).catch((error: unknown) => {
  const heading = document.createElement("h1");
  heading.textContent = text.loadFailed;
  const detail = document.createElement("p");
  detail.textContent = error instanceof Error ? error.message : String(error);
  root.replaceChildren(heading, detail);
});
