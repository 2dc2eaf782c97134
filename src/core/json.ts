import { visit } from "jsonc-parser";

// The admin's JSON files (policy.json, config.json) read the same way everywhere: by the add-in
// (fetch has already dropped a byte order mark), by the CLI and the build (which read the raw file).
// JSON.parse keeps the last of two equal keys, so `"blockAt": 5000, ..., "blockAt": 5000000` would
// silently loosen a policy an admin reviewed from the top: a repeated key is an error instead.

export class JsonDocumentError extends Error {
  override readonly name = "JsonDocumentError";
}

function where(path: readonly (string | number)[], key: string): string {
  const parent = path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index > 0 ? "." : ""}${part}`))
    .join("");
  return parent ? `${parent}.${key}` : key;
}

/** Keys that appear more than once in the same object, named with their path. */
export function repeatedKeys(text: string): string[] {
  const open: Set<string>[] = [];
  const repeated: string[] = [];
  visit(text, {
    onObjectBegin: () => void open.push(new Set()),
    onObjectEnd: () => void open.pop(),
    onObjectProperty: (property, _offset, _length, _line, _character, pathSupplier) => {
      const keys = open[open.length - 1];
      if (!keys) return;
      if (keys.has(property)) repeated.push(where(pathSupplier(), property));
      keys.add(property);
    },
  });
  return [...new Set(repeated)];
}

/** Parses an admin's JSON file: a leading byte order mark is allowed, a repeated key is not. */
export function parseJsonDocument(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new JsonDocumentError(`not valid JSON (${(error as Error).message})`);
  }
  const repeated = repeatedKeys(body);
  if (repeated.length > 0) {
    throw new JsonDocumentError(
      `${repeated.map((key) => `"${key}"`).join(", ")} ${repeated.length === 1 ? "appears" : "appear"} more than once; keep one of each`,
    );
  }
  return value;
}
