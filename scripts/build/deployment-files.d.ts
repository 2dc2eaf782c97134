import type { BuildOptions } from "./options";

export function renderManifest(options: BuildOptions, template?: string): string;
export function wellKnownAllowed(options: BuildOptions): { allowed: string[] };
export function escapeXml(value: string): string;
