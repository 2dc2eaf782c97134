// The admin's JSON files (policy.json, config.json) read the same way everywhere: by the add-in
// (fetch has already dropped a byte order mark), by the CLI and the build (which read the raw file).
// JSON.parse keeps the last of two equal keys, so `"blockAt": 5000, ..., "blockAt": 5000000` would
// silently loosen a policy an admin reviewed from the top: a repeated key is an error instead.
//
// The keys are found by a small scanner rather than a JSON library: it runs only on text JSON.parse
// has already accepted, so it needs to know nothing but strings and brackets, and the event bundle,
// which reads the policy, has no room for a parser it would use for this alone.

export class JsonDocumentError extends Error {
  override readonly name = "JsonDocumentError";
}

function where(path: readonly (string | number)[], key: string): string {
  const parent = path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index > 0 ? "." : ""}${part}`))
    .join("");
  return parent ? `${parent}.${key}` : key;
}

interface Frame {
  /** The keys seen in this object; null for an array. */
  readonly keys: Set<string> | null;
  /** The current key (object) or index (array): the next nested value's place in the path. */
  at: string | number;
  /** In an object, the next string is a key. */
  expectingKey: boolean;
}

/** The end (exclusive) of the string literal that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text.charCodeAt(index) !== 34 /* " */) {
    index += text.charCodeAt(index) === 92 /* \ */ ? 2 : 1;
  }
  return index + 1;
}

/** Keys that appear more than once in the same object, named with their path. Expects valid JSON. */
export function repeatedKeys(text: string): string[] {
  const frames: Frame[] = [];
  const repeated: string[] = [];
  const path = () => frames.slice(0, -1).map((frame) => frame.at);
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    const top = frames[frames.length - 1];
    if (char === '"') {
      const end = stringEnd(text, index);
      if (top?.keys && top.expectingKey) {
        // Decoded, so that "a" and "\u0061" are the same key, as they are to JSON.parse.
        const key = JSON.parse(text.slice(index, end)) as string;
        if (top.keys.has(key)) repeated.push(where(path(), key));
        top.keys.add(key);
        top.at = key;
        top.expectingKey = false;
      }
      index = end - 1;
    } else if (char === "{") frames.push({ keys: new Set(), at: "", expectingKey: true });
    else if (char === "[") frames.push({ keys: null, at: 0, expectingKey: false });
    else if (char === "}" || char === "]") frames.pop();
    else if (char === "," && top) {
      if (top.keys) top.expectingKey = true;
      else top.at = (top.at as number) + 1;
    }
  }
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
