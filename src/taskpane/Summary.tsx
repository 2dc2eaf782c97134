import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { enGB } from "../strings/en-GB";
import type { PaneSnapshot } from "./backend";

const DIRECTORY_CODES = new Set(["directory-unavailable", "directory-not-permitted", "no-token"]);

/** The verdict in plain words, its reasons, how exact the figure is, and what the policy does. */
export function Summary({ snapshot }: { snapshot: PaneSnapshot }) {
  const { decision } = snapshot;
  const text = enGB.taskPane;
  const intent = decision.verdict === "block" ? "error" : decision.verdict === "warn" ? "warning" : "success";
  const reasons = decision.reasons.filter(
    (reason) => reason.verdict !== "allow" || reason.code === "broadcaster",
  );
  const directoryDown = decision.reasons.some((reason) => DIRECTORY_CODES.has(reason.code));
  return (
    <section aria-labelledby="verdict-heading">
      <h1 id="verdict-heading" className="rg-verdict">
        {text.reach(decision.reach, decision.accuracy)}
      </h1>
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {decision.verdict === "allow"
              ? text.fine
              : `${decision.verdict === "block" ? "Blocked" : "Warning"}`}
          </MessageBarTitle>
          {reasons.length > 0 && (
            <ul className="rg-reasons">
              {reasons.map((reason, index) => (
                <li key={`${reason.code}-${index}`}>{reason.message}</li>
              ))}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
      <p className="rg-accuracy">{text.accuracy[decision.accuracy]}</p>
      {directoryDown && (
        <p className="rg-policy">{text.directoryPolicy(snapshot.directoryUnavailableVerdict)}</p>
      )}
    </section>
  );
}
