import { parseArgs, type ParseArgsConfig } from "node:util";
import type { RecipientInput } from "../core/types";
import { GRAPH_ROOT_RULE, parseGraphRoot } from "../directory/graph/roots";
import { LOCALES, localeFor, type Locale } from "../present/catalogue";
import { splitAddressList } from "./address-list";

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const USAGE = `Usage: reach-guard check --from <address> --to <addresses> [--cc <addresses>] [--bcc <addresses>]
                          [--policy policy.json] [--catalogue catalogue.json] [--graph-url https://graph.microsoft.com]
                          [--demo] [--json]
                          [--timeout <ms>] [--lang en-GB|cy-GB]
Addresses are separated by commas or semicolons. Messages follow --lang, else the LANG variable. The Graph token is read from REACH_GUARD_TOKEN;
--demo answers from a built-in demo directory instead of Microsoft Graph. --catalogue sizes the lists Graph cannot answer for
from a reach catalogue written by reach-guard scan, as the add-in does.`;

export interface CheckOptions {
  readonly sender: string;
  readonly recipients: readonly RecipientInput[];
  readonly policyPath: string | null;
  /** The reach catalogue (reach-guard scan's catalogue.json), when given. */
  readonly cataloguePath: string | null;
  readonly graphUrl: string;
  readonly demo: boolean;
  readonly json: boolean;
  readonly timeoutMs: number;
  readonly locale: Locale;
}

/**
 * One command's options read strictly (no positionals, no unknown flags): what node:util refuses
 * becomes a UsageError, with the command's usage after it when given.
 */
export function parseOptions<const T extends NonNullable<ParseArgsConfig["options"]>>(
  argv: readonly string[],
  options: T,
  usage?: string,
) {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options }).values;
  } catch (error) {
    const message = (error as Error).message;
    throw new UsageError(usage === undefined ? message : `${message}\n${usage}`);
  }
}

export function parseCheckArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): CheckOptions {
  const [command, ...rest] = argv;
  if (command !== "check")
    throw new UsageError(command ? `unknown command "${command}"` : "a command is needed");
  const values = parseOptions(rest, {
    from: { type: "string" },
    to: { type: "string", multiple: true },
    cc: { type: "string", multiple: true },
    bcc: { type: "string", multiple: true },
    policy: { type: "string" },
    catalogue: { type: "string" },
    "graph-url": { type: "string" },
    demo: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    timeout: { type: "string" },
    lang: { type: "string" },
  });
  if (!values.from) throw new UsageError("--from is required");
  const recipients: RecipientInput[] = [];
  for (const field of ["to", "cc", "bcc"] as const) {
    for (const text of values[field] ?? []) {
      const list = splitAddressList(text);
      // JSON quoting keeps the message on one line whatever was typed.
      if (!list.ok) throw new UsageError(`--${field} has ${list.problem} in ${JSON.stringify(list.piece)}`);
      for (const emailAddress of list.addresses) recipients.push({ field, emailAddress });
    }
  }
  if (recipients.length === 0) throw new UsageError("at least one of --to, --cc or --bcc is required");
  const graphUrlText = values["graph-url"] ?? "https://graph.microsoft.com";
  // The same rule as the add-in's config.json: recipient addresses go to Microsoft Graph or loopback.
  const graphUrl = parseGraphRoot(graphUrlText);
  if (graphUrl === null)
    throw new UsageError(`--graph-url ${GRAPH_ROOT_RULE}; got ${JSON.stringify(graphUrlText)}`);
  const timeoutMs = values.timeout === undefined ? 10_000 : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) {
    throw new UsageError("--timeout must be a whole number of milliseconds between 100 and 120000");
  }
  if (values.lang !== undefined && !(LOCALES as readonly string[]).includes(values.lang)) {
    throw new UsageError(`--lang must be one of ${LOCALES.join(", ")}; got ${JSON.stringify(values.lang)}`);
  }
  return {
    locale: (values.lang as Locale | undefined) ?? localeFor(env.LC_ALL || env.LANG),
    sender: values.from,
    recipients,
    policyPath: values.policy ?? null,
    cataloguePath: values.catalogue ?? null,
    graphUrl,
    demo: values.demo === true,
    json: values.json === true,
    timeoutMs,
  };
}
