import type { HostConfig } from "../../src/app/host-config";

export type SendMode = "SoftBlock" | "PromptUser" | "Block";

/** config.json as the build writes it: checked by the add-in's own schema (src/app/host-config.ts). */
export type DeploymentConfig = HostConfig;

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
  /** False when built with --no-graph: config.json has no client id, and the add-in decides on the policy alone. */
  graph: boolean;
  /** True only with --send-mode PromptUser and --allow-send-anyway-on-block. */
  allowSendAnywayOnBlock: boolean;
  config: DeploymentConfig;
}

export type BuildInput = Partial<Record<string, string | boolean>>;

export class BuildOptionError extends Error {
  readonly name: "BuildOptionError";
}

export const SEND_MODES: readonly SendMode[];

export function resolveOptions(input?: BuildInput, env?: NodeJS.ProcessEnv): BuildOptions;

/** The default policy's text (config/policy.json), checked by the add-in's parser. */
export function defaultPolicyText(): string;

/** What is wrong with the policy file at `path`, one line per problem; empty when it is valid. */
export function policyFileProblems(path: string): string[];
