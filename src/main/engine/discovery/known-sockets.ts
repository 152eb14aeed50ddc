// The sockets engines leave in well-known places, listed when the file is there: Podman's
// rootful and rootless API sockets and Docker Desktop's. Nothing in the environment names
// them; a person who runs one expects to find it. Pure: I/O comes in as input.
import { pathsOf, tilde } from './paths';
import type { DiscoveryInput, EngineEndpoint } from './types';

export interface SocketEngine {
  /** How people call it: "Podman (rootful)", "Docker Desktop". */
  name: string;
  endpoint: EngineEndpoint;
}

interface Place {
  name: string;
  dir: string | null;
  file: string;
  why: string;
}

function places(input: DiscoveryInput): Place[] {
  const { join } = pathsOf(input.platform);
  const runtime = input.env['XDG_RUNTIME_DIR'];
  return [
    {
      name: 'Podman (rootful)',
      dir: input.platform === 'linux' ? '/run/podman' : null,
      file: 'podman.sock',
      why: 'Podman’s rootful API socket (`systemctl start podman.socket`)',
    },
    {
      name: 'Podman (rootless)',
      dir: input.platform === 'linux' && runtime ? join(runtime, 'podman') : null,
      file: 'podman.sock',
      why: 'Podman’s rootless API socket (`systemctl --user start podman.socket`)',
    },
    {
      name: 'Docker Desktop',
      dir: input.platform === 'win32' ? null : join(input.homeDir, '.docker', 'run'),
      file: 'docker.sock',
      why: 'Docker Desktop’s socket',
    },
    {
      name: 'Docker Desktop',
      dir: input.platform === 'win32' ? null : join(input.homeDir, '.docker', 'desktop'),
      file: 'docker.sock',
      why: 'Docker Desktop’s socket',
    },
  ];
}

/** The well-known sockets that exist on this machine. */
export function knownSockets(input: DiscoveryInput): SocketEngine[] {
  const { join } = pathsOf(input.platform);
  return places(input)
    .filter((p): p is Place & { dir: string } => p.dir !== null)
    .filter((p) => input.listDir(p.dir).includes(p.file))
    .map((p) => {
      const socketPath = join(p.dir, p.file);
      return {
        name: p.name,
        endpoint: {
          url: `unix://${socketPath}`,
          kind: 'unix',
          socketPath,
          tls: null,
          source: 'known socket',
          sourceDetail: `${p.why}, ${tilde(socketPath, input)}`,
          contextName: null,
          machineName: null,
        },
      };
    });
}
