export { createGraphDirectory, DEFAULT_CHUNK_SIZE, EXCHANGE_CONCURRENCY } from "./graph-directory";
export type { GraphDirectory, GraphDirectoryOptions } from "./graph-directory";
export { MAILTIPS_SCOPES, GROUP_COUNT_SCOPES } from "./scopes";
export { GraphError, isGraphError } from "./errors";
