import { checkWhileComposing, showWarning } from "../check/compose-warning";
import { acknowledgeDraft, type DraftCheck } from "../check/draft-check";
import { INFO_BAR_KEY } from "../check/outcome";
import type { Settings } from "../app/settings";
import type { Auth } from "../auth/naa";
import { graphScopes } from "../auth/scopes";
import type { Decision } from "../core/types";
import { GROUP_COUNT_SCOPES, MAILTIPS_SCOPES } from "../directory/graph/scopes";
import type { Directory, ThreadReader } from "../directory/port";
import type { ComposeItem } from "../office/compose-item";
import { BRITISH_ENGLISH, type PaneWords } from "../present/pane-words";
import type { Fix, PaneSnapshot, TaskPaneBackend } from "./backend";
import { planMoveToBcc, planRemove, type EditPlan } from "./fix-plans";

// The task pane's view of Outlook: the same check as the event handlers (checkDraft on the draft's
// sessionData), fixes written through the wrapped draft, and sign-in through nested app auth.
// Everything platform-shaped is passed in, so tests drive it with a fake draft and directory.

export interface OfficeBackendDeps {
  readonly item: ComposeItem;
  readonly loadSettings: (moment: "compose") => Promise<Settings>;
  readonly directory: (settings: Settings) => Directory;
  /** Reads a reply's thread for the storm check; absent: no storm check in the pane. */
  readonly threads?: (settings: Settings) => ThreadReader;
  readonly auth: (settings: Settings) => Auth;
  /** Office's RecipientsChanged event; resolves with a function that stops it. */
  readonly subscribeRecipientsChanged: (listener: () => void) => Promise<() => void>;
  /**
   * Outlook opening the pane again while it is open (InitializationContextChanged, Mailbox 1.15);
   * resolves with a function that stops it. Absent: the client reloads the pane instead.
   */
  readonly subscribeReopened?: (listener: () => void) => Promise<() => void>;
  /**
   * Whether this Outlook can sign in at all (nested app authentication, NestedAppAuth 1.1). Absent:
   * assumed it can.
   */
  readonly signInSupported?: () => boolean;
  /** The words in Outlook's display language; British English when absent. */
  readonly words?: PaneWords;
  readonly now?: () => number;
}

/** How many checks evaluate runs before it settles for one the recipients have overtaken. */
export const CHECK_ATTEMPTS = 3;

/** Every Graph permission the directory's paths ask for, so one sign-in covers them all. */
export const SIGN_IN_PERMISSIONS: readonly string[] = [...MAILTIPS_SCOPES, ...GROUP_COUNT_SCOPES];

/** Starts an asynchronous subscription; the function returned stops it, even before it has started. */
function subscription(start: () => Promise<() => void>): () => void {
  let stopped = false;
  let stop: (() => void) | null = null;
  Promise.resolve()
    .then(start)
    .then(
      (unsubscribe) => (stopped ? unsubscribe() : (stop = unsubscribe)),
      () => undefined,
    );
  return () => {
    stopped = true;
    stop?.();
  };
}

export function createOfficeBackend(deps: OfficeBackendDeps): TaskPaneBackend {
  const now = deps.now ?? Date.now;
  const { item } = deps;
  const words = deps.words ?? BRITISH_ENGLISH;
  let lastSettings: Settings | null = null;
  let lastDecision: Decision | null = null;

  async function evaluate(): Promise<PaneSnapshot> {
    const settings = await deps.loadSettings("compose");
    lastSettings = settings;
    const check = await currentCheck(settings);
    const { decision, acknowledged } = check;
    lastDecision = decision;
    // Keep the info bar in step with what the pane now knows (after a sign-in, say), as the handlers do.
    await showWarning(item, check, words).catch(() => undefined);
    const configured = settings.config.clientId !== "";
    // Asked each time: cheap, and a pane never outlives the client it was opened in.
    const canSignIn = deps.signInSupported ? deps.signInSupported() : true;
    return {
      decision,
      acknowledged,
      needsSignIn: configured && canSignIn && decision.reasons.some((reason) => reason.code === "no-token"),
      signInUnsupported: configured && !canSignIn,
      directoryUnavailableVerdict: settings.policy.directoryUnavailable,
      settingsProblems: settings.problems,
    };
  }

  /**
   * A check of the recipients there are now: one overtaken by a change while it waited is run
   * again, since the pane must not show (or let the sender confirm) a decision for other
   * recipients. A few tries at most: the sender may still be typing, and every change also sends
   * RecipientsChanged, which evaluates afresh; the last try is returned even if overtaken too.
   */
  async function currentCheck(settings: Settings): Promise<DraftCheck> {
    for (let attempt = 1; ; attempt++) {
      const check = await checkWhileComposing(item, {
        policy: settings.policy,
        directory: deps.directory(settings),
        ...(settings.catalogue ? { catalogue: settings.catalogue.lists } : {}),
        ...(deps.threads ? { threads: deps.threads(settings) } : {}),
        now,
      });
      if (!check.stale || attempt >= CHECK_ATTEMPTS) return check;
    }
  }

  async function apply(plan: EditPlan, said: (count: number, written: string) => string): Promise<string> {
    const text = words.text.taskPane;
    const leftAlone = plan.locked.map(({ field, reason }) =>
      text.fieldLeftAlone(words.text.field[field], reason),
    );
    if (plan.changed === 0) return leftAlone.length > 0 ? leftAlone.join(" ") : text.nothingChanged;
    for (const edit of plan.edits) {
      if (edit.mode === "add") await item.addRecipients(edit.field, edit.recipients);
      else await item.setRecipients(edit.field, edit.recipients);
    }
    return [said(plan.changed, words.count(plan.changed)), ...leftAlone].join(" ");
  }

  return {
    evaluate,

    async applyFix(fix: Fix) {
      const recipients = await item.getRecipients();
      const cap = item.recipientCap();
      switch (fix.kind) {
        case "move-to-bcc":
          return apply(planMoveToBcc(recipients, fix.addresses, cap), words.text.taskPane.moved);
        case "remove":
          return apply(planRemove(recipients, fix.addresses, cap), words.text.taskPane.removed);
        case "remove-external": {
          const decision = lastDecision ?? (await evaluate()).decision;
          const external = decision.recipients.filter((r) => r.kind === "external").map((r) => r.address);
          return apply(planRemove(recipients, external, cap), words.text.taskPane.removed);
        }
      }
    },

    async acknowledge(decision: Decision) {
      if (!decision.acknowledgeable) throw new Error(`A ${decision.verdict} cannot be acknowledged here`);
      if (!(await acknowledgeDraft(item, decision, new Date(now())))) {
        throw new Error("Outlook did not save the acknowledgement");
      }
      // The sender has confirmed: the early warning has done its job.
      await item.removeInfoBar(INFO_BAR_KEY);
    },

    async signIn() {
      const settings = lastSettings ?? (await deps.loadSettings("compose"));
      await deps.auth(settings).signIn(graphScopes(settings.config.graphRoot, SIGN_IN_PERMISSIONS));
    },

    onRecipientsChanged(listener: () => void) {
      return subscription(() => deps.subscribeRecipientsChanged(listener));
    },

    onReopened(listener: () => void) {
      const subscribe = deps.subscribeReopened;
      return subscribe ? subscription(() => subscribe(listener)) : () => undefined;
    },
  };
}
