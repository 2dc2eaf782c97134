import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { BRITISH_ENGLISH, type PaneWords } from "../present/pane-words";
import { Acknowledge } from "./Acknowledge";
import type { PaneSnapshot, TaskPaneBackend } from "./backend";
import { primaryReason } from "../core/primary-reason";
import { blockingAddresses, Fixes } from "./Fixes";
import { RecipientList } from "./RecipientList";
import { SignIn } from "./SignIn";
import { usePaneStyles } from "./styles";
import { Summary } from "./Summary";
import { fixedTheme, fluentTheme, type PaneTheme, type ThemeSource } from "./theme";
import { useTaskPane, type PaneActions, type TaskPaneModel } from "./useTaskPane";
import { useWords, WordsProvider } from "./words";

function usePaneTheme(theme: PaneTheme | ThemeSource): PaneTheme {
  const source = useMemo(() => (typeof theme === "string" ? fixedTheme(theme) : theme), [theme]);
  return useSyncExternalStore(source.subscribe, source.current);
}

function Ready({
  snapshot,
  model,
  actions,
}: {
  snapshot: PaneSnapshot;
  model: TaskPaneModel;
  actions: PaneActions;
}) {
  const verdictRef = useRef<HTMLHeadingElement>(null);
  const confirmationRef = useRef<HTMLParagraphElement>(null);
  const { focusTarget, busy } = model;
  useEffect(() => {
    if (!focusTarget) return;
    const target =
      focusTarget === "confirmation" ? (confirmationRef.current ?? verdictRef.current) : verdictRef.current;
    target?.focus();
    actions.focusDone();
  }, [focusTarget, actions]);
  const { decision } = snapshot;
  // No button where no sign-in can work (this Outlook has no nested app authentication); above all
  // else when signing in is the only way forward (the verdict rests on the missing token).
  const signIn = snapshot.needsSignIn && !snapshot.signInUnsupported;
  const signInFirst = signIn && primaryReason(decision)?.code === "no-token";
  const signInSection = <SignIn busy={busy} onSignIn={actions.signIn} />;
  return (
    <>
      {signInFirst && signInSection}
      <Summary ref={verdictRef} snapshot={snapshot} />
      {signIn && !signInFirst && signInSection}
      <Fixes decision={decision} busy={busy} onFix={actions.applyFix} />
      <Acknowledge
        key={decision.fingerprint}
        ref={confirmationRef}
        snapshot={snapshot}
        busy={busy}
        onConfirm={() => actions.acknowledge(decision)}
      />
      <RecipientList
        recipients={decision.recipients}
        busy={busy}
        onFix={actions.applyFix}
        blocking={new Set(blockingAddresses(decision))}
      />
    </>
  );
}

/** The task pane: review who a message reaches, fix it, or confirm it. */
export function TaskPane({
  backend,
  theme,
  words = BRITISH_ENGLISH,
}: {
  backend: TaskPaneBackend;
  theme: PaneTheme | ThemeSource;
  words?: PaneWords;
}) {
  return (
    <WordsProvider words={words}>
      <Pane backend={backend} theme={theme} />
    </WordsProvider>
  );
}

function Pane({ backend, theme }: { backend: TaskPaneBackend; theme: PaneTheme | ThemeSource }) {
  const styles = usePaneStyles();
  const words = useWords();
  const model = useTaskPane(backend, words);
  const { state, actions } = model;
  const text = words.text.taskPane;
  return (
    <FluentProvider
      theme={fluentTheme(usePaneTheme(theme))}
      className={styles.root}
      data-testid="task-pane"
      lang={words.locale}
    >
      <main className={styles.main} aria-busy={state.kind === "resolving"}>
        <p role="status" className={styles.status}>
          {model.notice}
        </p>
        {model.error && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{model.error}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "resolving" && <Spinner label={text.checking} />}
        {state.kind === "ready" && state.updating && <Spinner size="extra-tiny" label={text.updating} />}
        {state.kind === "failed" && (
          <section role="alert" className={styles.section}>
            <h1 className={styles.verdict}>{text.failed}</h1>
            <Button onClick={actions.retry}>{text.retry}</Button>
          </section>
        )}
        {state.kind === "ready" && <Ready snapshot={state.snapshot} model={model} actions={actions} />}
      </main>
    </FluentProvider>
  );
}
