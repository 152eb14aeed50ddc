// The socket reader that fits the engine this process is connected to, decided again
// whenever the engine changes (a reconnect may land on another one).
import { hostname } from 'node:os';
import type { LiveState } from '../live-state';
import { ownProcessCheck, type OwnProcess } from '../sockets/own-process';
import { readContainerSockets } from '../sockets/read-sockets';
import { procFingerprint } from './socket-fingerprint';
import { chooseSocketPath } from './socket-path';
import type { SocketSource } from './socket-watch';

/**
 * /proc for each container whose process is ours (a dockerd in namespaces of its own on this
 * kernel), exec for the others; it says /proc once a container proved to be ours.
 */
function checkedSource(state: LiveState): SocketSource {
  const owned = ownProcessCheck();
  let ours = false;
  const ownProcess: OwnProcess = async (container) => (ours = await owned(container));
  const fingerprint = procFingerprint();
  return {
    available: true,
    get via() {
      return ours ? 'proc' : 'exec';
    },
    read: readContainerSockets({ docker: state.docker, hostProc: false, ownProcess }),
    // Not ours: no fingerprint (the cache then reads in full, by exec).
    fingerprint: async (container) => {
      if (!(await owned(container))) throw new Error('not a process of this machine');
      return fingerprint(container);
    },
  };
}

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
    const key = `${status.endpoint}|${choice.via}|${choice.checkEach ?? ''}`;
    if (cached?.key !== key) {
      const hostProc = choice.via === 'proc';
      const source: SocketSource = hostProc
        ? {
            ...choice,
            read: readContainerSockets({ docker: state.docker, hostProc }),
            fingerprint: procFingerprint(),
          }
        : choice.checkEach
          ? checkedSource(state)
          : { ...choice, read: readContainerSockets({ docker: state.docker, hostProc }) };
      cached = { key, source };
    }
    return cached.source;
  };
}
