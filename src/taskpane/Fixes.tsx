import { Button } from "@fluentui/react-components";
import type { Decision } from "../core/types";
import { enGB } from "../present/en-GB";
import type { Fix } from "./backend";
import { usePaneStyles } from "./styles";

/** Lists (and lists of unknown size) in To or Cc: Bcc stops replies to all of them. */
export function movableLists(decision: Decision): string[] {
  const addresses = decision.recipients
    .filter((r) => r.field !== "bcc" && r.address !== "" && (r.kind === "list" || r.kind === "unknown"))
    .map((r) => r.address);
  return [...new Set(addresses)];
}

/** The fixes that apply to the whole message. */
export function Fixes({
  decision,
  busy,
  onFix,
}: {
  decision: Decision;
  busy: boolean;
  onFix: (fix: Fix) => void;
}) {
  const styles = usePaneStyles();
  const lists = movableLists(decision);
  const external = decision.recipients.some((r) => r.kind === "external");
  if (decision.verdict === "allow" || (lists.length === 0 && !external)) return null;
  return (
    <section aria-labelledby="rg-fixes" className={styles.section}>
      <h2 id="rg-fixes" className={styles.heading}>
        {enGB.taskPane.fixesHeading}
      </h2>
      <div className={styles.actions}>
        {lists.length > 0 && (
          <Button disabled={busy} onClick={() => onFix({ kind: "move-to-bcc", addresses: lists })}>
            {enGB.taskPane.moveAllToBcc}
          </Button>
        )}
        {external && (
          <Button disabled={busy} onClick={() => onFix({ kind: "remove-external" })}>
            {enGB.taskPane.removeExternal}
          </Button>
        )}
      </div>
    </section>
  );
}
