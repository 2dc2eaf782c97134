export {
  createComposeItem,
  TASK_PANE_COMMAND_ID,
  type ComposeItem,
  type InfoBar,
  type RecipientEntry,
} from "./compose-item";
export { officeCall, OfficeCallError, isOfficeCallError } from "./office-call";
export { supportsMailbox, officeTheme, onRecipientsChanged } from "./requirements";
