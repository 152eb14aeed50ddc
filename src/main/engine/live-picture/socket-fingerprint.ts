// A cheap "did this container's sockets change?" test. Reading /proc/<pid>/net/tcp makes the
// kernel walk its whole TCP hash table (about 6 ms per read on a small VM, for any namespace),
// so ten containers polled twice a second would keep a core a quarter busy. The namespace's
// own counters cost microseconds: sockets hashed (listening or connected) and the TCP MIB's
// opens, resets and established count. When none of them moved, the table did not either
// (but see SocketWatch: a full read still happens every few seconds, for a listener that
// closed and another that opened within one tick).
import { readFile } from 'node:fs/promises';

/** The per-namespace fields; `alloc`, `orphan` and `mem` count the whole machine. */
export function fingerprintOf(sockstat: string, sockstat6: string, snmp: string): string {
  const inuse = (text: string, proto: string) =>
    new RegExp(`^${proto}: inuse (\\d+)`, 'm').exec(text)?.[1] ?? '-';
  const [names = '', values = ''] = snmp.split('\n').filter((l) => l.startsWith('Tcp:'));
  const header = names.trim().split(/\s+/);
  const row = values.trim().split(/\s+/);
  const mib = ['ActiveOpens', 'PassiveOpens', 'AttemptFails', 'EstabResets', 'CurrEstab'].map(
    (field) => row[header.indexOf(field)] ?? '-',
  );
  return [inuse(sockstat, 'TCP'), inuse(sockstat6, 'TCP6'), ...mib].join(' ');
}

/** Reads the fingerprint of a container's network namespace through its main process. */
export function procFingerprint(procRoot = '/proc') {
  return async ({ pid }: { pid: number }): Promise<string> => {
    const dir = `${procRoot}/${pid}/net`;
    const [sockstat, sockstat6, snmp] = await Promise.all([
      readFile(`${dir}/sockstat`, 'utf8'),
      // No IPv6 in the kernel: no sockstat6, and nothing to count there.
      readFile(`${dir}/sockstat6`, 'utf8').catch(() => ''),
      readFile(`${dir}/snmp`, 'utf8'),
    ]);
    return fingerprintOf(sockstat, sockstat6, snmp);
  };
}
