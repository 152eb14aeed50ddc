// Netcat comes in flavours whose flags differ; lessons detect which one an
// image has and write their commands for it.
import type Dockerode from 'dockerode';
import { runIn } from './probes';

export type NetcatFlavour = 'traditional' | 'openbsd' | 'busybox';

export function flavourFromHelp(help: string): NetcatFlavour {
  if (/BusyBox/i.test(help)) return 'busybox';
  if (/OpenBSD/i.test(help) || /-4\s+Use IPv4 only/.test(help)) return 'openbsd';
  return 'traditional';
}

export async function detectNetcat(docker: Dockerode, container: string): Promise<NetcatFlavour> {
  const out = await runIn(docker, container, ['sh', '-c', 'nc -h 2>&1; true']);
  return flavourFromHelp(out.stdout + out.stderr);
}

/** `nc` listening on one port, on every address or only on `bind`. */
export function listenCommand(flavour: NetcatFlavour, port: number, bind?: string): string {
  if (flavour === 'openbsd') return bind ? `nc -l ${bind} ${port}` : `nc -l ${port}`;
  return bind ? `nc -l -s ${bind} -p ${port}` : `nc -lp ${port}`;
}
