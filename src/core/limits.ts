// Outlook's limits on what an add-in may show (Office.NotificationMessageDetails and
// Office.SmartAlertsEventCompletedOptions): longer text is refused or cut by Outlook itself.

/** Characters an info bar message holds. */
export const INFO_BAR_LIMIT = 150;
/** Characters a Smart Alert's errorMessage holds. */
export const ALERT_LIMIT = 500;
