import { after } from "../kit/deadline";

// `event.completed` must be called exactly once on every path, errors and time-outs included:
// otherwise Outlook holds the send and, after 5 seconds, tells the user the add-in is "taking
// longer than expected". This guard calls it at most once and, if the handler has not finished by
// the limit, completes with the fallback the policy names.

export interface CompletableEvent<O> {
  completed(options?: O): void;
}

export interface Completion<O> {
  /** Completes the event unless that already happened; returns whether this call did it. */
  complete(options?: O): boolean;
  readonly done: boolean;
}

/**
 * `simplify` gives the options to try again with when Outlook throws on the first ones (an older
 * client that does not know a newer option); for a send, it must never turn a block into an allow.
 */
export function guardCompletion<O>(
  event: CompletableEvent<O>,
  limitMs: number,
  fallback: () => O | undefined,
  simplify: (options: O | undefined) => O | undefined = () => undefined,
): Completion<O> {
  let done = false;
  const complete = (options?: O): boolean => {
    if (done) return false;
    done = true;
    stopTimer();
    try {
      if (options === undefined) event.completed();
      else event.completed(options);
    } catch {
      try {
        const simpler = simplify(options);
        if (simpler === undefined) event.completed();
        else event.completed(simpler);
      } catch {
        // Nothing more can be done from here.
      }
    }
    return true;
  };
  const stopTimer = after(limitMs, () => {
    let options: O | undefined;
    try {
      options = fallback();
    } catch {
      options = undefined;
    }
    complete(options);
  });
  return {
    complete,
    get done() {
      return done;
    },
  };
}
