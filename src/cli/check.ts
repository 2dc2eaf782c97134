import { staticTokenProvider } from "../auth/static";
import { readFile } from "node:fs/promises";
import { DEFAULT_POLICY, parsePolicyText, type Policy } from "../core/policy";
import { catalogueIndex, parseCatalogueText, type CatalogueList } from "../core/catalogue";
import type { Decision } from "../core/types";
import { createGraphDirectory } from "../directory/graph/graph-directory";
import { evaluate } from "../check/evaluate";
import { DEMO_TOKEN, loadDemoDirectory, startFakeGraph } from "../fake-graph";
import { UsageError, type CheckOptions } from "./args";

export async function loadPolicy(path: string | null): Promise<Policy> {
  if (path === null) return DEFAULT_POLICY;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read the policy file ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  return parsePolicyText(text);
}

/** The catalogue by address, as the add-in uses it; a file that cannot be read or is not one is a usage error. */
export async function loadCatalogue(path: string | null): Promise<ReadonlyMap<string, CatalogueList> | null> {
  if (path === null) return null;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read the catalogue file ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  try {
    return catalogueIndex(parseCatalogueText(text));
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

/** Resolves and decides one message; with `demo` a local Graph-compatible server answers. */
export async function runCheck(options: CheckOptions, env: NodeJS.ProcessEnv): Promise<Decision> {
  const policy = await loadPolicy(options.policyPath);
  const catalogue = await loadCatalogue(options.cataloguePath);
  // The demo server is not Microsoft's: a real token must never be sent to it.
  const token = options.demo ? DEMO_TOKEN : env.REACH_GUARD_TOKEN;
  if (!token) throw new UsageError("set REACH_GUARD_TOKEN to a Microsoft Graph access token, or use --demo");
  const demoDirectory = options.demo ? loadDemoDirectory() : null;
  const demo = demoDirectory ? await startFakeGraph({ directory: demoDirectory }) : null;
  try {
    const directory = createGraphDirectory({
      graphRoot: demo ? demo.url : options.graphUrl,
      getToken: staticTokenProvider(token),
    });
    // MailTips judge delivery restrictions for the token's user. The demo's is known; a real token's
    // is not, so there a restricted list counts in full, whatever --from says.
    const signedIn = demoDirectory ? { signedIn: demoDirectory.me } : {};
    const { decision } = await evaluate(
      { sender: options.sender, recipients: options.recipients, ...signedIn },
      {
        directory,
        policy,
        deadlineAt: Date.now() + options.timeoutMs,
        ...(catalogue ? { catalogue } : {}),
      },
    );
    return decision;
  } finally {
    await demo?.close();
  }
}
