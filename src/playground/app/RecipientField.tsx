import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Field, RecipientDetails } from "../host/protocol";
import { text } from "./strings";
import { useHost } from "./usePlayground";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  label: { width: "3rem", fontWeight: tokens.fontWeightSemibold },
  pills: { display: "contents", listStyle: "none" },
  pill: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  input: {
    flexGrow: 1,
    minWidth: "14rem",
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStrokeAccessible}`,
    padding: tokens.spacingVerticalXS,
    font: "inherit",
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
  },
});

/** "Name <a@b.org>" or a bare address, as typed or pasted into Outlook's To line. */
function parseTyped(value: string): { address: string; displayName?: string } | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const angle = /^(.*)<([^>]+)>$/.exec(trimmed);
  if (angle) {
    const name = (angle[1] ?? "").trim().replace(/^"|"$/g, "");
    return { address: (angle[2] ?? "").trim(), ...(name ? { displayName: name } : {}) };
  }
  return { address: trimmed };
}

export function RecipientField({
  field,
  recipients,
  disabled,
}: {
  field: Field;
  recipients: readonly RecipientDetails[];
  disabled: boolean;
}) {
  const host = useHost();
  const styles = useStyles();
  const [typed, setTyped] = useState("");
  const label = text[field];
  const commit = (value: string) => {
    for (const part of value.split(/[;,]/)) {
      const parsed = parseTyped(part);
      if (!parsed) continue;
      // A personal contact group is chosen by its name; Outlook adds it without an address.
      const group = host.contactGroups.find((name) => name.toLowerCase() === parsed.address.toLowerCase());
      if (group) host.currentDraft?.addContactGroup(field, group);
      else host.currentDraft?.addRecipient(field, parsed.address, parsed.displayName);
    }
    setTyped("");
  };
  return (
    <div className={styles.row}>
      <span className={styles.label} id={`label-${field}`}>
        {label}
      </span>
      <ul aria-label={text.recipientsOf(label)} className={styles.pills}>
        {recipients.map((recipient, index) => (
          <li
            key={`${recipient.emailAddress}-${index}`}
            className={styles.pill}
            title={recipient.emailAddress || text.contactGroupHint}
          >
            {recipient.displayName || recipient.emailAddress}
            <Button
              size="small"
              appearance="transparent"
              disabled={disabled}
              aria-label={text.removeRecipient(recipient.emailAddress || recipient.displayName)}
              onClick={() => host.currentDraft?.removeRecipientAt(field, index)}
            >
              ×
            </Button>
          </li>
        ))}
      </ul>
      <input
        className={styles.input}
        list="directory-suggestions"
        aria-label={text.addRecipient(label)}
        value={typed}
        disabled={disabled}
        onChange={(event) => {
          const value = event.target.value;
          if (/[;,]$/.test(value)) commit(value);
          else setTyped(value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit(typed);
          } else if (event.key === "Backspace" && typed === "" && recipients.length > 0) {
            host.currentDraft?.removeRecipientAt(field, recipients.length - 1);
          }
        }}
        onBlur={() => commit(typed)}
      />
    </div>
  );
}
