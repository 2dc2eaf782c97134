export interface CaseCollision {
  /**
   * `path`: files whose paths differ only in case; `folder`: folders whose paths differ only in
   * case; `import`: modules in one folder whose names without extension differ only in case.
   */
  readonly kind: "path" | "folder" | "import";
  /** The colliding paths (folders for `folder`), sorted. */
  readonly paths: readonly string[];
}

/** What an import without an extension can resolve to: .ts, .tsx, .d.ts, .js, .mjs, .json and the like. */
export const MODULE_EXTENSION: RegExp;

/** The case hazards in a list of `/`-separated paths relative to the repository root. */
export function caseCollisions(paths: readonly string[]): CaseCollision[];

/** One line naming the paths and why they clash. */
export function describeCollision(collision: CaseCollision): string;

/** Tracked and new, unignored files under `root` (git), or a walk of the tree without git. */
export function projectFiles(root: string): string[];
