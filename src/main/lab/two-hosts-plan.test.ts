import { describe, expect, it } from 'vitest';
import { dockerdCommand, isLabPath, labNodes, underlayCommands } from './two-hosts-plan';

describe('the two-host lab plan', () => {
  it('gives each node its own socket, roots, pidfile, bridge, pool and containerd namespaces', () => {
    const [a, b] = labNodes;
    for (const key of [
      'socketPath',
      'dataRoot',
      'execRoot',
      'pidFile',
      'bip',
      'addressPool',
      'underlayIp',
      'netns',
    ] as const) {
      expect(a![key]).not.toBe(b![key]);
    }
    const cmd = dockerdCommand(a!);
    expect(cmd.slice(0, 6)).toEqual([
      'nsenter',
      '--net=/run/netns/crosstalk-lab-node1',
      '--',
      'unshare',
      '--uts',
      '--',
    ]);
    const script = cmd.at(-1)!;
    expect(script).toMatch(/^hostname 'crosstalk-lab-node1' && exec 'dockerd' /);
    for (const flag of [
      '--host',
      '--data-root',
      '--exec-root',
      '--pidfile',
      '--bip',
      '--default-address-pool',
      '--containerd-namespace',
      '--containerd-plugins-namespace',
    ]) {
      expect(script).toContain(`'${flag}'`);
    }
    expect(script).not.toContain('--bridge'); // never `--bridge none`: it deletes docker0
  });

  it('creates the veth pair inside the namespaces, never on the host', () => {
    const link = underlayCommands().find((c) => c.includes('veth'))!;
    expect(link).toEqual(
      expect.arrayContaining(['-n', 'crosstalk-lab-node1', 'netns', 'crosstalk-lab-node2']),
    );
  });

  it('recognises its own paths only', () => {
    expect(isLabPath('/var/lib/crosstalk-lab/node1/overlay2/x/merged')).toBe(true);
    expect(
      isLabPath('containerd --config /run/crosstalk-lab/node2/exec/containerd/containerd.toml'),
    ).toBe(true);
    expect(isLabPath('/run/netns/crosstalk-lab-node1')).toBe(true);
    expect(isLabPath('/var/lib/docker/overlay2/x/merged')).toBe(false);
    expect(isLabPath('/run/netns/ct9-ns')).toBe(false);
  });
});
