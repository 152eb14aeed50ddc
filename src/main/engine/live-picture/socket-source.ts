// The socket reader that fits the engine this process is connected to, decided again
// whenever the engine changes (a reconnect may land on another one).
import { hostname } from 'node:os';
import type { LiveState } from '../live-state';
import { readContainerSockets } from '../sockets/read-sockets';
import { procFingerprint } from './socket-fingerprint';
import { chooseSocketPath } from './socket-path';
import type { SocketSource } from './socket-watch';

export function socketSourceOf(state: LiveState): () => SocketSource {
  let cached: { key: string; source: SocketSource } | null = null;
  return () => {
    const status = state.status();
    if (!state.isConnected || !status.info) {
      return {
        available: false,
        reason: `The Docker engine at ${status.endpoint} is not connected, so no sockets can be read.`,
      };
    }
    const choice = chooseSocketPath({
      endpoint: status.endpoint,
      platform: process.platform,
      engineName: status.info.name,
      hostname: hostname(),
      osType: status.info.osType,
    });
    if (!choice.available) return choice;
    const key = `${status.endpoint}|${choice.via}`;
    if (cached?.key !== key) {
      const hostProc = choice.via === 'proc';
      const read = readContainerSockets({ docker: state.docker, hostProc });
      const source = hostProc
        ? { ...choice, read, fingerprint: procFingerprint() }
        : { ...choice, read };
      cached = { key, source };
    }
    return cached.source;
  };
}
