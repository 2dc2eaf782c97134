// How long each moment may take. Outlook's own clock decides the send; the rest follow from it.

/** While composing nothing waits on the check, so it may take longer than at send. */
export const COMPOSE_DEADLINE_MS = 8000;

/**
 * The last moment a send decision may come, from the handler's start. Outlook says "taking longer
 * than expected" at 5 s, and its clock starts before the runtime has loaded the bundle (a cold start
 * on every send in classic Outlook), so the stop is well short of it.
 */
export const SEND_HARD_LIMIT_MS = 3500;
