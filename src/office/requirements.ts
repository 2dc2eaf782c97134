import { officeCall } from "./office-call";

type OfficeLike = typeof Office;

/** Whether this Outlook supports a Mailbox requirement set; false when it cannot say. */
export function supportsMailbox(
  version: string,
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
): boolean {
  try {
    return office?.context?.requirements?.isSetSupported("Mailbox", version) === true;
  } catch {
    return false;
  }
}

/** Office's theme colours where the host gives them (task pane), else null. */
export function officeTheme(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
): { bodyBackgroundColor?: string } | null {
  try {
    return (office?.context?.officeTheme as { bodyBackgroundColor?: string } | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Calls `listener` when Outlook reports changed recipients; resolves with a function that stops it. */
export async function onRecipientsChanged(
  listener: () => void,
  office: OfficeLike = (globalThis as { Office?: OfficeLike }).Office as OfficeLike,
): Promise<() => void> {
  const current = office.context.mailbox.item as Office.MessageCompose;
  const type = office.EventType?.RecipientsChanged ?? ("olkRecipientsChanged" as unknown as Office.EventType);
  // A refused registration rejects (OfficeCallError): resolving anyway would leave the caller
  // believing it hears of changes it never will.
  await officeCall<void>("addHandlerAsync", (done) => current.addHandlerAsync(type, listener, done));
  return () => {
    try {
      current.removeHandlerAsync(type, () => undefined);
    } catch {
      // The item has closed (the pane is going away with it): nothing is left to stop.
    }
  };
}
