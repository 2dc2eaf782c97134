// The event runtime as Outlook runs it: the add-in's frame associates handlers by name, Outlook
// calls them with an event whose `completed` ends the work. Compose-time events are run one after
// another (a newer recipients change replaces one still waiting); the send event runs at once.

export interface LaunchOutcome<O> {
  /** False when the handler never called `event.completed` within the limit. */
  readonly completed: boolean;
  readonly options: O | undefined;
  readonly elapsedMs: number;
}

type Handler = (event: unknown) => void;

export class EventRuntime {
  private readonly handlers = new Map<string, Handler>();
  private loadedResolve: () => void = () => undefined;
  private readonly loaded = new Promise<void>((resolve) => {
    this.loadedResolve = resolve;
  });
  private composeChain: Promise<unknown> = Promise.resolve();
  private waiting: string | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {}

  associate(name: string, handler: Handler): void {
    this.handlers.set(name, handler);
  }

  /** The runtime page finished loading: events can be delivered. */
  markLoaded(): void {
    this.loadedResolve();
  }

  has(name: string): boolean {
    return this.handlers.has(name);
  }

  /**
   * Runs `functionName` with an event of `type`; resolves when it completes or after `limitMs`.
   * `onSlow` is called once if it has not completed after `slowMs` (Outlook's "taking longer").
   */
  async run<O>(
    functionName: string,
    type: string,
    limitMs: number,
    slow?: { readonly afterMs: number; readonly onSlow: () => void },
  ): Promise<LaunchOutcome<O>> {
    await this.loaded;
    const handler = this.handlers.get(functionName);
    const started = this.now();
    if (!handler) return { completed: false, options: undefined, elapsedMs: 0 };
    return new Promise<LaunchOutcome<O>>((resolve) => {
      let done = false;
      const finish = (completed: boolean, options: O | undefined) => {
        if (done) return;
        done = true;
        clearTimeout(limit);
        clearTimeout(slowTimer);
        resolve({ completed, options, elapsedMs: this.now() - started });
      };
      const limit = setTimeout(() => finish(false, undefined), limitMs);
      const slowTimer = slow ? setTimeout(() => !done && slow.onSlow(), slow.afterMs) : undefined;
      const event = {
        type,
        completed: (options?: O) =>
          finish(true, options === undefined ? undefined : structuredClone(options)),
      };
      try {
        handler(event);
      } catch {
        // A handler that throws before completing is left to the limit, as in Outlook.
      }
    });
  }

  /** Compose-time events, one at a time; a second wait for the same event is merged into the first. */
  queue(functionName: string, type: string, limitMs: number): Promise<LaunchOutcome<undefined> | null> {
    if (this.waiting === functionName) return Promise.resolve(null);
    this.waiting = functionName;
    const next = this.composeChain.then(() => {
      if (this.waiting === functionName) this.waiting = null;
      return this.run<undefined>(functionName, type, limitMs);
    });
    this.composeChain = next.catch(() => undefined);
    return next;
  }
}
