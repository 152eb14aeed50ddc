// Byte counts on live connection edges, where the app knows them: what was typed into the
// client's console and what the server's console printed since the connection appeared.
// (Consoles are the app's only window on the bytes; nc relays the one to the other.)
import type { ConsoleBytes } from '../console-registry';
import { formatBytes } from '../format-bytes';

export interface ConnectionEnds {
  edgeId: string;
  clientId: string;
  serverId: string;
}

interface Baseline {
  typed: number;
  shown: number;
}

export class EdgeBytes {
  private readonly baselines = new Map<string, Baseline>();

  /** Labels for the connections open now; forgets the ones that closed. */
  labels(
    connections: readonly ConnectionEnds[],
    read: (containerId: string) => ConsoleBytes | undefined,
  ): Map<string, string> {
    const labels = new Map<string, string>();
    const open = new Set<string>();
    for (const c of connections) {
      open.add(c.edgeId);
      const client = read(c.clientId);
      const server = read(c.serverId);
      if (!client && !server) continue;
      const now = { typed: client?.input ?? 0, shown: server?.output ?? 0 };
      let base = this.baselines.get(c.edgeId);
      if (!base) this.baselines.set(c.edgeId, (base = now));
      // A console replaced by a new one starts again at zero.
      base.typed = Math.min(base.typed, now.typed);
      base.shown = Math.min(base.shown, now.shown);
      const parts = [
        client ? `↑${formatBytes(now.typed - base.typed)} typed` : '',
        server ? `↓${formatBytes(now.shown - base.shown)} shown` : '',
      ];
      labels.set(c.edgeId, parts.filter(Boolean).join(' '));
    }
    for (const id of this.baselines.keys()) if (!open.has(id)) this.baselines.delete(id);
    return labels;
  }
}
