import type { RequestKind } from "./faults";

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly kind: RequestKind;
  /** Requests inside a `$batch`. */
  readonly batchSize?: number;
  /** Addresses in a getMailTips call. */
  readonly addresses?: number;
  /** Logged as part of the batch before it. */
  readonly inBatch?: boolean;
  readonly at: number;
}

/**
 * How many requests the log keeps; older ones are dropped first. Far more than any test or benchmark
 * reads, and it stops a playground left running for days from growing without end.
 */
export const MAX_LOGGED_REQUESTS = 10_000;

/** The last `limit` requests, oldest first. */
export class RequestLog {
  private readonly records: RecordedRequest[] = [];

  constructor(private readonly limit = MAX_LOGGED_REQUESTS) {
    if (!(Number.isInteger(limit) && limit >= 1))
      throw new Error("the log limit must be a whole number >= 1");
  }

  add(record: RecordedRequest): void {
    this.records.push(record);
    if (this.records.length > this.limit) this.records.splice(0, this.records.length - this.limit);
  }

  /** The same array throughout: a reader holding it sees a reset empty it. */
  get all(): readonly RecordedRequest[] {
    return this.records;
  }

  clear(): void {
    this.records.length = 0;
  }
}
