import type { BuildOptions } from "./options";

/** The development manifest's path: manifest.xml at the root of the repository. */
export const MANIFEST: string;
/** Where the development manifest points, as `npm start` serves it: http://localhost:3000. */
export const DEVELOPMENT_BASE_URL: string;

/** The deployable manifest: the development manifest (or `source`) with the build's settings in it. */
export function renderManifest(options: BuildOptions, source?: string): string;
export function wellKnownAllowed(options: BuildOptions): { allowed: string[] };
export function escapeXml(value: string): string;
