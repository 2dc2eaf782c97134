import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { HEADER_NAME } from "../../core/header";
import { text } from "./strings";
import { useHost, usePlaygroundState } from "./usePlayground";

const useStyles = makeStyles({
  pane: { padding: tokens.spacingHorizontalL, overflowY: "auto" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalM },
  meta: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
  },
  body: { whiteSpace: "pre-wrap" },
  headers: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
});

export function ReadingPane() {
  const host = useHost();
  const state = usePlaygroundState();
  const styles = useStyles();
  const message = state.messages.find((candidate) => candidate.id === state.selectedId);
  if (!message) return <div className={styles.pane}>{text.empty}</div>;
  const headers = Object.entries(message.headers);
  return (
    <article className={styles.pane} aria-labelledby="reading-subject">
      {message.folder === "inbox" && (
        <div className={styles.actions}>
          <Button onClick={() => host.compose("reply")}>{text.reply}</Button>
          <Button onClick={() => host.compose("replyAll")}>{text.replyAll}</Button>
          <Button onClick={() => host.compose("forward")}>{text.forward}</Button>
        </div>
      )}
      <h2 id="reading-subject">{message.subject || "(no subject)"}</h2>
      <dl className={styles.meta}>
        <dt>{text.from}</dt>
        <dd>{`${message.from.displayName} <${message.from.emailAddress}>`}</dd>
        {(["to", "cc", "bcc"] as const)
          .filter((field) => message[field].length > 0)
          .map((field) => [
            <dt key={`${field}-label`}>{text[field]}</dt>,
            <dd key={`${field}-value`}>{message[field].join("; ")}</dd>,
          ])}
      </dl>
      <p className={styles.body}>{message.body}</p>
      {message.folder === "sent" && (
        <section aria-labelledby="headers-heading">
          <h3 id="headers-heading">{text.headers}</h3>
          {headers.length === 0 ? (
            <p>{text.noHeaders}</p>
          ) : (
            <ul className={styles.headers}>
              {headers.map(([name, value]) => (
                <li key={name} data-testid={name === HEADER_NAME ? "reach-guard-header" : undefined}>
                  {`${name}: ${value}`}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </article>
  );
}
