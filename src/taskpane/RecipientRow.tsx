import { Badge, Button } from "@fluentui/react-components";
import { memo } from "react";
import type { ResolvedRecipient } from "../core/types";
import type { PaneWords } from "../present/pane-words";
import { sizeSourceNote } from "../present/size-source";
import type { Fix } from "./backend";
import { usePaneStyles } from "./styles";
import { useWords } from "./words";

interface RowProps {
  readonly recipient: ResolvedRecipient;
  readonly busy: boolean;
  readonly onFix: (fix: Fix) => void;
  /** Whether "Move to Bcc" may be offered (never for a recipient a block rests on). */
  readonly movable?: boolean;
}

function notesOf(recipient: ResolvedRecipient, words: PaneWords): string[] {
  const text = words.text.taskPane;
  const notes: string[] = [];
  if (recipient.kind === "list" && recipient.members !== null)
    notes.push(text.members(recipient.members, words.count(recipient.members)));
  const sizeFrom = sizeSourceNote(recipient, text);
  if (sizeFrom) notes.push(sizeFrom);
  if (recipient.externalMembers)
    notes.push(text.outside(recipient.externalMembers, words.count(recipient.externalMembers)));
  if (recipient.blockedBy) notes.push(text.blockedByPolicy);
  if (recipient.restricted) notes.push(text.restricted);
  if (recipient.moderated) notes.push(text.moderated);
  if (recipient.cause === "contact-group") notes.push(text.contactGroup);
  return notes;
}

const BADGE_COLOUR = {
  person: "informative",
  list: "warning",
  external: "important",
  unknown: "severe",
  invalid: "danger",
} as const;

/** One recipient: who or what it is, how many it reaches, and its own fixes. */
export const RecipientRow = memo(function RecipientRow({
  recipient,
  busy,
  onFix,
  movable: allowed = true,
}: RowProps) {
  const styles = usePaneStyles();
  const words = useWords();
  const text = words.text.taskPane;
  const { address, displayName } = recipient;
  const notes = notesOf(recipient, words);
  // A personal contact group has no address to act on: it is changed in the message itself.
  const fixable = address !== "";
  const movable =
    allowed &&
    fixable &&
    recipient.field !== "bcc" &&
    (recipient.kind === "list" || recipient.kind === "unknown");
  return (
    <li className={styles.row}>
      <div className={styles.rowHead}>
        <span className={styles.name}>{displayName || address}</span>
        <Badge appearance="outline" color={BADGE_COLOUR[recipient.kind]}>
          {text.kind[recipient.kind]}
        </Badge>
      </div>
      {displayName && address && displayName !== address && (
        <span className={styles.secondary}>{address}</span>
      )}
      {notes.length > 0 && <span className={styles.secondary}>{notes.join(" · ")}</span>}
      {fixable && (
        <div className={styles.actions}>
          {movable && (
            <Button
              size="small"
              disabled={busy}
              aria-label={text.moveToBccLabel(address)}
              onClick={() => onFix({ kind: "move-to-bcc", addresses: [address] })}
            >
              {text.moveToBcc}
            </Button>
          )}
          <Button
            size="small"
            disabled={busy}
            aria-label={text.removeLabel(address)}
            onClick={() => onFix({ kind: "remove", addresses: [address] })}
          >
            {text.remove}
            {/* The address in the button's own text too, for tools that match on visible text. */}
            <span className={styles.visuallyHidden}> {address}</span>
          </Button>
        </div>
      )}
    </li>
  );
});
