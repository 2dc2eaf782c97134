// Office.js calls wrapped once: callbacks become promises, failures become typed errors that carry
// Office's error code (never its message, which is localised).

export class OfficeCallError extends Error {
  override readonly name = "OfficeCallError";
  constructor(
    readonly operation: string,
    readonly code: number | string | null,
    options?: { cause?: unknown },
  ) {
    super(`Office call ${operation} failed (${code ?? "no code"})`, options);
  }
}

export function isOfficeCallError(error: unknown): error is OfficeCallError {
  return error instanceof Error && error.name === "OfficeCallError";
}

interface AsyncResultLike<T> {
  readonly status: unknown;
  readonly value: T;
  readonly error?: { readonly code?: number; readonly name?: string } | null;
}

export function officeCall<T>(
  operation: string,
  start: (callback: (result: AsyncResultLike<T>) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === "succeeded" || result.status === 0) resolve(result.value);
        else reject(new OfficeCallError(operation, result.error?.code ?? result.error?.name ?? null));
      });
    } catch (cause) {
      reject(new OfficeCallError(operation, null, { cause }));
    }
  });
}
