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

export interface Netcat {
  flavour: NetcatFlavour;
  /** Whether it can listen on one address (-s); Debian's small busybox nc cannot. */
  canBind: boolean;
}

export function netcatFromHelp(help: string): Netcat {
  const flavour = flavourFromHelp(help);
  return { flavour, canBind: flavour !== 'busybox' || /^\s*-s\s/m.test(help) };
}

/**
 * Asks the nc that a console would run: consoles prefer bash, and busybox's sh
 * runs its own nc applet even where another nc is installed.
 */
const HELP = 'nc -h 2>&1; nc --help 2>&1; true';
export async function detectNetcat(docker: Dockerode, container: string): Promise<Netcat> {
  const out = await runIn(docker, container, [
    'sh',
    '-c',
    `if command -v bash >/dev/null 2>&1; then exec bash -c '${HELP}'; else ${HELP}; fi`,
  ]);
  return netcatFromHelp(out.stdout + out.stderr);
}

/**
 * A server that keeps listening on one port (on every address, or only on
 * `bind`) however many probes connect: nc in a loop (Ctrl-C makes nc fail,
 * which ends the loop), or busybox's httpd where its nc cannot bind.
 */
export function persistentListener(nc: Netcat, port: number, bind?: string): string {
  if (!nc.canBind) return `httpd -f -v -p ${bind ? `${bind}:` : ''}${port}`;
  return `while ${listenCommand(nc.flavour, port, bind)}; do :; done`;
}

/** `nc` listening on one port, on every address or only on `bind`. */
export function listenCommand(flavour: NetcatFlavour, port: number, bind?: string): string {
  if (flavour === 'openbsd') return bind ? `nc -l ${bind} ${port}` : `nc -l ${port}`;
  return bind ? `nc -l -s ${bind} -p ${port}` : `nc -lp ${port}`;
}
