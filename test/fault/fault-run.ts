// The names and paths one fault run uses, so two runs on one machine (two checkouts, two
// engineers) never share a dockerd, a socket, a bridge or a subnet. All follow from the run's
// name: CT_FAULT_NAME when set, else `p<pid>` of the Vitest process that loads this first (the
// global setup), written back to the environment so that the test workers, started after it,
// use the same one.
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const NAME_RULE = /^[a-z0-9]{1,10}$/;

export interface FaultRun {
  name: string;
  /** Socket, data-root, exec-root, pidfile and log of the run's dockerd. */
  root: string;
  /** Whether this process named the run after its pid: it removes `root` when the run ends. */
  removeRoot: boolean;
  /** ≤ 15 characters, as Linux allows an interface name. */
  bridge: string;
  bridgeAddress: string;
  namespace: string;
}

export function faultRun(env: NodeJS.ProcessEnv = process.env, pid = process.pid): FaultRun {
  const given = env['CT_FAULT_NAME'];
  if (given !== undefined && !NAME_RULE.test(given))
    throw new Error(
      `CT_FAULT_NAME=${given} cannot name a fault run: use 1 to 10 lower-case letters and digits.`,
    );
  const name = given ?? `p${pid}`;
  const third = env['CT_FAULT_SUBNET'] ?? String(subnetOf(name));
  if (!/^\d+$/.test(third) || Number(third) < 1 || Number(third) > 254)
    throw new Error(`CT_FAULT_SUBNET=${third}: give the subnet's third number, 1 to 254.`);
  const root = env['CROSSTALK_FAULT_ROOT'] ?? join('/tmp', `crosstalk-fault-${name}`);
  return {
    name,
    root,
    removeRoot: given === undefined && env['CROSSTALK_FAULT_ROOT'] === undefined,
    bridge: `ctf-${name}`,
    bridgeAddress: `10.209.${Number(third)}.1/24`,
    namespace: `crosstalk-fault-${name}`,
  };
}

/** The run's /24 within 10.209.0.0/16, from its name: 1 to 254. */
function subnetOf(name: string): number {
  return (createHash('sha256').update(name).digest()[0]! % 254) + 1;
}

/** This process's run; the first to ask fixes the name for the processes it starts. */
export function currentFaultRun(): FaultRun {
  const run = faultRun();
  process.env['CT_FAULT_NAME'] ??= run.name;
  return run;
}
