import { Button } from "@fluentui/react-components";
import type { Decision, Reason } from "../core/types";
import type { Fix } from "./backend";
import { usePaneStyles } from "./styles";
import { useWords } from "./words";

/**
 * The fewest lists whose removal brings the reach under the limit: the largest first. A list of
 * unknown size is never counted on to help.
 */
function largestUntilUnder(reason: Extract<Reason, { code: "reach-over-block" }>): string[] {
  let reach = reason.data.reach.value;
  const chosen: string[] = [];
  const bySize = [...reason.data.lists].sort((a, b) => (b.members ?? 0) - (a.members ?? 0));
  for (const list of bySize) {
    if (reach < reason.data.limit) break;
    chosen.push(list.address);
    reach -= list.members ?? 0;
  }
  return chosen;
}

/** The recipients a block rests on: removing them is what clears it. Empty unless blocked. */
export function blockingAddresses(decision: Decision): string[] {
  if (decision.verdict !== "block") return [];
  const addresses = decision.reasons
    .filter((reason) => reason.verdict === "block")
    .flatMap((reason) => (reason.code === "reach-over-block" ? largestUntilUnder(reason) : reason.addresses))
    .filter((address) => address !== "");
  return [...new Set(addresses)];
}

/** Lists (and lists of unknown size) in To or Cc: Bcc stops replies to all of them. */
export function movableLists(decision: Decision): string[] {
  const addresses = decision.recipients
    .filter((r) => r.field !== "bcc" && r.address !== "" && (r.kind === "list" || r.kind === "unknown"))
    .map((r) => r.address);
  return [...new Set(addresses)];
}

/**
 * In a reply-all storm, the person the reply answers: Outlook puts the sender of the message replied
 * to first in To. Only a person is kept (never a list); null when there is no storm or no such person.
 */
export function stormSender(decision: Decision): { address: string; name: string; others: string[] } | null {
  if (!decision.reasons.some((reason) => reason.code === "storm")) return null;
  const first = decision.recipients.find((r) => r.field === "to");
  if (!first || first.address === "" || (first.kind !== "person" && first.kind !== "external")) return null;
  const others = decision.recipients.map((r) => r.address).filter((address) => address !== first.address);
  if (others.length === 0) return null;
  return {
    address: first.address,
    name: first.displayName.trim() || first.address,
    others: [...new Set(others)],
  };
}

/**
 * The fixes that apply to the whole message, those that clear the verdict first. Moving lists to
 * Bcc stops reply-all but still reaches everyone, so it is offered for a warning, never for a block.
 */
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
  const { text } = useWords();
  if (decision.verdict === "allow") return null;
  const blocking = blockingAddresses(decision);
  const lists = decision.verdict === "warn" ? movableLists(decision) : [];
  const externalWarning = decision.reasons.some((reason) => reason.code === "external-over-warn");
  const external = externalWarning && decision.recipients.some((r) => r.kind === "external");
  const sender = stormSender(decision);
  if (blocking.length === 0 && lists.length === 0 && !external && !sender) return null;
  return (
    <section aria-labelledby="rg-fixes" className={styles.section}>
      <h2 id="rg-fixes" className={styles.heading}>
        {text.taskPane.fixesHeading}
      </h2>
      <div className={styles.actions}>
        {sender && (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => onFix({ kind: "remove", addresses: sender.others })}
          >
            {text.taskPane.replyToSenderOnly(sender.name)}
          </Button>
        )}
        {blocking.length > 0 && (
          <Button
            appearance={sender ? "secondary" : "primary"}
            disabled={busy}
            onClick={() => onFix({ kind: "remove", addresses: blocking })}
          >
            {text.taskPane.removeBlocking(blocking.length)}
          </Button>
        )}
        {external && (
          <Button disabled={busy} onClick={() => onFix({ kind: "remove-external" })}>
            {text.taskPane.removeExternal}
          </Button>
        )}
        {lists.length > 0 && (
          <Button disabled={busy} onClick={() => onFix({ kind: "move-to-bcc", addresses: lists })}>
            {text.taskPane.moveAllToBcc}
          </Button>
        )}
      </div>
      {lists.length > 0 && <p className={styles.secondary}>{text.taskPane.bccNote}</p>}
    </section>
  );
}
