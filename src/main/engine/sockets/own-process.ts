// Whether a container's State.Pid names its process on this machine too. An engine on this
// very kernel but in namespaces of its own (a dockerd in a network and UTS namespace, as the
// two-host lab runs them) reports another host name, yet its containers' processes are ours:
// then /proc/<pid>/net is as good as for the local engine, and far cheaper than docker exec.
// An engine in a VM reports pids of its own kernel; a local process with that number belongs
// to something else. The container's own cgroup path names its id (cgroup v1 and v2, the
// cgroupfs and systemd drivers, Docker and Podman alike), so that is the test.
import { readFile } from 'node:fs/promises';

export type OwnProcess = (container: { id: string; pid: number }) => Promise<boolean>;

/** Checks once per container and pid (a restart gets a new pid and is checked again). */
export function ownProcessCheck(procRoot = '/proc'): OwnProcess {
  const verdicts = new Map<string, boolean>();
  return async ({ id, pid }) => {
    if (!(pid > 0) || !/^[0-9a-f]{12,}$/.test(id)) return false;
    const key = `${id}:${pid}`;
    const known = verdicts.get(key);
    if (known !== undefined) return known;
    const cgroup = await readFile(`${procRoot}/${pid}/cgroup`, 'utf8').catch(() => '');
    const ours = cgroup.includes(id);
    // Containers come and go: a bounded memory of verdicts is enough.
    if (verdicts.size > 1000) verdicts.clear();
    verdicts.set(key, ours);
    return ours;
  };
}
