// The local two-host lab as data: two network namespaces joined by a veth pair, a dockerd in
// each. Every name, path and subnet carries "crosstalk-lab" or sits in 10.212.0.0/16, which
// nothing else on the machines this runs on uses (docker0 is 172.17/16, other test engines
// 172.18–172.19 and 10.111–10.112). Pure, so the plan can be checked without root.

export const labName = 'crosstalk-lab';
export const labRunDir = `/run/${labName}`;
export const labDataDir = `/var/lib/${labName}`;
/** Where `up` records what it started, for `down`, `status` and the app. */
export const labStateFile = `${labRunDir}/lab.json`;
/** The underlay (the "physical" link between the two hosts). */
export const underlaySubnet = '10.212.0.0/24';
/** A pool for swarm's overlay networks (`swarm init --default-addr-pool`) that fits the lab. */
export const overlayPool = '10.212.128.0/18';

export interface LabNodePlan {
  /** 1 or 2. */
  index: number;
  /** Namespace name, host name and containerd namespace. */
  name: string;
  netns: string;
  /** This node's address on the underlay, e.g. 10.212.0.1. */
  underlayIp: string;
  /** Its interface on the underlay, inside its namespace. */
  underlayDevice: string;
  runDir: string;
  dataRoot: string;
  execRoot: string;
  socketPath: string;
  endpoint: string;
  pidFile: string;
  logFile: string;
  /** docker0 inside the namespace. */
  bip: string;
  /** Where this dockerd takes the subnets of local networks (also docker_gwbridge). */
  addressPool: string;
}

export function nodePlan(index: 1 | 2): LabNodePlan {
  const name = `${labName}-node${index}`;
  const runDir = `${labRunDir}/node${index}`;
  const socketPath = `${runDir}/docker.sock`;
  return {
    index,
    name,
    netns: name,
    underlayIp: `10.212.0.${index}`,
    underlayDevice: 'eth0',
    runDir,
    dataRoot: `${labDataDir}/node${index}`,
    execRoot: `${runDir}/exec`,
    socketPath,
    endpoint: `unix://${socketPath}`,
    pidFile: `${runDir}/docker.pid`,
    logFile: `${runDir}/dockerd.log`,
    bip: `10.212.${index}.1/24`,
    addressPool: `base=10.212.${16 * index}.0/20,size=24`,
  };
}

export const labNodes: readonly LabNodePlan[] = [nodePlan(1), nodePlan(2)];

/** dockerd's arguments: everything a second daemon must not share with the main one. */
export function dockerdArgs(node: LabNodePlan): string[] {
  return [
    '--host',
    node.endpoint,
    '--data-root',
    node.dataRoot,
    '--exec-root',
    node.execRoot,
    '--pidfile',
    node.pidFile,
    '--bip',
    node.bip,
    '--default-address-pool',
    node.addressPool,
    '--containerd-namespace',
    node.name,
    '--containerd-plugins-namespace',
    `${node.name}-plugins`,
  ];
}

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * The daemon's command line. `ip netns exec` would remount /sys and lose this machine's
 * cgroup v1 mounts ("Devices cgroup isn't mounted"), so nsenter joins only the network
 * namespace; unshare gives the node its own host name (docker info .Name tells nodes apart).
 */
export function dockerdCommand(node: LabNodePlan): string[] {
  const daemon = ['dockerd', ...dockerdArgs(node)].map(quote).join(' ');
  return [
    'nsenter',
    `--net=/run/netns/${node.netns}`,
    '--',
    'unshare',
    '--uts',
    '--',
    'sh',
    '-c',
    `hostname ${quote(node.name)} && exec ${daemon}`,
  ];
}

/** The ip(8) commands that build the underlay: namespaces, one veth pair, addresses, links up. */
export function underlayCommands(nodes: readonly LabNodePlan[] = labNodes): string[][] {
  const [a, b] = nodes as [LabNodePlan, LabNodePlan];
  return [
    ['ip', 'netns', 'add', a.netns],
    ['ip', 'netns', 'add', b.netns],
    // Created inside the namespaces, so no end of the pair ever appears on this host.
    [
      'ip',
      '-n',
      a.netns,
      'link',
      'add',
      a.underlayDevice,
      'type',
      'veth',
      'peer',
      'name',
      b.underlayDevice,
      'netns',
      b.netns,
    ],
    ...[a, b].flatMap((n) => [
      ['ip', '-n', n.netns, 'addr', 'add', `${n.underlayIp}/24`, 'dev', n.underlayDevice],
      ['ip', '-n', n.netns, 'link', 'set', 'lo', 'up'],
      ['ip', '-n', n.netns, 'link', 'set', n.underlayDevice, 'up'],
    ]),
  ];
}

/** Does a path belong to the lab (a mount, a process's command line)? */
export function isLabPath(text: string): boolean {
  return (
    text.includes(labRunDir) || text.includes(labDataDir) || text.includes(`/run/netns/${labName}-`)
  );
}
