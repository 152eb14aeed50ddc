// Where a container's sockets can be read from. A container's State.Pid names a process in
// the engine's PID namespace; only when the engine runs on this very kernel does
// /proc/<pid>/net show that container. Docker Desktop and docker-machine also answer on a
// unix socket, but their engine lives in a VM, so the socket alone proves nothing: the engine
// must also report this machine's host name.
import type { SocketReadPath } from '../../../shared/live-picture';

export interface SocketPathInput {
  /** The engine endpoint as a URL, e.g. unix:///var/run/docker.sock. */
  endpoint: string;
  platform: NodeJS.Platform;
  /** The engine's own host name (docker info .Name). */
  engineName: string;
  /** This machine's host name. */
  hostname: string;
  /** The engine's OS type (docker info .OSType): Windows containers have no /proc. */
  osType: string;
}

export type SocketPathChoice =
  | {
      available: true;
      via: SocketReadPath;
      /**
       * Exec, unless a container's process proves to be ours: a unix socket on Linux to an
       * engine with another host name may be a VM's, or a dockerd in namespaces of its own.
       */
      checkEach?: true;
    }
  | { available: false; reason: string };

export function chooseSocketPath(input: SocketPathInput): SocketPathChoice {
  if (input.osType === 'windows') {
    return {
      available: false,
      reason: 'Windows containers have no /proc/net/tcp, so live connections cannot be shown.',
    };
  }
  const unixOnLinux = input.platform === 'linux' && input.endpoint.startsWith('unix://');
  const local = unixOnLinux && input.engineName !== '' && input.engineName === input.hostname;
  if (local) return { available: true, via: 'proc' };
  return unixOnLinux
    ? { available: true, via: 'exec', checkEach: true }
    : { available: true, via: 'exec' };
}
