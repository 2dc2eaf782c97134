import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { text } from "./strings";
import { useHost } from "./usePlayground";

const useStyles = makeStyles({
  aside: {
    display: "flex",
    flexDirection: "column",
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: "22rem",
    width: "26rem",
  },
  bar: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    padding: tokens.spacingHorizontalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300 },
  frame: { flexGrow: 1, border: "none", width: "100%" },
});

/** The add-in's task pane, in its own frame as in Outlook on the web; reloaded each time it opens. */
export function TaskPaneFrame({ generation }: { generation: number }) {
  const host = useHost();
  const styles = useStyles();
  return (
    <aside aria-label={text.taskPane} className={styles.aside}>
      <div className={styles.bar}>
        <h2 className={styles.title}>{host.environment.manifest.displayName}</h2>
        <Button appearance="subtle" aria-label={text.closeTaskPane} onClick={() => host.closeTaskPane()}>
          ×
        </Button>
      </div>
      <iframe key={generation} className={styles.frame} title={text.taskPane} src="taskpane.html" />
    </aside>
  );
}
