export type SendMode = "SoftBlock" | "PromptUser" | "Block";

export interface DeploymentConfig {
  clientId: string;
  tenantId: string;
  graphRoot: string;
  authority: string;
}

export interface BuildOptions {
  root: string;
  baseUrl: string;
  origin: string;
  local: boolean;
  sendMode: SendMode;
  version: string;
  supportUrl: string;
  providerName: string;
  outDir: string;
  playground: boolean | undefined;
  mode: "production" | "development";
  config: DeploymentConfig;
}

export type BuildInput = Partial<Record<string, string | boolean>>;

export class BuildOptionError extends Error {
  readonly name: "BuildOptionError";
}

export const SEND_MODES: readonly SendMode[];

export function resolveOptions(input?: BuildInput, env?: NodeJS.ProcessEnv): BuildOptions;
