import { createRoot } from "react-dom/client";
import { graphFaultsFor } from "./host/faults";
import { parseManifest } from "./host/manifest";
import { PlaygroundHost } from "./host/playground-host";
import { BRIDGE_GLOBAL } from "./host/protocol";
import type { ListedAddress } from "./host/directory-listing";
import type { Person } from "./host/mail";
import { Playground } from "./app/Playground";
import { text } from "./app/strings";

// playground.js: reads the built manifest and the server's env.json, makes the stand-in Outlook,
// offers it to the add-in's frames, and draws it.

interface ServerEnvironment {
  readonly graphUrl: string;
  readonly domains: readonly string[];
  readonly user: Person;
  readonly directory: readonly ListedAddress[];
}

async function fetchText(path: string): Promise<string> {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

async function start(root: HTMLElement): Promise<void> {
  const [envText, manifestXml] = await Promise.all([fetchText("env.json"), fetchText("../manifest.xml")]);
  const env = JSON.parse(envText) as ServerEnvironment;
  const host = new PlaygroundHost({
    user: env.user,
    domains: env.domains,
    directory: env.directory,
    manifest: parseManifest(manifestXml),
    mailboxVersion: "1.15",
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
