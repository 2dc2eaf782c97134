import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { DraftSnapshot } from "../host/draft";
import { text } from "./strings";
import { useHost } from "./usePlayground";

const useStyles = makeStyles({
  region: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

const INTENT: Record<string, "info" | "warning" | "error"> = {
  informationalMessage: "info",
  insightMessage: "warning",
  errorMessage: "error",
  progressIndicator: "info",
};

/** Outlook's notification bar above the message: what add-ins put there with notificationMessages. */
export function InfoBar({ draft }: { draft: DraftSnapshot }) {
  const host = useHost();
  const styles = useStyles();
  return (
    <section role="region" aria-label={text.notifications} aria-live="polite" className={styles.region}>
      {draft.notifications.map((notification) => {
        const action = notification.actions?.[0];
        const dismissible = notification.type === "informationalMessage" && notification.persistent !== true;
        return (
          <MessageBar key={notification.key} intent={INTENT[notification.type] ?? "info"}>
            <MessageBarBody>{notification.message}</MessageBarBody>
            {(action || dismissible) && (
              <MessageBarActions>
                {action && (
                  <Button size="small" onClick={() => host.runCommand(action.commandId)}>
                    {action.actionText}
                  </Button>
                )}
                {dismissible && (
                  <Button
                    size="small"
                    appearance="transparent"
                    onClick={() => host.currentDraft?.dismissNotification(notification.key)}
                  >
                    {text.dismiss}
                  </Button>
                )}
              </MessageBarActions>
            )}
          </MessageBar>
        );
      })}
    </section>
  );
}
