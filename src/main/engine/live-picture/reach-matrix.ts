// Probe results → the matrix a window shows: one cell per ordered pair, in the order the
// containers were asked for.
import type { ProbeResult, ReachabilityMatrix, ReachCell } from '../../../shared/live-picture';
import type { PairPlan, ProbeTask } from './probe-plan';

export type TaskResult = { task: ProbeTask; result: ProbeResult };

const routeOrder = { name: 0, ip: 1, host: 2 } as const;

export function buildMatrix(
  containers: readonly { id: string; name: string }[],
  plans: readonly PairPlan[],
  results: readonly TaskResult[],
  notes: string[],
  ms: number,
): ReachabilityMatrix {
  const cells = plans.map((plan): ReachCell => {
    const probes = results
      .filter((r) => r.task.fromId === plan.fromId && r.task.toId === plan.toId)
      .map((r) => r.result)
      .sort((a, b) => a.port - b.port || routeOrder[a.route] - routeOrder[b.route]);
    return {
      from: plan.fromId,
      to: plan.toId,
      reachable: plan.ports.length ? probes.some((p) => p.outcome === 'open') : null,
      probes,
      note: plan.note,
    };
  });
  return { containers: containers.map(({ id, name }) => ({ id, name })), cells, notes, ms };
}
