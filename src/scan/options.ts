import { parseArgs } from "node:util";
import { GRAPH_ROOT_RULE, parseGraphRoot } from "../directory/graph/roots";
import { ScanUsageError } from "./errors";

// `reach-guard scan`'s arguments, checked before anything is read or asked of Graph.

export const SCAN_USAGE = `usage: reach-guard scan --out DIR [--graph-url URL] [--addresses FILE] [--previous catalogue.json]
                         [--policy policy.json] [--demo]
                         [--device-code --client-id ID --tenant T | --certificate FILE.pem --client-id ID --tenant T --mailbox UPN]
The token is read from REACH_GUARD_TOKEN unless --device-code or --certificate signs in.`;

export type SignIn =
  | { readonly way: "token" }
  | { readonly way: "demo" }
  | { readonly way: "device-code"; readonly clientId: string; readonly tenant: string }
  | {
      readonly way: "certificate";
      readonly clientId: string;
      readonly tenant: string;
      readonly pemPath: string;
    };

export interface ScanOptions {
  readonly out: string;
  readonly graphUrl: string;
  readonly addressesPath: string | null;
  readonly previousPath: string | null;
  readonly policyPath: string | null;
  readonly mailbox: string | null;
  readonly signIn: SignIn;
}

export function parseScanArgs(argv: readonly string[]): ScanOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: "string" },
        "graph-url": { type: "string" },
        addresses: { type: "string" },
        previous: { type: "string" },
        policy: { type: "string" },
        "device-code": { type: "boolean", default: false },
        certificate: { type: "string" },
        "client-id": { type: "string" },
        tenant: { type: "string" },
        mailbox: { type: "string" },
        demo: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new ScanUsageError((error as Error).message);
  }
  if (!values.out)
    throw new ScanUsageError("--out DIR is required: the folder the catalogue and reports go to");
  const graphText = values["graph-url"] ?? "https://graph.microsoft.com";
  const graphUrl = parseGraphRoot(graphText);
  if (graphUrl === null)
    throw new ScanUsageError(`--graph-url ${GRAPH_ROOT_RULE}; got ${JSON.stringify(graphText)}`);
  const ways = [values.demo, values["device-code"], values.certificate !== undefined].filter(Boolean).length;
  if (ways > 1) throw new ScanUsageError("choose one of --demo, --device-code and --certificate");
  let signIn: SignIn = { way: values.demo ? "demo" : "token" };
  if (values["device-code"] || values.certificate !== undefined) {
    if (!values["client-id"] || !values.tenant)
      throw new ScanUsageError("signing in needs --client-id (the app registration) and --tenant");
    const { "client-id": clientId, tenant } = values;
    signIn = values.certificate
      ? { way: "certificate", clientId, tenant, pemPath: values.certificate }
      : { way: "device-code", clientId, tenant };
  } else if (values["client-id"] || values.tenant) {
    throw new ScanUsageError("--client-id and --tenant go with --device-code or --certificate");
  }
  // Signed in as the app there is no "me" to ask MailTips as: a mailbox must be named.
  if (signIn.way === "certificate" && values.addresses && !values.mailbox)
    throw new ScanUsageError(
      "--certificate with --addresses needs --mailbox UPN: MailTips are asked as a mailbox",
    );
  return {
    out: values.out,
    graphUrl,
    addressesPath: values.addresses ?? null,
    previousPath: values.previous ?? null,
    policyPath: values.policy ?? null,
    mailbox: values.mailbox?.trim().toLowerCase() || null,
    signIn,
  };
}
