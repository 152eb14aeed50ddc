export { discoverEndpoint, parseHost, type DiscoveryInput, type EngineEndpoint } from './endpoint';
export { describeAddresses, type AddressInput, type EngineAddresses } from './addresses';
export { dockerMachineIp, gatherDiscoveryInput } from './gather';
