import { Button } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Field, ResolvedRecipient } from "../core/types";
import { FIELDS } from "../core/types";
import type { Fix } from "./backend";
import { RecipientRow } from "./RecipientRow";
import { usePaneStyles } from "./styles";
import { useWords } from "./words";

/** Rows shown at first and added by each "Show more": 1,000 recipients stay quick to draw. */
export const PAGE = 50;

/** Largest reach first: lists by size, unknown lists next (they may be huge), then the rest. */
function weight(recipient: ResolvedRecipient): number {
  if (recipient.kind === "list") return 2_000_000_000 + (recipient.members ?? 0);
  if (recipient.kind === "unknown") return 1_000_000_000;
  if (recipient.kind === "invalid") return 3;
  return recipient.kind === "external" ? 2 : 1;
}

export function sortByReach(recipients: readonly ResolvedRecipient[]): ResolvedRecipient[] {
  return [...recipients].sort((a, b) => weight(b) - weight(a) || a.address.localeCompare(b.address));
}

interface GroupProps {
  readonly field: Field;
  readonly recipients: readonly ResolvedRecipient[];
  readonly busy: boolean;
  readonly onFix: (fix: Fix) => void;
  /** Recipients a block rests on: Bcc is no way round it, so they are offered removal only. */
  readonly blocking?: ReadonlySet<string>;
}

function FieldGroup({ field, recipients, busy, onFix, blocking }: GroupProps) {
  const styles = usePaneStyles();
  const words = useWords();
  const text = words.text.taskPane;
  const [shown, setShown] = useState(PAGE);
  const sorted = useMemo(() => sortByReach(recipients), [recipients]);
  const left = sorted.length - shown;
  const seen = new Map<string, number>();
  const headingId = `rg-field-${field}`;
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h3 id={headingId} className={styles.subheading}>
        {text.fieldHeading(words.text.field[field], words.count(sorted.length))}
      </h3>
      <ul className={styles.list} aria-labelledby={headingId}>
        {sorted.slice(0, shown).map((recipient) => {
          // The same address may appear twice in one field; each row keeps its own key.
          const nth = (seen.get(recipient.address) ?? 0) + 1;
          seen.set(recipient.address, nth);
          return (
            <RecipientRow
              key={`${recipient.address}#${nth}`}
              recipient={recipient}
              movable={!blocking?.has(recipient.address)}
              busy={busy}
              onFix={onFix}
            />
          );
        })}
      </ul>
      {left > 0 && (
        <Button onClick={() => setShown(shown + PAGE)}>
          {text.showMore(words.count(Math.min(PAGE, left)), words.count(left))}
        </Button>
      )}
    </section>
  );
}

/** Every recipient, grouped by field (To, Cc, Bcc), largest reach first within each. */
export function RecipientList({ recipients, busy, onFix, blocking }: Omit<GroupProps, "field">) {
  const styles = usePaneStyles();
  const { text } = useWords();
  const byField = useMemo(
    () => FIELDS.map((field) => [field, recipients.filter((r) => r.field === field)] as const),
    [recipients],
  );
  return (
    <section aria-labelledby="rg-recipients" className={styles.section}>
      <h2 id="rg-recipients" className={styles.heading}>
        {text.taskPane.recipientsHeading}
      </h2>
      {byField.map(([field, inField]) =>
        inField.length > 0 ? (
          <FieldGroup
            key={field}
            field={field}
            recipients={inField}
            busy={busy}
            onFix={onFix}
            {...(blocking ? { blocking } : {})}
          />
        ) : null,
      )}
    </section>
  );
}
