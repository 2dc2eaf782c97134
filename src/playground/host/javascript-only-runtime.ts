import type { FromRuntime, RuntimeStart, StorageOperation, ToRuntime } from "../frame/javascript-runtime";
import type { FrameFacts, HostAnswer, HostBridge, UserProfile } from "./protocol";
import { EventRuntime, type LaunchOutcome } from "./runtime";

// The page's side of classic Outlook's JavaScript-only runtime (../frame/javascript-runtime.ts):
// every event gets a fresh worker, which loads events.js, runs the one handler and is ended as soon
// as it calls event.completed, as Outlook ends the runtime. Nothing the add-in kept in memory lives
// on to the next event; OfficeRuntime.storage does (it is this object's, for the page's life).

/** What the page needs of a Worker (a fake one in unit tests). */
export interface RuntimeWorker {
  postMessage(message: ToRuntime): void;
  terminate(): void;
  addEventListener(type: "message", listener: (event: { data: FromRuntime }) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
}

export interface JavascriptOnlyRuntimeOptions {
  readonly startWorker: () => RuntimeWorker;
  readonly eventsUrl: string;
  readonly bridge: Pick<HostBridge, "item" | "naa"> & Partial<Pick<HostBridge, "conversationId">>;
  /** Read when each worker starts. */
  readonly facts: () => FrameFacts;
  readonly mailboxVersion: () => string;
  readonly profile: () => UserProfile;
  /** OfficeRuntime.storage's contents, shared by every worker. */
  readonly storage: Map<string, string>;
  /** A worker that failed to start or threw outside a handler. */
  readonly onError?: (message: string) => void;
  readonly now?: () => number;
}

const ok = (value: unknown = null): HostAnswer => ({ ok: true, value });

export function runStorage(storage: Map<string, string>, operation: StorageOperation): HostAnswer {
  switch (operation.op) {
    case "getItem":
      return ok(storage.get(operation.key) ?? null);
    case "setItem":
      storage.set(operation.key, operation.value);
      return ok();
    case "removeItem":
      storage.delete(operation.key);
      return ok();
    case "getItems":
      return ok(Object.fromEntries(operation.keys.map((key) => [key, storage.get(key) ?? null])));
    case "setItems":
      for (const [key, value] of Object.entries(operation.items)) storage.set(key, String(value));
      return ok();
    case "removeItems":
      for (const key of operation.keys) storage.delete(key);
      return ok();
    case "getKeys":
      return ok([...storage.keys()]);
  }
}

export class JavascriptOnlyRuntime extends EventRuntime {
  private nextRun = 1;

  constructor(private readonly options: JavascriptOnlyRuntimeOptions) {
    super(options.now);
    // Nothing to wait for: each event starts its own runtime.
    this.markLoaded();
  }

  override async run<O>(
    functionName: string,
    type: string,
    limitMs: number,
    slow?: { readonly afterMs: number; readonly onSlow: () => void },
  ): Promise<LaunchOutcome<O>> {
    const { options } = this;
    const worker = options.startWorker();
    const inner = new EventRuntime(options.now);
    const waiting = new Map<number, { completed(options?: unknown): void }>();
    const send = (message: ToRuntime) => worker.postMessage(message);
    worker.addEventListener("message", ({ data }) => {
      switch (data.type) {
        case "associate":
          return inner.associate(data.name, (event) => {
            const runId = this.nextRun++;
            const { completed } = event as { completed(options?: unknown): void };
            waiting.set(runId, { completed });
            send({ type: "run", runId, functionName: data.name, eventType: type });
          });
        case "loaded":
          return inner.markLoaded();
        case "failed":
          options.onError?.(data.message);
          // No handler was associated: the run ends at once as "never completed".
          return inner.markLoaded();
        case "completed":
          return waiting.get(data.runId)?.completed(data.options);
        case "item":
          return options.bridge.item(
            data.operation,
            (answer) => send({ type: "answer", id: data.id, answer }),
            "events",
          );
        case "storage":
          return send({ type: "answer", id: data.id, answer: runStorage(options.storage, data.operation) });
        case "naa":
          return options.bridge.naa(data.request, (response) => send({ type: "naa", id: data.id, response }));
      }
    });
    worker.addEventListener("error", (event) => {
      options.onError?.(`the JavaScript-only runtime failed: ${event.message ?? "unknown error"}`);
      inner.markLoaded();
    });
    const start: RuntimeStart = {
      type: "start",
      eventsUrl: options.eventsUrl,
      facts: options.facts(),
      mailboxVersion: options.mailboxVersion(),
      profile: options.profile(),
      // Each event starts a runtime of its own, so the item it sees is the one open now.
      conversationId: options.bridge.conversationId?.() ?? null,
    };
    send(start);
    try {
      return await inner.run<O>(functionName, type, limitMs, slow);
    } finally {
      worker.terminate();
    }
  }
}
