// Keeps each container's last full socket reading with the fingerprint it was taken under
// (see socket-fingerprint), so a tick whose fingerprint did not move costs microseconds
// instead of a walk of the kernel's TCP table. Every `fullEvery`-th tick reads anyway.
import type { ContainerSockets } from '../../../shared/topology';

interface Entry {
  pid: number;
  fingerprint: string;
  sockets: ContainerSockets;
  /** Ticks served from this entry since its full read. */
  age: number;
}

export type Fingerprint = (container: { id: string; pid: number }) => Promise<string>;

export class FingerprintCache {
  private readonly entries = new Map<string, Entry>();
  /** Full reads done, and reads saved: for the benchmark. */
  readonly counts = { full: 0, saved: 0 };

  /** 20 ticks of 500 ms: a missed change (see socket-fingerprint) shows within 10 s. */
  constructor(private readonly fullEvery = 20) {}

  async read(
    container: { id: string; pid: number },
    fingerprint: Fingerprint,
    readFull: () => Promise<ContainerSockets>,
  ): Promise<ContainerSockets> {
    const now = await fingerprint(container).catch(() => null);
    const hit = this.entries.get(container.id);
    const fresh = hit && hit.pid === container.pid && hit.age < this.fullEvery;
    if (now !== null && fresh && hit.fingerprint === now) {
      hit.age++;
      this.counts.saved++;
      return hit.sockets;
    }
    this.counts.full++;
    const sockets = await readFull();
    // Taken before the read: a change during it shows as a new fingerprint next tick.
    if (now !== null)
      this.entries.set(container.id, { pid: container.pid, fingerprint: now, sockets, age: 0 });
    else this.entries.delete(container.id);
    return sockets;
  }

  /** Forgets containers no longer watched. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }
}
