import { Button, Input, Spinner, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { DraftSnapshot } from "../host/draft";
import { FIELDS } from "../host/protocol";
import { InfoBar } from "./InfoBar";
import { RecipientField } from "./RecipientField";
import { text } from "./strings";
import { useHost, usePlaygroundState } from "./usePlayground";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    overflowY: "auto",
  },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  from: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  body: { minHeight: "10rem" },
});

export function Compose({ draft }: { draft: DraftSnapshot }) {
  const host = useHost();
  const state = usePlaygroundState();
  const styles = useStyles();
  const button = host.taskPaneButton();
  const busy = state.sending !== "idle";
  const phone = state.platform === "phone";
  return (
    <form
      aria-label={text.composeLabel(draft.subject)}
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void host.send();
      }}
    >
      <div className={styles.toolbar}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {text.send}
        </Button>
        <Button type="button" onClick={() => host.discard()}>
          {text.discard}
        </Button>
        {button && (
          <Button type="button" onClick={() => host.runCommand(button.id)}>
            {host.taskPaneButtonLabel() ?? button.label}
          </Button>
        )}
        <span aria-live="polite">
          {busy && <Spinner size="tiny" label={state.sending === "slow" ? text.slow : text.checking} />}
        </span>
      </div>
      {phone && <p className={styles.note}>{text.phoneSend}</p>}
      <InfoBar draft={draft} />
      <p className={styles.from}>
        <strong>{text.from}</strong> {`${draft.from.displayName} <${draft.from.emailAddress}>`}
      </p>
      {FIELDS.map((field) => (
        <RecipientField key={field} field={field} recipients={draft.recipients[field]} disabled={busy} />
      ))}
      <Input
        aria-label={text.subject}
        placeholder={text.subject}
        value={draft.subject}
        onChange={(_, data) => host.currentDraft?.setSubject(data.value)}
      />
      <Textarea
        aria-label={text.body}
        className={styles.body}
        value={draft.body}
        onChange={(_, data) => host.currentDraft?.setBody(data.value)}
      />
    </form>
  );
}
