// Browser mode's engines: the registry, with the start-up engine's core started (it keeps
// retrying in the background if the engine does not answer). Imported on demand by cli.ts,
// after the server listens.
import { EngineRegistry } from '../engine/engine-registry';

export async function startEngines(requested: string | null): Promise<EngineRegistry> {
  const registry = new EngineRegistry({ requested });
  await registry.start();
  return registry;
}
