/** Where the tests' extra engines are (see engines.mjs). */
export interface TestEngines {
  name: string;
  dir: string;
  podman: { socket: string };
  tls: { host: string; port: number; certDir: string; caDir: string };
  registry: { port: number };
  authRegistry: { port: number; user: string; password: string };
}
export type EngineName = 'podman' | 'tls' | 'registry';
export const ALL_ENGINES: EngineName[];
export function testEngines(env?: NodeJS.ProcessEnv): TestEngines;
export function isRunning(engine: EngineName, env?: NodeJS.ProcessEnv): boolean;
export function startTestEngines(engines?: EngineName[], env?: NodeJS.ProcessEnv): EngineName[];
export function stopTestEngines(engines?: EngineName[], env?: NodeJS.ProcessEnv): void;
