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
 * "Take action" (cancelLabel) when a commandId names the task pane, "Send anyway" only with
 * PromptUser, and "Don't send", whose words and meaning add-ins cannot change.
 */
export function SmartAlertDialog({ alert, addinName }: { alert: SmartAlert; addinName: string }) {
  const host = useHost();
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
            {alert.sendAnyway && <Button onClick={() => host.sendAnyway()}>{text.sendAnyway}</Button>}
            <Button onClick={() => host.dontSend()}>{text.dontSend}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
