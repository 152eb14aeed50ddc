// docker-machine's machines, read from their folders as `docker-machine ls` reads them:
// ~/.docker/machine/machines/<name>/config.json (or under MACHINE_STORAGE_PATH) names the
// VM's address; the folder holds the ca.pem, cert.pem and key.pem `docker-machine env` points
// DOCKER_CERT_PATH at. The engine listens with TLS on 2376. Pure: I/O comes in as input.
import { pathsOf, tilde } from './paths';
import type { DiscoveryInput, EngineEndpoint } from './types';

/** The engine port docker-machine gives every VM (its drivers' GetURL). */
const MACHINE_PORT = 2376;

interface MachineConfig {
  DriverName?: string;
  Driver?: { IPAddress?: string };
}

export interface MachineEngine {
  name: string;
  /** Null when the machine's address is not recorded. */
  endpoint: EngineEndpoint | null;
  /** Why not, and what to do. */
  problem: string | null;
}

function machinesDir(input: DiscoveryInput): string {
  const paths = pathsOf(input.platform);
  const store =
    input.env['MACHINE_STORAGE_PATH'] || paths.join(input.homeDir, '.docker', 'machine');
  return paths.join(store, 'machines');
}

/** A machine's config, {} when unreadable, null when there is none (not a machine's folder). */
function readConfig(input: DiscoveryInput, path: string): MachineConfig | null {
  const raw = input.readFile(path);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as MachineConfig;
  } catch {
    return {};
  }
}

function machineEndpoint(
  input: DiscoveryInput,
  name: string,
  dir: string,
  ip: string,
  detail: string,
): EngineEndpoint {
  const paths = pathsOf(input.platform);
  const present = input.listDir(dir);
  const pem = (key: 'certPath' | 'keyPath', file: string) =>
    present.includes(file) ? { [key]: paths.join(dir, file) } : {};
  return {
    url: `tcp://${ip.includes(':') ? `[${ip}]` : ip}:${MACHINE_PORT}`,
    kind: 'tcp',
    host: ip,
    port: MACHINE_PORT,
    // `docker-machine env` always sets DOCKER_TLS_VERIFY=1; the CA is named even when missing.
    tls: {
      verify: true,
      caPath: paths.join(dir, 'ca.pem'),
      ...pem('certPath', 'cert.pem'),
      ...pem('keyPath', 'key.pem'),
    },
    source: 'docker-machine',
    sourceDetail: detail,
    contextName: null,
    machineName: name,
  };
}

/** Every machine docker-machine created, with its engine's endpoint when its address is known. */
export function dockerMachines(input: DiscoveryInput): MachineEngine[] {
  const paths = pathsOf(input.platform);
  const root = machinesDir(input);
  const machines: MachineEngine[] = [];
  for (const name of input.listDir(root).sort()) {
    const dir = paths.join(root, name);
    const configPath = paths.join(dir, 'config.json');
    const config = readConfig(input, configPath);
    if (config === null) continue;
    const ip = config.Driver?.IPAddress;
    if (!ip) {
      machines.push({
        name,
        endpoint: null,
        problem: `docker-machine "${name}" has no address in ${tilde(configPath, input)} (it may never have started). Start it with \`docker-machine start ${name}\`.`,
      });
      continue;
    }
    const driver = config.DriverName ? ` (${config.DriverName})` : '';
    const detail = `docker-machine "${name}"${driver}, recorded in ${tilde(configPath, input)}`;
    machines.push({ name, endpoint: machineEndpoint(input, name, dir, ip, detail), problem: null });
  }
  return machines;
}
