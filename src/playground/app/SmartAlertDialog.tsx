import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { SmartAlert } from "../host/playground-host";
import { text } from "./strings";
import { useHost } from "./usePlayground";

/**
 * The Smart Alerts dialog as current Outlook draws it from `event.completed`: the add-in's message,
 * "Take action" (cancelLabel) when a commandId names the task pane, "Send Anyway" only with
 * PromptUser, and "Don't Send", whose words and meaning add-ins cannot change; Outlook's own buttons
 * in its display language.
 */
export function SmartAlertDialog({
  alert,
  addinName,
  language,
}: {
  alert: SmartAlert;
  addinName: string;
  language: keyof typeof text.alertButtons;
}) {
  const host = useHost();
  const buttons = text.alertButtons[language];
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && host.dontSend()}>
      <DialogSurface aria-describedby="smart-alert-message">
        <DialogBody>
          <DialogTitle>{addinName}</DialogTitle>
          <DialogContent id="smart-alert-message">{alert.message}</DialogContent>
          <DialogActions>
            {alert.takeAction && (
              <Button appearance="primary" onClick={() => host.takeAction()}>
                {alert.takeAction}
              </Button>
            )}
            {alert.sendAnyway && <Button onClick={() => host.sendAnyway()}>{buttons.sendAnyway}</Button>}
            <Button onClick={() => host.dontSend()}>{buttons.dontSend}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
