/**
 * A small asynchronous string store. Adapters: memory, `localStorage` (task pane, web),
 * `OfficeRuntime.storage` (event runtime, shared with the task pane where Outlook allows it).
 * Values never hold tokens or message content: only list sizes, policy copies and acknowledgements.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}
