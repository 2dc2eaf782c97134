import { Button, Checkbox } from "@fluentui/react-components";
import { useState } from "react";
import { enGB } from "../strings/en-GB";
import type { PaneSnapshot } from "./backend";

/** The sender's confirmation of a warning, bound by the backend to this exact recipient set. */
export function Acknowledge({
  snapshot,
  busy,
  onConfirm,
}: {
  snapshot: PaneSnapshot;
  busy: boolean;
  onConfirm: () => void;
}) {
  const [checked, setChecked] = useState(false);
  const { decision } = snapshot;
  const text = enGB.taskPane;
  if (decision.verdict === "allow") return null;
  return (
    <section aria-labelledby="ack-heading">
      <h2 id="ack-heading">{text.acknowledgeHeading}</h2>
      {snapshot.acknowledged ? (
        <p role="status">{text.confirmed}</p>
      ) : decision.acknowledgeable ? (
        <>
          <Checkbox
            checked={checked}
            onChange={(_, data) => setChecked(data.checked === true)}
            label={text.acknowledge(decision.reach, decision.accuracy)}
          />
          <div>
            <Button appearance="primary" disabled={!checked || busy} onClick={onConfirm}>
              {text.confirm}
            </Button>
          </div>
        </>
      ) : (
        <p>{text.cannotSend}</p>
      )}
    </section>
  );
}
