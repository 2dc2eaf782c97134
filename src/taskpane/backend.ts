import type { Decision } from "../core/types";

// What the task pane needs from the outside world. The Outlook wiring (./office-backend.ts) and the
// component tests provide it; the components never call Office.js or Graph themselves.

export interface PaneSnapshot {
  readonly decision: Decision;
  /** The sender acknowledged exactly this recipient set. */
  readonly acknowledged: boolean;
  /** No Graph token could be had silently: offer sign-in. */
  readonly needsSignIn: boolean;
  /**
   * This Outlook cannot sign in at all (no nested app authentication), so list sizes are never
   * checked here and lists are judged by the policy: said once, with no sign-in button offered.
   */
  readonly signInUnsupported?: boolean;
  /** The policy's verdict when the directory cannot answer, to say it plainly. */
  readonly directoryUnavailableVerdict: "allow" | "warn" | "block";
  /** What was wrong with the admin's policy.json or config.json, for IT: never blocks a send. */
  readonly settingsProblems: readonly string[];
}

export type Fix =
  | { readonly kind: "move-to-bcc"; readonly addresses: readonly string[] }
  | { readonly kind: "remove"; readonly addresses: readonly string[] }
  | { readonly kind: "remove-external" };

export interface TaskPaneBackend {
  evaluate(): Promise<PaneSnapshot>;
  /** Changes the draft; resolves with a short sentence saying what changed (the caller re-evaluates). */
  applyFix(fix: Fix): Promise<string>;
  /** Binds the sender's confirmation to `decision`'s recipient set. */
  acknowledge(decision: Decision): Promise<void>;
  /** Interactive sign-in, on a click; the caller re-evaluates. */
  signIn(): Promise<void>;
  /** Returns an unsubscribe function. */
  onRecipientsChanged(listener: () => void): () => void;
  /**
   * Outlook opened the pane again (from a Smart Alert or the info bar) while it was open: the pane
   * stays as it is and checks again. Returns an unsubscribe function. Optional for test backends.
   */
  onReopened?(listener: () => void): () => void;
}
