import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Decision } from "../core/types";
import { enGB } from "../strings/en-GB";
import { Acknowledge } from "./Acknowledge";
import type { Fix, PaneSnapshot, TaskPaneBackend } from "./backend";
import { RecipientList } from "./RecipientList";
import { Summary } from "./Summary";
import { fluentTheme, type PaneTheme } from "./theme";

type PaneState =
  | { readonly kind: "resolving" }
  | { readonly kind: "ready"; readonly snapshot: PaneSnapshot }
  | { readonly kind: "failed" };

function GlobalFixes({
  decision,
  busy,
  onFix,
}: {
  decision: Decision;
  busy: boolean;
  onFix: (fix: Fix) => void;
}) {
  const lists = decision.recipients.filter(
    (r) => r.field !== "bcc" && (r.kind === "list" || (r.kind === "unknown" && r.cause !== "contact-group")),
  );
  const external = decision.recipients.some((r) => r.kind === "external");
  if (lists.length === 0 && !external) return null;
  return (
    <section aria-labelledby="fixes-heading" className="rg-fixes">
      <h2 id="fixes-heading">{enGB.taskPane.fixesHeading}</h2>
      {lists.length > 0 && (
        <Button
          disabled={busy}
          onClick={() => onFix({ kind: "move-to-bcc", addresses: lists.map((r) => r.address) })}
        >
          {enGB.taskPane.moveAllToBcc}
        </Button>
      )}{" "}
      {external && (
        <Button disabled={busy} onClick={() => onFix({ kind: "remove-external" })}>
          {enGB.taskPane.removeExternal}
        </Button>
      )}
    </section>
  );
}

export function TaskPane({ backend, theme }: { backend: TaskPaneBackend; theme: PaneTheme }) {
  const [state, setState] = useState<PaneState>({ kind: "resolving" });
  const [updating, setUpdating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState("");
  const [error, setError] = useState<string | null>(null);
  const sequence = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++sequence.current;
    setUpdating(true);
    try {
      const snapshot = await backend.evaluate();
      if (mine === sequence.current) setState({ kind: "ready", snapshot });
    } catch {
      if (mine === sequence.current) setState({ kind: "failed" });
    } finally {
      if (mine === sequence.current) setUpdating(false);
    }
  }, [backend]);

  useEffect(() => {
    void refresh();
    return backend.onRecipientsChanged(() => void refresh());
  }, [backend, refresh]);

  const run = async (work: () => Promise<string | void>) => {
    setBusy(true);
    setError(null);
    try {
      const said = await work();
      if (said) setNotice(said);
      await refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  const text = enGB.taskPane;
  return (
    <FluentProvider theme={fluentTheme(theme)} className="rg-pane">
      <main>
        <p className="rg-brand">{text.title}</p>
        <p aria-live="polite" className="rg-status">
          {state.kind === "ready" && updating ? text.updating : ""} {notice}
        </p>
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "resolving" && <Spinner label={text.checking} />}
        {state.kind === "failed" && (
          <div role="alert">
            <h1>{text.failed}</h1>
            <Button onClick={() => void refresh()}>{text.retry}</Button>
          </div>
        )}
        {state.kind === "ready" && (
          <>
            <Summary snapshot={state.snapshot} />
            {state.snapshot.needsSignIn && (
              <section aria-labelledby="sign-in-heading">
                <h2 id="sign-in-heading">{text.signInTitle}</h2>
                <Button appearance="primary" disabled={busy} onClick={() => void run(() => backend.signIn())}>
                  {text.signIn}
                </Button>
              </section>
            )}
            <GlobalFixes
              decision={state.snapshot.decision}
              busy={busy}
              onFix={(fix) => void run(() => backend.applyFix(fix))}
            />
            <Acknowledge
              key={state.snapshot.decision.fingerprint}
              snapshot={state.snapshot}
              busy={busy}
              onConfirm={() => void run(() => backend.acknowledge(state.snapshot.decision))}
            />
            <RecipientList
              recipients={state.snapshot.decision.recipients}
              busy={busy}
              onFix={(fix) => void run(() => backend.applyFix(fix))}
            />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
