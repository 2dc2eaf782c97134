import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { PlaygroundHost } from "../host/playground-host";
import { Compose } from "./Compose";
import { Header } from "./Header";
import { Folders, MessageList } from "./MailList";
import { ReadingPane } from "./ReadingPane";
import { SmartAlertDialog } from "./SmartAlertDialog";
import { text } from "./strings";
import { TaskPaneFrame } from "./TaskPaneFrame";
import { HostContext, useHost, usePlaygroundState } from "./usePlayground";

const useStyles = makeStyles({
  shell: { display: "flex", flexDirection: "column", height: "100vh", color: tokens.colorNeutralForeground1 },
  body: {
    display: "grid",
    gridTemplateColumns: "11rem 18rem minmax(24rem, 1fr) auto",
    flexGrow: 1,
    minHeight: 0,
  },
  column: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, overflowY: "auto", minHeight: 0 },
  main: { overflowY: "auto", minHeight: 0, display: "flex", flexDirection: "column" },
  log: { padding: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  hidden: { display: "none" },
});

function Layout() {
  const host = useHost();
  const state = usePlaygroundState();
  const styles = useStyles();
  return (
    <div className={styles.shell}>
      <Header />
      <div className={styles.body}>
        <div className={styles.column}>
          <Folders />
          <section aria-label={text.eventLog} className={styles.log}>
            <h2>{text.eventLog}</h2>
            <ul>
              {state.log.map((line, index) => (
                <li key={`${index}-${line}`}>{line}</li>
              ))}
            </ul>
          </section>
        </div>
        <div className={styles.column}>
          <MessageList />
        </div>
        <main className={styles.main}>{state.draft ? <Compose draft={state.draft} /> : <ReadingPane />}</main>
        {state.draft && state.taskPane.open && <TaskPaneFrame generation={state.taskPane.generation} />}
      </div>
      {/* The add-in's event runtime: Outlook on the web and on Mac load commands.html in a hidden
          frame, loaded again when the platform changes; classic Outlook on Windows runs events.js
          in its JavaScript-only runtime instead (a worker per event, started by the host). */}
      {host.eventRuntimeKind === "frame" && (
        <iframe
          key={state.runtimeGeneration}
          className={styles.hidden}
          title="Reach Guard event runtime"
          src="commands.html"
          aria-hidden="true"
          tabIndex={-1}
        />
      )}
      {state.alert && (
        <SmartAlertDialog alert={state.alert} addinName={"Reach Guard"} language={state.displayLanguage} />
      )}
    </div>
  );
}

export function Playground({ host }: { host: PlaygroundHost }) {
  return (
    <HostContext.Provider value={host}>
      <FluentProvider theme={webLightTheme}>
        <datalist id="directory-suggestions">
          {host.environment.directory.map((entry) => (
            <option key={entry.address} value={entry.address}>
              {entry.displayName}
            </option>
          ))}
          {host.contactGroups.map((name) => (
            <option key={name} value={name}>
              {text.contactGroupHint}
            </option>
          ))}
        </datalist>
        <Layout />
      </FluentProvider>
    </HostContext.Provider>
  );
}
