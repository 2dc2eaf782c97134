import { copyFile, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { decide } from "../core/decide";
import { isLive, MAX_INCIDENTS, matchIncident } from "../core/incident";
import { parseJsonDocument } from "../core/json";
import { parsePolicy, PolicyError, type Policy } from "../core/policy";
import type { MessageInput, RecipientInput } from "../core/types";
import { LOCALES, localeFor, type Locale } from "../present/catalogue";
import { wordsFor } from "../present/words";
import { splitAddressList } from "./address-list";
import { parseOptions, UsageError } from "./args";
import type { CliIo } from "./main";

// reach-guard incident: helps the service desk write a policy's `incidents` section during a
// reply-all storm without a typo that would stop nothing. It adds (or replaces) one incident, points
// out expired ones (--prune removes them), validates the result with the add-in's own schema, and
// prints it or writes it in place; --try-subject shows what a sample reply would meet.

export const INCIDENT_USAGE = `usage: reach-guard incident --policy policy.json
         [--id <name> --message <text> (--hours <n> | --expires <UTC time>)
          (--conversation-id <id> | --subject <subject> --list <address>)]
         [--prune] [--write] [--try-subject <subject> --try-to <addresses> [--try-conversation-id <id>]]
         [--lang en-GB|cy-GB]`;

/** The longest an incident may be declared for from the command line: a storm is over in days. */
export const MAX_HOURS = 24 * 30;

type Raw = Record<string, unknown>;

interface IncidentArgs {
  readonly policyPath: string;
  readonly id?: string | undefined;
  readonly message?: string | undefined;
  readonly hours?: string | undefined;
  readonly expires?: string | undefined;
  readonly conversationId?: string | undefined;
  readonly subject?: string | undefined;
  readonly list?: string | undefined;
  readonly prune: boolean;
  readonly write: boolean;
  readonly trySubject?: string | undefined;
  readonly tryTo: readonly string[];
  readonly tryConversationId?: string | undefined;
  readonly locale: Locale;
}

function parseIncidentArgs(argv: readonly string[], env: NodeJS.ProcessEnv): IncidentArgs {
  const values = parseOptions(
    argv,
    {
      policy: { type: "string" },
      id: { type: "string" },
      message: { type: "string" },
      hours: { type: "string" },
      expires: { type: "string" },
      "conversation-id": { type: "string" },
      subject: { type: "string" },
      list: { type: "string" },
      prune: { type: "boolean", default: false },
      write: { type: "boolean", default: false },
      "try-subject": { type: "string" },
      "try-to": { type: "string", multiple: true },
      "try-conversation-id": { type: "string" },
      lang: { type: "string" },
    },
    INCIDENT_USAGE,
  );
  if (!values.policy) throw new UsageError(`--policy is required\n${INCIDENT_USAGE}`);
  if (values.lang !== undefined && !(LOCALES as readonly string[]).includes(values.lang)) {
    throw new UsageError(`--lang must be one of ${LOCALES.join(", ")}; got ${JSON.stringify(values.lang)}`);
  }
  return {
    policyPath: values.policy,
    id: values.id,
    message: values.message,
    hours: values.hours,
    expires: values.expires,
    conversationId: values["conversation-id"],
    subject: values.subject,
    list: values.list,
    prune: values.prune === true,
    write: values.write === true,
    trySubject: values["try-subject"],
    tryTo: values["try-to"] ?? [],
    tryConversationId: values["try-conversation-id"],
    locale: (values.lang as Locale | undefined) ?? localeFor(env.LC_ALL || env.LANG),
  };
}

/** When the incident ends: --hours from now, or --expires as written. */
function expiryOf(args: IncidentArgs, now: number): string {
  if (args.hours !== undefined && args.expires !== undefined) {
    throw new UsageError("give --hours or --expires, not both");
  }
  if (args.expires !== undefined) return args.expires;
  if (args.hours === undefined) {
    throw new UsageError("--hours or --expires is required: an incident must end by itself");
  }
  const hours = Number(args.hours);
  if (!(hours > 0 && hours <= MAX_HOURS)) {
    throw new UsageError(`--hours must be a number of hours above 0 and at most ${MAX_HOURS}`);
  }
  // To the second: nobody needs the milliseconds, and the file reads better without them.
  return new Date(Math.ceil((now + hours * 3_600_000) / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

function incidentFrom(args: IncidentArgs, now: number): Raw {
  if (args.message === undefined) throw new UsageError("--message is required with --id");
  if (args.conversationId === undefined && args.subject === undefined && args.list === undefined) {
    throw new UsageError("name the thread: --conversation-id, or --subject with --list");
  }
  const incident: Raw = { id: args.id, message: args.message, expires: expiryOf(args, now) };
  if (args.conversationId !== undefined) incident.conversationId = args.conversationId;
  if (args.subject !== undefined) incident.subject = args.subject;
  if (args.list !== undefined) incident.list = args.list;
  return incident;
}

async function readPolicyFile(path: string): Promise<Raw> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UsageError(`cannot read the policy file ${path} (${code})`);
  }
  let value: unknown;
  try {
    value = parseJsonDocument(text);
  } catch (error) {
    throw new PolicyError([`the policy is ${(error as Error).message}`]);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new PolicyError(["the policy must be a JSON object"]);
  }
  return value as Raw;
}

/** Replaces the file whole or not at all: a new copy beside it, the old one kept as .bak. */
async function writeInPlace(path: string, text: string): Promise<void> {
  const fresh = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(fresh, text, { flag: "wx" });
    await copyFile(path, `${path}.bak`);
    await rename(fresh, path);
  } catch (error) {
    await unlink(fresh).catch(() => undefined);
    throw new UsageError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** What a sample reply would meet under `policy`, as the sender would read it. */
function tryReply(args: IncidentArgs, policy: Policy, now: number): string {
  const recipients: RecipientInput[] = [];
  for (const text of args.tryTo) {
    const listed = splitAddressList(text);
    if (!listed.ok) throw new UsageError(`--try-to has ${listed.problem} in ${JSON.stringify(listed.piece)}`);
    for (const emailAddress of listed.addresses) recipients.push({ field: "to", emailAddress });
  }
  const message: MessageInput = {
    sender: "sender@example.invalid",
    recipients,
    conversation: { id: args.tryConversationId ?? null, subject: args.trySubject ?? null, kind: "reply" },
    checkedAt: now,
  };
  const decision = decide(message, policy, new Map());
  const addresses = decision.recipients.map((recipient) => recipient.address);
  const match = matchIncident(policy.incidents, message.conversation, addresses, now);
  if (!match) return "try: no incident stops this message\n";
  const words = wordsFor(args.locale);
  return [
    `try: stopped by incident ${match.incident.id}`,
    `  info bar:    ${words.infoBar(decision) ?? ""}`,
    `  Smart Alert: ${words.alert(decision, { sendAnywayOffered: true, supportContact: policy.supportContact })}`,
    "",
  ].join("\n");
}

/** More than one sentence in the service desk's words: the alert then runs past two. */
function sentences(text: string): number {
  return (text.trim().match(/[.!?](?=\s|$)/g) ?? []).length;
}

export async function runIncidentCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  now: () => number = Date.now,
): Promise<number> {
  const args = parseIncidentArgs(argv, env);
  const at = now();
  const adding = args.id !== undefined;
  const trying = args.trySubject !== undefined || args.tryConversationId !== undefined;
  if (args.write && !adding && !args.prune) throw new UsageError("--write needs --id or --prune");
  if (!adding && !args.prune && !trying) {
    throw new UsageError(
      `nothing to do: give --id to declare an incident, --prune, or --try-subject\n${INCIDENT_USAGE}`,
    );
  }
  if (trying && args.tryTo.length === 0) throw new UsageError("--try-to is required with --try-subject");

  const raw = await readPolicyFile(args.policyPath);
  // The file as it stands must be valid first: a new incident must not hide an older mistake.
  const before = parsePolicy(raw);
  let incidents: Raw[] = Array.isArray(raw.incidents) ? [...(raw.incidents as Raw[])] : [];
  const notes: string[] = [];

  const expired = before.incidents.filter((incident) => !isLive(incident, at));
  if (args.prune) {
    const gone = new Set(expired.map((incident) => incident.id));
    incidents = incidents.filter((incident) => !gone.has(String(incident.id)));
    for (const incident of expired)
      notes.push(`removed expired incident ${incident.id} (${incident.expires})`);
  } else {
    for (const incident of expired) {
      notes.push(
        `incident ${incident.id} expired at ${incident.expires} and does nothing; --prune removes it`,
      );
    }
  }

  if (adding) {
    const incident = incidentFrom(args, at);
    const index = incidents.findIndex((existing) => existing.id === incident.id);
    if (index >= 0) {
      incidents[index] = incident;
      notes.push(`replaced incident ${args.id}`);
    } else incidents.push(incident);
    if (sentences(args.message ?? "") > 1) {
      notes.push("the message has more than one sentence: the Smart Alert reads best with one");
    }
    if (Date.parse(String(incident.expires)) <= at) notes.push(`incident ${args.id} is already expired`);
  }

  const next: Raw = { ...raw };
  if (incidents.length > 0 || "incidents" in raw) next.incidents = incidents;
  if (incidents.length > MAX_INCIDENTS)
    notes.push(`at most ${MAX_INCIDENTS} incidents: --prune removes expired ones`);
  for (const note of notes) io.err(`reach-guard: ${note}\n`);
  const policy = parsePolicy(next);
  const text = `${JSON.stringify(next, null, 2)}\n`;
  if (args.write) {
    await writeInPlace(args.policyPath, text);
    io.err(`reach-guard: wrote ${args.policyPath} (the previous copy is ${args.policyPath}.bak)\n`);
  } else if (adding || args.prune) io.out(text);
  if (trying) io.out(tryReply(args, policy, at));
  return 0;
}
