import { decide } from "../core/decide";
import type { Policy } from "../core/policy";
import { planMessage } from "../core/recipients";
import { DIRECTORY_FAILURES, type Decision, type DirectoryAnswer, type MessageInput } from "../core/types";
import { parseAddress } from "../core/addresses";
import type { Directory, ResolveOptions } from "../directory/port";
import { failedAnswers } from "../directory/unavailable";
import { within } from "../kit/deadline";

// Joins the pure core to a directory: plan, resolve what is not known yet, decide. Used by the
// event handlers, the task pane, the playground and the CLI alike.

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
  readonly now?: () => number;
}

export interface Evaluation {
  readonly decision: Decision;
  /** Every answer used, known and new: callers keep it for the next evaluation. */
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

export async function evaluate(message: MessageInput, options: EvaluateOptions): Promise<Evaluation> {
  const now = options.now ?? Date.now;
  const plan = planMessage(message, options.policy);
  const known = options.known ?? new Map<string, DirectoryAnswer>();
  const blocksOnItsOwn = plan.policyBlocked.length > 0 && options.skipDirectoryWhenPolicyBlocks === true;
  const policyDecision = blocksOnItsOwn ? decide(message, options.policy, known, plan) : null;
  if (policyDecision && policyDecision.verdict === "block") {
    return { decision: policyDecision, answers: known, asked: 0 };
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
  return { decision: decide(message, options.policy, answers, plan), answers, asked: missing.length };
}
