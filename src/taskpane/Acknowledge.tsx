import { Button, Checkbox } from "@fluentui/react-components";
import { forwardRef, useState } from "react";
import type { PaneSnapshot } from "./backend";
import { usePaneStyles } from "./styles";
import { useWords } from "./words";

interface AcknowledgeProps {
  readonly snapshot: PaneSnapshot;
  readonly busy: boolean;
  readonly onConfirm: () => void;
}

/**
 * The sender's confirmation of a warning (or of a broadcaster's block), bound by the backend to this
 * exact recipient set. The parent keys it by fingerprint, so a change of recipients clears the tick.
 */
export const Acknowledge = forwardRef<HTMLParagraphElement, AcknowledgeProps>(function Acknowledge(
  { snapshot, busy, onConfirm },
  confirmationRef,
) {
  const styles = usePaneStyles();
  const [checked, setChecked] = useState(false);
  const { decision } = snapshot;
  const words = useWords();
  const text = words.text.taskPane;
  if (decision.verdict === "allow") return null;
  // A block only the policy can lift: nothing to confirm (an old confirmation included), only what to do.
  if (!decision.acknowledgeable) return <p className={styles.text}>{text.cannotSend}</p>;
  return (
    <section aria-labelledby="rg-acknowledge" className={styles.section}>
      <h2 id="rg-acknowledge" className={styles.heading}>
        {text.acknowledgeHeading}
      </h2>
      {snapshot.acknowledged ? (
        <p ref={confirmationRef} tabIndex={-1} className={styles.confirmed}>
          {text.confirmed}
        </p>
      ) : (
        <>
          <Checkbox
            checked={checked}
            onChange={(_, data) => setChecked(data.checked === true)}
            label={text.acknowledge(words.people({ value: decision.reach, accuracy: decision.accuracy }))}
          />
          <Button appearance="primary" disabled={!checked || busy} onClick={onConfirm}>
            {text.confirm}
          </Button>
        </>
      )}
    </section>
  );
});
