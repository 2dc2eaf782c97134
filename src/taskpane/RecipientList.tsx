import { Badge, Button } from "@fluentui/react-components";
import { useState } from "react";
import type { Field, ResolvedRecipient } from "../core/types";
import { FIELDS } from "../core/types";
import { enGB } from "../strings/en-GB";
import type { Fix } from "./backend";

export const PAGE = 50;

/** Largest reach first: lists by size, unknown lists next (they may be huge), then the rest. */
function weight(recipient: ResolvedRecipient): number {
  if (recipient.kind === "list") return 2_000_000_000 + (recipient.members ?? 0);
  if (recipient.kind === "unknown") return 1_000_000_000;
  if (recipient.kind === "external") return 2;
  return recipient.kind === "invalid" ? 3 : 1;
}

export function sortByReach(recipients: readonly ResolvedRecipient[]): ResolvedRecipient[] {
  return [...recipients].sort((a, b) => weight(b) - weight(a) || a.address.localeCompare(b.address));
}

interface RowProps {
  readonly recipient: ResolvedRecipient;
  readonly busy: boolean;
  readonly onFix: (fix: Fix) => void;
}

function Row({ recipient, busy, onFix }: RowProps) {
  const text = enGB.taskPane;
  const notes: string[] = [];
  if (recipient.kind === "list" && recipient.members !== null) notes.push(text.members(recipient.members));
  if (recipient.externalMembers) notes.push(text.outside(recipient.externalMembers));
  if (recipient.blockedBy) notes.push(text.blockedByPolicy);
  if (recipient.restricted) notes.push(text.restricted);
  if (recipient.moderated) notes.push(text.moderated);
  const movable = recipient.field !== "bcc" && (recipient.kind === "list" || recipient.kind === "unknown");
  return (
    <li className="rg-recipient">
      <div>
        <span className="rg-name">{recipient.displayName || recipient.address}</span>{" "}
        <Badge appearance="outline" color={recipient.kind === "list" ? "warning" : "informative"}>
          {text.kind[recipient.kind]}
        </Badge>
      </div>
      {recipient.displayName && <div className="rg-address">{recipient.address}</div>}
      {notes.length > 0 && <div className="rg-notes">{notes.join(" · ")}</div>}
      <div className="rg-actions">
        {movable && (
          <Button
            size="small"
            disabled={busy}
            aria-label={text.moveToBccLabel(recipient.address)}
            onClick={() => onFix({ kind: "move-to-bcc", addresses: [recipient.address] })}
          >
            {text.moveToBcc}
          </Button>
        )}
        <Button
          size="small"
          disabled={busy}
          aria-label={text.removeLabel(recipient.address)}
          onClick={() => onFix({ kind: "remove", addresses: [recipient.address] })}
        >
          {text.remove}
        </Button>
      </div>
    </li>
  );
}

function FieldGroup({
  field,
  recipients,
  busy,
  onFix,
}: {
  field: Field;
  recipients: readonly ResolvedRecipient[];
  busy: boolean;
  onFix: (fix: Fix) => void;
}) {
  const [shown, setShown] = useState(PAGE);
  const sorted = sortByReach(recipients);
  const left = sorted.length - shown;
  return (
    <section aria-labelledby={`field-${field}`}>
      <h3 id={`field-${field}`}>
        {enGB.taskPane.field[field]} ({sorted.length})
      </h3>
      <ul className="rg-list">
        {sorted.slice(0, shown).map((recipient) => (
          <Row
            key={`${recipient.field}:${recipient.address}`}
            recipient={recipient}
            busy={busy}
            onFix={onFix}
          />
        ))}
      </ul>
      {left > 0 && <Button onClick={() => setShown(shown + PAGE)}>{enGB.taskPane.showMore(left)}</Button>}
    </section>
  );
}

export function RecipientList({
  recipients,
  busy,
  onFix,
}: {
  recipients: readonly ResolvedRecipient[];
  busy: boolean;
  onFix: (fix: Fix) => void;
}) {
  return (
    <section aria-labelledby="recipients-heading">
      <h2 id="recipients-heading">{enGB.taskPane.recipientsHeading}</h2>
      {FIELDS.map((field) => {
        const inField = recipients.filter((recipient) => recipient.field === field);
        return inField.length > 0 ? (
          <FieldGroup key={field} field={field} recipients={inField} busy={busy} onFix={onFix} />
        ) : null;
      })}
    </section>
  );
}
