import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Decision } from "../core/types";
import type { PaneWords } from "../present/pane-words";
import type { Fix, PaneSnapshot, TaskPaneBackend } from "./backend";

// The pane's state: the newest evaluation wins over an older one still running, and each action
// changes the draft, says what it did, then re-evaluates.

export type PaneState =
  | { readonly kind: "resolving" }
  | { readonly kind: "ready"; readonly snapshot: PaneSnapshot; readonly updating: boolean }
  | { readonly kind: "failed" };

/** Where keyboard focus goes once an action's result is shown, so that it is never lost. */
export type FocusTarget = "verdict" | "confirmation";

export interface PaneActions {
  retry(): void;
  applyFix(fix: Fix): void;
  acknowledge(decision: Decision): void;
  signIn(): void;
  focusDone(): void;
}

export interface TaskPaneModel {
  readonly state: PaneState;
  readonly busy: boolean;
  /** What the last action did, for the live region, until the recipients change again. */
  readonly notice: string;
  readonly error: string | null;
  readonly focusTarget: FocusTarget | null;
  readonly actions: PaneActions;
}

export function useTaskPane(backend: TaskPaneBackend, words: PaneWords): TaskPaneModel {
  const [state, setState] = useState<PaneState>({ kind: "resolving" });
  const [busy, setBusy] = useState(false);
  // What the last action did, shown while the recipients are the ones it left (by fingerprint).
  const [notice, setNotice] = useState<{ readonly text: string; readonly fingerprint: string | null } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const sequence = useRef(0);

  const refresh = useCallback(async (): Promise<PaneSnapshot | null> => {
    const mine = ++sequence.current;
    setState((previous) =>
      previous.kind === "ready" ? { ...previous, updating: true } : { kind: "resolving" },
    );
    try {
      const snapshot = await backend.evaluate();
      if (mine === sequence.current) setState({ kind: "ready", snapshot, updating: false });
      return snapshot;
    } catch {
      if (mine === sequence.current) setState({ kind: "failed" });
      return null;
    }
  }, [backend]);

  useEffect(() => {
    void refresh();
    const stopChanges = backend.onRecipientsChanged(() => void refresh());
    // Opened again from a Smart Alert or the info bar while open: Outlook keeps this page (and what
    // the sender was doing in it) when told so, and the recipients may have changed since.
    const stopReopened = backend.onReopened?.(() => void refresh()) ?? (() => undefined);
    return () => {
      stopChanges();
      stopReopened();
    };
  }, [backend, refresh]);

  const actions = useMemo((): PaneActions => {
    const text = words.text.taskPane;
    const run = async (work: () => Promise<string | void>, failure: string, focus: FocusTarget) => {
      setBusy(true);
      setError(null);
      setNotice(null);
      let said: string | void;
      try {
        said = await work();
      } catch {
        setError(failure);
        setBusy(false);
        return;
      }
      const snapshot = await refresh();
      if (said) setNotice({ text: said, fingerprint: snapshot?.decision.fingerprint ?? null });
      setFocusTarget(focus);
      setBusy(false);
    };
    return {
      retry: () => void refresh(),
      applyFix: (fix) => void run(() => backend.applyFix(fix), text.fixFailed, "verdict"),
      acknowledge: (decision) =>
        void run(() => backend.acknowledge(decision), text.acknowledgeFailed, "confirmation"),
      signIn: () => void run(() => backend.signIn().then(() => text.signedIn), text.signInFailed, "verdict"),
      focusDone: () => setFocusTarget(null),
    };
  }, [backend, refresh, words]);

  const current = state.kind === "ready" ? state.snapshot.decision.fingerprint : null;
  const shown = notice && notice.fingerprint === current ? notice.text : "";
  return { state, busy, notice: shown, error, focusTarget, actions };
}
