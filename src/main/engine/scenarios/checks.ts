// A scenario step's check, asked of the engine with the probes the lessons use:
// what a console printed, a file or the environment inside a container, its
// listening sockets, whether one container reaches another, whether it runs.
import type Dockerode from 'dockerode';
import type { CheckResult } from '../../../shared/lessons';
import type { ScenarioCheck } from '../../../shared/scenario';
import { result } from '../lessons/lesson';
import {
  listenersOn,
  readFileIn,
  recentOutput,
  runIn,
  socketsOf,
  tcpFrom,
} from '../lessons/probes';

function finds(haystack: string, contains: string | null, matches: string | null): string | null {
  if (contains !== null) return haystack.includes(contains) ? contains : null;
  const m = new RegExp(matches ?? '', 'm').exec(haystack);
  return m ? m[0] : null;
}

const wanted = (c: { contains: string | null; matches: string | null }) =>
  c.contains !== null ? `"${c.contains}"` : `/${c.matches}/`;

export async function runCheck(docker: Dockerode, check: ScenarioCheck): Promise<CheckResult> {
  switch (check.kind) {
    case 'output': {
      const out = await recentOutput(docker, check.container);
      const found = finds(out, check.contains, check.matches);
      const lines = out.split(/\r?\n/).filter(Boolean);
      return result(
        found !== null,
        found !== null
          ? `${check.container} printed ${wanted(check)}.`
          : `${check.container} has not printed ${wanted(check)} (its last ${Math.min(lines.length, 500)} lines of output).`,
        lines.slice(-5),
      );
    }
    case 'file': {
      const text = await readFileIn(docker, check.container, check.path);
      const lines = text.split('\n').filter(Boolean);
      const line = lines.find((l) => finds(l, check.contains, check.matches) !== null);
      const ok = check.absent ? !line : Boolean(line);
      return result(
        ok,
        line
          ? `${check.container}’s ${check.path} has "${line.trim()}".`
          : `${check.container}’s ${check.path} has no line with ${wanted(check)}.`,
        line ? [line, ...lines.filter((l) => l !== line)] : lines,
      );
    }
    case 'env': {
      // Ask the running process (link variables are set when it starts), not its config.
      const env = (await runIn(docker, check.container, ['env'])).stdout.split('\n');
      const entry = env.find((e) => e.startsWith(`${check.name}=`));
      const ok =
        entry !== undefined && (check.value === null || entry === `${check.name}=${check.value}`);
      return result(
        ok,
        entry ? `${check.container} has ${entry}.` : `${check.container} has no ${check.name}.`,
        env.filter((e) => e.startsWith(check.name.split('_')[0]!)),
      );
    }
    case 'listening': {
      const listeners = await listenersOn(docker, check.container, check.port);
      const match = listeners.find((s) => check.address === null || s.ip === check.address);
      const seen = listeners.map((s) => `${s.ip}:${s.port}`);
      return result(
        Boolean(match),
        match
          ? `${check.container} listens on ${match.ip}:${check.port}.`
          : `${check.container} does not listen on port ${check.port}${check.address ? ` at ${check.address}` : ''}.`,
        seen,
      );
    }
    case 'reach': {
      const reached = await tcpFrom(docker, check.from, check.host, check.port);
      return result(
        reached === check.expect,
        `${check.from} ${reached ? 'reached' : 'could not reach'} ${check.host}:${check.port}.`,
      );
    }
    case 'connected': {
      const open = (await socketsOf(docker, check.container)).filter(
        (s) => s.state === 'ESTABLISHED' && s.remotePort === check.port,
      );
      const first = open[0];
      return result(
        Boolean(first),
        first
          ? `${check.container} has a connection open to ${first.remoteIp}:${check.port}.`
          : `${check.container} has no connection open to port ${check.port}.`,
        open.map((s) => `${s.localIp}:${s.localPort} → ${s.remoteIp}:${s.remotePort}`),
      );
    }
    case 'running': {
      const info = await docker.getContainer(check.container).inspect();
      return result(
        info.State.Running,
        `${check.container} is ${info.State.Status}${info.State.Running ? '' : ` (exit code ${info.State.ExitCode})`}.`,
      );
    }
  }
}
