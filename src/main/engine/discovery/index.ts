// The engine map's discovery core: where the engine lives and how to reach things.
export type { DiscoveryInput, EndpointTls, EngineEndpoint } from './types';
export { discoverEndpoint } from './endpoint';
export { parseHost } from './host-url';
export {
  describeAddresses,
  engineFacts,
  type AddressInput,
  type EngineAddresses,
  type EngineInfo,
  type Reason,
} from './addresses';
export { dockerMachineIp } from './docker-machine';
export { gatherDiscoveryInput } from './gather';
export {
  environmentChoice,
  knownEngines,
  type EnvironmentChoice,
  type KnownEngine,
} from './catalogue';
