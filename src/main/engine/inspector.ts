// The container inspector: one container's network facts, from the engine
// (inspect) and from inside it (/etc/hosts, resolv.conf, listening sockets).
import type Dockerode from 'dockerode';
import type { ContainerDetails } from '../../shared/engine-map';
import { fromEngine } from './docker-errors';
import { listeningSockets } from './sockets/proc-net-tcp';
import type { SocketReader } from './sockets/read-sockets';
import { runIn } from './lessons/probes';
import { toContainerView } from './views';

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

/** Warnings a person should see about how a container listens. */
export function listeningWarnings(
  listening: ContainerDetails['listening'],
  published: ContainerDetails['ports'],
): string[] {
  const warnings: string[] = [];
  const byPort = new Map<number, ContainerDetails['listening']>();
  // 127.0.0.11 is Docker's embedded DNS, loopback by design.
  for (const l of listening.filter((s) => s.ip !== '127.0.0.11'))
    byPort.set(l.port, [...(byPort.get(l.port) ?? []), l]);
  for (const [port, socks] of byPort) {
    if (!socks.every((s) => s.loopbackOnly)) continue;
    const isPublished = published.some((p) => p.containerPort === port);
    warnings.push(
      `Port ${port} listens on ${socks.map((s) => s.ip).join(' and ')} only: other containers${isPublished ? ' and the published port' : ''} cannot reach it. Bind to 0.0.0.0 to accept connections from outside the container.`,
    );
  }
  return warnings;
}

export async function inspectContainer(
  docker: Dockerode,
  id: string,
  readSockets: SocketReader,
): Promise<ContainerDetails> {
  let info: Dockerode.ContainerInspectInfo;
  try {
    info = await docker.getContainer(id).inspect();
  } catch (error) {
    throw fromEngine(error, `Inspecting ${id}`);
  }
  const view = toContainerView(info);
  const running = view.state === 'running';
  const notes: string[] = [];
  let hosts: string[] = [];
  let resolvConf: string[] = [];
  let listening: ContainerDetails['listening'] = [];
  if (running) {
    const [h, r, s] = await Promise.allSettled([
      runIn(docker, info.Id, ['cat', '/etc/hosts']),
      runIn(docker, info.Id, ['cat', '/etc/resolv.conf']),
      readSockets({ id: info.Id, pid: view.pid }),
    ]);
    if (h.status === 'fulfilled') hosts = lines(h.value.stdout);
    else notes.push(`/etc/hosts could not be read: ${String(h.reason)}`);
    if (r.status === 'fulfilled') resolvConf = lines(r.value.stdout);
    else notes.push(`resolv.conf could not be read: ${String(r.reason)}`);
    if (s.status === 'fulfilled') {
      listening = listeningSockets(s.value).map(({ ip, port, family, loopbackOnly }) => ({
        ip,
        port,
        family,
        loopbackOnly,
      }));
    } else notes.push(`Sockets could not be read: ${(s.reason as Error).message}`);
  } else {
    notes.push(`${view.name} is not running: its files and sockets are read when it runs.`);
  }
  return {
    id: info.Id,
    name: view.name,
    running,
    networks: view.networks.map((n) => ({
      network: n.network,
      ip: n.ip,
      gateway: n.gateway,
      aliases: n.aliases,
      mac: n.mac,
    })),
    hosts,
    resolvConf,
    env: view.env,
    ports: view.ports,
    links: view.links,
    listening,
    warnings: listeningWarnings(listening, view.ports),
    notes,
  };
}
