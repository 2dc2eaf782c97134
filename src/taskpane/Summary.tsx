import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { forwardRef } from "react";
import type { ReasonCode } from "../core/types";
import type { PaneSnapshot } from "./backend";
import { usePaneStyles } from "./styles";
import { useWords } from "./words";

const DIRECTORY_CODES: readonly ReasonCode[] = [
  "directory-unavailable",
  "directory-not-permitted",
  "no-token",
];

const INTENT = { allow: "success", warn: "warning", block: "error" } as const;

/** The verdict in plain words, the policy's reasons, how exact the figure is, and what the policy does. */
export const Summary = forwardRef<HTMLHeadingElement, { snapshot: PaneSnapshot }>(function Summary(
  { snapshot },
  verdictRef,
) {
  const styles = usePaneStyles();
  const words = useWords();
  const text = words.text.taskPane;
  const { decision } = snapshot;
  // The directory's failures give reasons only for recipients that may be lists (a person Outlook
  // vouches for counts as one), so a message to people alone says nothing of the directory.
  const directoryDown = decision.reasons.some((reason) => DIRECTORY_CODES.includes(reason.code));
  const signInUnsupported = snapshot.signInUnsupported === true;
  const notConfigured =
    !snapshot.needsSignIn &&
    !signInUnsupported &&
    decision.reasons.some((reason) => reason.code === "no-token");
  const empty = decision.recipients.length === 0;
  // A pilot (monitor mode) lets the message go: the sender is told what enforcement would do.
  const monitorNote =
    decision.wouldBe !== decision.verdict && decision.wouldBe !== "allow"
      ? text.monitorNote[decision.wouldBe]
      : null;
  const headline = words.headline(decision);
  // A reason that only repeats the headline ("This message reaches 312 people.") is said once.
  const reasons = [...new Set(decision.reasons.map((reason) => words.reason(reason)))].filter(
    (sentence) => sentence !== headline,
  );
  const accuracy =
    empty || decision.accuracy === "exact"
      ? null
      : decision.accuracy === "incomplete"
        ? text.accuracy.atLeast
        : text.accuracy.about;
  return (
    <section aria-labelledby="rg-verdict" className={styles.section}>
      <h1 id="rg-verdict" ref={verdictRef} tabIndex={-1} className={styles.verdict}>
        {headline}
      </h1>
      <MessageBar intent={INTENT[decision.verdict]} layout="multiline" className={styles.fullWidth}>
        <MessageBarBody>
          <MessageBarTitle>{text.verdictTitle[decision.verdict]}</MessageBarTitle>
          {reasons.length > 0 && (
            <ul className={styles.reasons}>
              {reasons.map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
      {monitorNote && <p className={styles.text}>{monitorNote}</p>}
      {accuracy && <p className={styles.text}>{accuracy}</p>}
      {/* Honest but quiet: the verdict above already names the lists; one line says what the
          policy does about them, and (once) why this Outlook never checks them. */}
      {signInUnsupported && <p className={styles.secondary}>{text.signInUnsupported}</p>}
      {directoryDown && (
        <p className={styles.secondary}>
          {text.directoryPolicy[snapshot.directoryUnavailableVerdict]}
          {notConfigured && ` ${text.notConfigured}`}
        </p>
      )}
      {snapshot.settingsProblems.length > 0 && (
        <details className={styles.secondary}>
          <summary>{text.settingsProblems}</summary>
          <ul className={styles.reasons}>
            {snapshot.settingsProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
});
