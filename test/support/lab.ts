// For tests that need two hosts: the lab `.ci/run` started, or one started here (and stopped
// again by `release`) when none is up. Test-only: never in the app build.
import Dockerode from 'dockerode';
import type { LabState } from '../../src/main/lab/lab-state';
import { labDown, labStatus, labUp } from '../../src/main/lab/two-hosts';

export interface LabLease {
  state: LabState;
  /** One dockerode client per node, in node order. */
  engines: Dockerode[];
  release(): Promise<void>;
}

export async function useLab(): Promise<LabLease> {
  const status = await labStatus();
  let started = false;
  let state = status.state;
  if (!status.up || !state) {
    const up = await labUp({ main: new Dockerode({ socketPath: '/var/run/docker.sock' }) });
    state = up.state;
    started = up.started;
  }
  return {
    state,
    engines: state.nodes.map((n) => new Dockerode({ socketPath: n.socketPath })),
    release: async () => {
      if (started) await labDown();
    },
  };
}
