import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { text } from "./strings";
import { useHost, usePlaygroundState } from "./usePlayground";

const useStyles = makeStyles({
  nav: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
  },
  list: { listStyle: "none", margin: 0, padding: 0, overflowY: "auto" },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  message: {
    width: "100%",
    textAlign: "left",
    display: "block",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    background: "none",
    border: "none",
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    font: "inherit",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  from: { display: "block", fontWeight: tokens.fontWeightSemibold },
  subject: { display: "block" },
  newMessage: { margin: tokens.spacingHorizontalS },
});

export function Folders() {
  const host = useHost();
  const state = usePlaygroundState();
  const styles = useStyles();
  const count = (folder: "inbox" | "sent") =>
    state.messages.filter((message) => message.folder === folder).length;
  return (
    <nav aria-label={text.folders} className={styles.nav}>
      {(["inbox", "sent"] as const).map((folder) => (
        <Button
          key={folder}
          appearance={state.folder === folder ? "primary" : "subtle"}
          aria-current={state.folder === folder ? "page" : undefined}
          onClick={() => host.selectFolder(folder)}
        >
          {`${folder === "inbox" ? text.inbox : text.sent} (${count(folder)})`}
        </Button>
      ))}
    </nav>
  );
}

export function MessageList() {
  const host = useHost();
  const state = usePlaygroundState();
  const styles = useStyles();
  const folderName = state.folder === "inbox" ? text.inbox : text.sent;
  const messages = state.messages.filter((message) => message.folder === state.folder);
  return (
    <section aria-label={text.messagesIn(folderName)}>
      <Button className={styles.newMessage} appearance="primary" onClick={() => host.compose("new")}>
        {text.newMessage}
      </Button>
      {messages.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <ul aria-label={text.messagesIn(folderName)} className={styles.list}>
          {messages.map((message) => (
            <li key={message.id} className={styles.item}>
              <button
                type="button"
                className={mergeClasses(styles.message, message.id === state.selectedId && styles.selected)}
                aria-current={message.id === state.selectedId ? "true" : undefined}
                onClick={() => host.selectMessage(message.id)}
              >
                <span className={styles.subject}>{message.subject || "(no subject)"}</span>
                <span className={styles.from}>
                  {message.folder === "sent" ? message.to.join(", ") : message.from.displayName}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
