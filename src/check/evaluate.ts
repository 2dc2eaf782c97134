import type { CatalogueList } from "../core/catalogue";
import { decide } from "../core/decide";
import { isAlwaysEnforced } from "../core/monitor";
import type { Policy } from "../core/policy";
import { planMessage, type Plan } from "../core/recipients";
import {
  DIRECTORY_FAILURES,
  type Decision,
  type DirectoryAnswer,
  type MessageInput,
  type ThreadActivity,
  type UnknownCause,
} from "../core/types";
import { parseAddress, untagged } from "../core/addresses";
import { feedsStorm, threadActivity } from "../core/storm";
import type { Directory, ResolveOptions, ThreadReader } from "../directory/port";
import { failedAnswers } from "../directory/unavailable";
import { within } from "../kit/deadline";

// Joins the pure core to a directory: plan, resolve what is not known yet, decide. Used by the
// event handlers, the task pane, the playground and the CLI alike.

/** What the admin's reach catalogue says of one list (src/core/catalogue.ts). */
export type CatalogueSize = Pick<CatalogueList, "members" | "externalMembers" | "sizedAt">;

export interface EvaluateOptions {
  readonly directory: Directory;
  readonly policy: Policy;
  /** Epoch ms by which the decision must exist, whatever the directory does. */
  readonly deadlineAt: number;
  /** Answers already known (precomputed while composing): only the rest is asked for. */
  readonly known?: ReadonlyMap<string, DirectoryAnswer>;
  /**
   * Decide a policy block without asking the directory (send time: an always-blocked list needs no
   * Graph call). Broadcasters are still resolved, since their block becomes a reach-based warning.
   */
  readonly skipDirectoryWhenPolicyBlocks?: boolean;
  /**
   * The admin's reach catalogue by normalised address. It sizes a list the directory could not
   * answer for; a live answer always wins, and a list absent from it is not thereby small. With
   * `skipDirectoryWhenPolicyBlocks`, sizes from it that already make a block decide without Graph.
   */
  readonly catalogue?: ReadonlyMap<string, CatalogueSize>;
  /** Reads a reply's thread for the policy's storm check; without it there is no storm check. */
  readonly threads?: ThreadReader;
  readonly now?: () => number;
}

export interface Evaluation {
  readonly decision: Decision;
  /**
   * Every directory answer used, known and new: callers keep it for the next evaluation. Answers
   * from the catalogue are not among them: they are laid over these afresh each time, so that a
   * kept one is never read back as Graph's, and Graph is asked again while it has not answered.
   */
  readonly answers: ReadonlyMap<string, DirectoryAnswer>;
  /** How many addresses were sent to the directory. */
  readonly asked: number;
}

// A directory that breaks its own contract must still not hold the send: after this much slack past
// the deadline the evaluation goes on with what it has.
const CONTRACT_SLACK_MS = 50;

function resolveWithin(
  directory: Directory,
  addresses: readonly string[],
  options: ResolveOptions,
  now: () => number,
): Promise<Map<string, DirectoryAnswer>> {
  if (addresses.length === 0) return Promise.resolve(new Map());
  const gaveUp = () => failedAnswers(addresses, "timeout");
  // A directory that rejects breaks its contract too: its addresses count as timed out.
  return within(
    Math.max(0, options.deadlineAt - now()) + CONTRACT_SLACK_MS,
    () => directory.resolve(addresses, options),
    gaveUp,
  ).catch(gaveUp);
}

/** The catalogue's size for an address or, as Exchange delivers `name+tag@` to `name@`, its untagged form. */
function catalogued(address: string, catalogue: ReadonlyMap<string, CatalogueSize>): DirectoryAnswer | null {
  const bare = untagged(address);
  const size = catalogue.get(address) ?? (bare === null ? undefined : catalogue.get(bare));
  // An entry the scan could not size adds nothing: the address stays as the directory left it.
  if (size === undefined || size.members === null) return null;
  return {
    entry: {
      kind: "list",
      members: size.members,
      externalMembers: size.externalMembers,
      // The scan cannot judge restrictions for this sender, nor moderation: counted in full.
      restricted: false,
      moderated: false,
    },
    source: "catalogue",
    sizedAt: size.sizedAt,
  };
}

/**
 * `answers` with the catalogue's size for each address the directory left unknown (or has not
 * answered yet), and how many it sized. Whatever the directory did say (a person, a list) stands.
 */
function withCatalogue(
  lookups: readonly string[],
  answers: ReadonlyMap<string, DirectoryAnswer>,
  catalogue: ReadonlyMap<string, CatalogueSize> | undefined,
): { readonly answers: ReadonlyMap<string, DirectoryAnswer>; readonly sized: number } {
  if (catalogue === undefined || catalogue.size === 0) return { answers, sized: 0 };
  const merged = new Map(answers);
  let sized = 0;
  const live = (address: string | null) => {
    const entry = address === null ? undefined : answers.get(address)?.entry;
    return entry !== undefined && entry.kind !== "unknown";
  };
  for (const address of lookups) {
    // Graph's answer for the untagged form stands for a tagged address too (core/recipients.ts).
    if (live(address) || live(untagged(address))) continue;
    const answer = catalogued(address, catalogue);
    if (answer === null) continue;
    merged.set(address, answer);
    sized++;
  }
  return { answers: merged, sized };
}

/** The storm check never takes longer than this, whatever the deadline leaves. */
export const STORM_READ_LIMIT_MS = 1500;

/**
 * The thread's recent activity, read only for a reply (or a draft Outlook would not type) that
 * reaches a list, with a storm check in the policy, while Graph is answering: null in every other
 * case, and whenever the read fails or runs out of time, so that the check goes on as before.
 */
async function stormActivity(
  message: MessageInput,
  decision: Decision,
  options: EvaluateOptions,
  now: () => number,
): Promise<ThreadActivity | null> {
  const storm = options.policy.storm;
  const conversationId = message.conversation?.id;
  if (!options.threads || !storm || !conversationId || message.conversation?.kind === "new") return null;
  const failed = (cause: string | null) => DIRECTORY_FAILURES.includes(cause as UnknownCause);
  const recipients = decision.recipients;
  const reachesList = recipients.some(feedsStorm);
  // Graph did not answer for a recipient just now: asking it about the thread would only wait.
  if (!reachesList || recipients.some((recipient) => failed(recipient.cause))) return null;
  const started = now();
  const deadlineAt = Math.min(options.deadlineAt, started + STORM_READ_LIMIT_MS);
  if (deadlineAt <= started) return null;
  const reader = options.threads;
  const since = started - storm.windowMinutes * 60_000;
  const signedIn = message.signedIn === undefined ? undefined : parseAddress(message.signedIn);
  const mailbox = signedIn?.valid ? { mailbox: signedIn.address } : {};
  try {
    const reading = await within(
      deadlineAt - started + CONTRACT_SLACK_MS,
      () => reader.read(conversationId, { since, deadlineAt, ...mailbox }),
      () => null,
    );
    return reading === null ? null : threadActivity(reading, started, storm.windowMinutes);
  } catch {
    return null;
  }
}

/** The decision again with the thread's activity, when there is a storm to weigh. */
async function withStorm(
  message: MessageInput,
  evaluation: Evaluation,
  sized: ReadonlyMap<string, DirectoryAnswer>,
  plan: Plan,
  options: EvaluateOptions,
  now: () => number,
): Promise<Evaluation> {
  const thread = await stormActivity(message, evaluation.decision, options, now);
  if (thread === null) return evaluation;
  return { ...evaluation, decision: decide({ ...message, thread }, options.policy, sized, plan) };
}

export async function evaluate(message: MessageInput, options: EvaluateOptions): Promise<Evaluation> {
  const now = options.now ?? Date.now;
  const plan = planMessage(message, options.policy);
  const known = options.known ?? new Map<string, DirectoryAnswer>();
  // At send, some blocks need no Graph call, whatever the directory would say: an always-blocked
  // list, a reply into a thread under an incident, or lists the catalogue already puts over blockAt
  // (with what this draft knows: a compose check that reached Graph left its live answers in the
  // draft's state, and a list sized there is not taken from the catalogue). One decision on what is
  // known tells all three; a broadcaster's block is a warning, so theirs is never decided here.
  if (options.skipDirectoryWhenPolicyBlocks === true) {
    const early = withCatalogue(plan.lookups, known, options.catalogue);
    if (plan.policyBlocked.length > 0 || message.conversation !== undefined || early.sized > 0) {
      const decision = decide(message, options.policy, early.answers, plan);
      const blocksAlone =
        decision.verdict === "block" &&
        (plan.policyBlocked.length > 0 ||
          decision.reasons.some(
            (reason) =>
              reason.verdict === "block" &&
              (isAlwaysEnforced(reason) || (early.sized > 0 && reason.code === "reach-over-block")),
          ));
      if (blocksAlone) return { decision, answers: known, asked: 0 };
    }
  }
  // A failure known from earlier is asked again: the directory may be back.
  const missing = plan.lookups.filter((address) => {
    const entry = known.get(address)?.entry;
    return !entry || (entry.kind === "unknown" && DIRECTORY_FAILURES.includes(entry.cause));
  });
  const mailbox = message.signedIn === undefined ? undefined : parseAddress(message.signedIn);
  const fresh = await resolveWithin(
    options.directory,
    missing,
    {
      deadlineAt: options.deadlineAt,
      ...(mailbox?.valid ? { mailbox: mailbox.address } : {}),
    },
    now,
  );
  const answers = new Map(known);
  for (const address of missing) {
    answers.set(
      address,
      fresh.get(address) ?? { entry: { kind: "unknown", cause: "timeout" }, source: "graph" },
    );
  }
  const sized = withCatalogue(plan.lookups, answers, options.catalogue).answers;
  const evaluation = {
    decision: decide(message, options.policy, sized, plan),
    answers,
    asked: missing.length,
  };
  return withStorm(message, evaluation, sized, plan, options, now);
}
