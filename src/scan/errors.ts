// The two ways a scan ends early. Neither carries a token or a Graph answer's content: the message
// is printed as it is, one line, for the admin or the scheduler's log.

/** Arguments, files or a state left behind that the scan cannot start from (exit status 2). */
export class ScanUsageError extends Error {
  override readonly name = "ScanUsageError";
}

/**
 * The scan stopped before it finished (Graph down beyond retries, the token expired or refused, an
 * answer not to be trusted). Progress is kept in scan-state.json, and the same command resumes it
 * (exit status 3).
 */
export class ScanInterrupted extends Error {
  override readonly name = "ScanInterrupted";
}
