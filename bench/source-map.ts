import { decodedMappings, TraceMap } from "@jridgewell/trace-mapping";

// Bytes of a generated file per original source, read from its source map (version 3): each mapped
// segment owns the generated text up to the next segment. Text no segment maps (webpack's runtime,
// code a loader made up) is counted under `null`. The map is decoded by @jridgewell/trace-mapping,
// the decoder Babel and Jest use, which also puts each line's segments in column order.

export interface RawSourceMap {
  readonly version?: number;
  readonly sources: readonly (string | null)[];
  readonly names?: readonly string[];
  readonly mappings: string;
}

/** Generated characters (UTF-16 units) per source; `null` for unmapped text. */
export function bytesPerSource(code: string, map: RawSourceMap): Map<string | null, number> {
  const totals = new Map<string | null, number>();
  const add = (source: string | null, count: number) => totals.set(source, (totals.get(source) ?? 0) + count);
  // Segments are [generated column], or [generated column, source index, line, column(, name)],
  // absolute values; only the column and the source matter here.
  const lines = decodedMappings(
    new TraceMap({
      version: 3,
      names: [...(map.names ?? [])],
      sources: [...map.sources],
      mappings: map.mappings,
    }),
  );
  code.split("\n").forEach((line, lineIndex) => {
    let owner: string | null = null;
    let ownedFrom = 0;
    for (const segment of lines[lineIndex] ?? []) {
      const column = segment[0];
      add(owner, column - ownedFrom);
      ownedFrom = column;
      owner = segment.length === 1 ? null : (map.sources[segment[1]] ?? null);
    }
    add(owner, line.length + 1 - ownedFrom);
  });
  return totals;
}
