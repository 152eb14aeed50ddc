// Runs the reachability probes: inside container A (by exec), a short connect to each of
// B's ports by every route the plan names. Probes of one server port run one after another,
// because a probe is a real connection: a one-shot server (`nc -l`) serves the first and
// exits, and the routes after it must say so rather than "refused". Different server ports
// are probed in parallel, a few at a time.
import type Dockerode from 'dockerode';
import type { ContainerView, NetworkView } from '../../../shared/model';
import type { ProbeResult, ReachabilityMatrix } from '../../../shared/live-picture';
import { AppError } from '../../../shared/errors';
import type { ListeningPort } from '../../../shared/topology';
import { execOutput } from '../sockets/exec-output';
import { listeningSockets } from '../sockets/proc-net-tcp';
import type { SocketReader } from '../sockets/read-sockets';
import { forEachLimited } from './limit';
import {
  BASH_CHECK,
  classifyProbe,
  CONNECT_TIMEOUT_S,
  NC_HELP,
  bashCanProbe,
  ncFlavour,
  probeCommand,
  type CommandResult,
  type ProbeTool,
} from './probe-command';
import { planProbes, type ProbeTask } from './probe-plan';
import { buildMatrix, type TaskResult } from './reach-matrix';

export interface ReachabilityDeps {
  docker: Dockerode;
  /** The running containers to probe between, in the order the matrix shows them. */
  containers: ContainerView[];
  networks: NetworkView[];
  readSockets: SocketReader;
  /** Server ports probed at once. */
  concurrency?: number;
}

/** A probe's own timeout plus the engine's exec round trips. */
const EXEC_TIMEOUT_MS = CONNECT_TIMEOUT_S * 1000 + 3000;

const dialTarget = (t: ProbeTask): string =>
  t.host.includes(':') ? `[${t.host}]:${t.dialPort}` : `${t.host}:${t.dialPort}`;

/** Probes of one server port, in plan order (Map.groupBy needs Node 21). */
function byServerPort(tasks: readonly ProbeTask[]): ProbeTask[][] {
  const groups = new Map<string, ProbeTask[]>();
  for (const t of tasks) {
    const key = `${t.toId}:${t.port}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()];
}

export async function probeReachability(deps: ReachabilityDeps): Promise<ReachabilityMatrix> {
  const started = performance.now();
  const notes: string[] = [];
  const byId = new Map(deps.containers.map((c) => [c.id, c]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;

  const run = async (id: string, cmd: string[]): Promise<CommandResult | null> => {
    try {
      const out = await execOutput(deps.docker, id, cmd, AbortSignal.timeout(EXEC_TIMEOUT_MS));
      return { exitCode: out.exitCode, output: `${out.stdout}${out.stderr}` };
    } catch {
      return null;
    }
  };
  /** null: could not tell; [] also when the container has stopped. */
  const listeningOf = async (id: string): Promise<ListeningPort[] | null> => {
    try {
      return listeningSockets(await deps.readSockets(byId.get(id)!));
    } catch (error) {
      return error instanceof AppError && error.code === 'not-found' ? [] : null;
    }
  };

  // B's ports come from its sockets right now, not from the last tick of the watch.
  const listening: Record<string, ListeningPort[]> = {};
  await Promise.all(
    deps.containers.map(async (c) => {
      const found = await listeningOf(c.id);
      if (found) listening[c.id] = found;
      else
        notes.push(
          `The sockets of ${c.name} could not be read: only its published ports were probed.`,
        );
    }),
  );
  const plans = planProbes(deps.containers, deps.networks, listening);
  const tasks = plans.flatMap((p) => p.tasks);

  const tools = new Map<string, ProbeTool>();
  await forEachLimited([...new Set(tasks.map((t) => t.fromId))], 8, async (id) => {
    const tool =
      ncFlavour(await run(id, NC_HELP)) ??
      (bashCanProbe(await run(id, BASH_CHECK)) ? 'bash' : 'none');
    tools.set(id, tool);
    if (tool === 'none') {
      notes.push(
        `${nameOf(id)} cannot run probes: its image has no netcat with -z or -e, nor bash with timeout.`,
      );
    }
  });

  const probe = async (task: ProbeTask): Promise<ProbeResult> => {
    const base = { route: task.route, target: dialTarget(task), port: task.port, via: task.via };
    const tool = tools.get(task.fromId) ?? 'none';
    if (tool === 'none') return { ...base, outcome: 'error', detail: 'no probe tool', ms: 0 };
    // Through the host, Docker's proxy answers for the container: hold on to see if it stays.
    const mode = task.route === 'host' ? 'hold' : 'touch';
    const t0 = performance.now();
    const result = await run(task.fromId, probeCommand(tool, mode, task.host, task.dialPort));
    const ms = Math.round(performance.now() - t0);
    if (!result)
      return { ...base, outcome: 'error', detail: 'the engine did not run the probe', ms };
    return { ...base, ...classifyProbe({ ...result, tool, mode, ms }), ms };
  };

  /**
   * False only when B listened on `port` before the probes and does not any more, even a
   * moment later (a server restarted in a loop is briefly away between two clients).
   */
  const stillListens = async (toId: string, port: number): Promise<boolean> => {
    if (!listening[toId]?.some((l) => l.port === port)) return true;
    for (const wait of [0, 200]) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      const now = await listeningOf(toId);
      if (now === null || now.some((l) => l.port === port)) return true;
    }
    return false;
  };

  const results: TaskResult[] = [];
  await forEachLimited(byServerPort(tasks), deps.concurrency ?? 6, async (group) => {
    let gone = false;
    let opened = false;
    for (const task of group) {
      let result = gone ? goneResult(task) : await probe(task);
      // After a connection, check the server is still there before blaming the route.
      if (!gone && (result.outcome === 'open' || opened)) {
        opened ||= result.outcome === 'open';
        gone = !(await stillListens(task.toId, task.port));
        if (gone && result.outcome !== 'open') result = goneResult(task);
      }
      results.push({ task, result });
    }
    if (gone) {
      const [first] = group;
      notes.push(
        `${nameOf(first!.toId)} stopped listening on ${first!.port} after the first probe connected: a one-shot server such as \`nc -l\` serves one connection. Start it again to use it.`,
      );
    }
  });

  const ms = Math.round(performance.now() - started);
  return buildMatrix(deps.containers, plans, results, notes.sort(), ms);

  function goneResult(task: ProbeTask): ProbeResult {
    return {
      route: task.route,
      target: dialTarget(task),
      port: task.port,
      via: task.via,
      outcome: 'gone',
      detail: `not tried: ${nameOf(task.toId)} no longer listens on ${task.port}`,
      ms: 0,
    };
  }
}
