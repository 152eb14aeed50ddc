// A scenario step's check, asked of the engine with the probes the lessons use:
// what a console printed, a file or the environment inside a container, its
// sockets, whether one container reaches or resolves another, whether it runs,
// whether a legacy link broke. Its {{facts}} are filled when it runs, so an
// address is the one the container has now.
import type Dockerode from 'dockerode';
import type { CheckResult } from '../../../shared/lessons';
import type { ScenarioCheck, ScenarioCheckKind } from '../../../shared/scenario';
import { result } from '../lessons/lesson';
import { printed, readFileIn, recentOutput, runIn, socketsOf, tcpFrom } from '../lessons/probes';
import { listeningSockets } from '../sockets/proc-net-tcp';
import { fill, fillDeep, type LabFacts } from './facts';

interface Finding {
  ok: boolean;
  detail: string;
  evidence?: string[];
  /** What the check found, for a "passed" sentence's {{found}}. */
  found?: string;
}

function finds(haystack: string, contains: string | null, matches: string | null): string | null {
  if (contains !== null) return haystack.includes(contains) ? contains : null;
  const m = new RegExp(matches ?? '', 'm').exec(haystack);
  return m ? m[0] : null;
}

const wanted = (c: { contains: string | null; matches: string | null }) =>
  c.contains !== null ? `"${c.contains}"` : `/${c.matches}/`;

const ipOf = async (docker: Dockerode, container: string, network: string) =>
  (await docker.getContainer(container).inspect()).NetworkSettings.Networks[network]?.IPAddress ??
  '';

/** What `name` resolves to inside `container`: ping prints the address it resolved. */
async function resolveIn(docker: Dockerode, container: string, name: string): Promise<string> {
  const out = await runIn(docker, container, [
    'sh',
    '-c',
    `ping -c 1 -W 1 ${name} 2>&1 | head -n 1`,
  ]);
  return /\((\d+\.\d+\.\d+\.\d+)\)/.exec(out.stdout)?.[1] ?? '';
}

async function linkBroken(
  docker: Dockerode,
  c: Extract<ScenarioCheckKind, { kind: 'link-broken' }>,
): Promise<Finding> {
  const ip = await ipOf(docker, c.target, 'bridge').catch(() => '');
  let hosts: string;
  try {
    hosts = await readFileIn(docker, c.container, '/etc/hosts');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/Cannot link to a non running container/.test(message)) throw error;
    return {
      ok: true,
      detail: `The link is broken: the engine refuses even to run a command in ${c.container} ("Cannot link to a non running container"). The link named the old ${c.target} container, which is gone; the new ${c.target} (${ip}) is a different container with the same name.`,
    };
  }
  const lines = hosts.split('\n').filter(Boolean);
  const line = lines.find((l) => new RegExp(`\\s${c.target}(\\s|$)`).test(l));
  const stale = !line || (!line.startsWith(`${ip}\t`) && !line.startsWith(`${ip} `));
  return {
    ok: stale,
    detail: !line
      ? `${c.container} lost its line for ${c.target} (the new ${c.target} is ${ip}). The link pointed at the old container, and ${c.container} cannot even restart: "Cannot link to a non running container".`
      : stale
        ? `${c.container} still points ${c.target} at ${line.split(/\s/)[0]}, but the new ${c.target} is ${ip}: a stale address.`
        : `${c.container}'s line matches ${c.target} (${ip}) — the link has not broken yet.`,
    evidence: line ? [line] : lines,
  };
}

async function ask(docker: Dockerode, check: ScenarioCheckKind): Promise<Finding> {
  switch (check.kind) {
    case 'output': {
      const out = await recentOutput(docker, check.container);
      const found = finds(out, check.contains, check.matches);
      const lines = out.split(/\r?\n/).filter(Boolean);
      return {
        ok: found !== null,
        detail:
          found !== null
            ? `${check.container} printed ${wanted(check)}.`
            : `${check.container} has not printed ${wanted(check)} (its last ${Math.min(lines.length, 500)} lines of output).`,
        evidence: lines.slice(-5),
        found: found ?? '',
      };
    }
    case 'file': {
      const text = await readFileIn(docker, check.container, check.path);
      const lines = text.split('\n').filter(Boolean);
      const line = lines.find((l) => finds(l, check.contains, check.matches) !== null);
      // The step is to look: with `shown`, the line counts once the console has shown it.
      const found = line && (check.contains ?? line.trim());
      const unseen =
        check.shown && found && !(await printed(docker, check.container, found.trim()));
      return {
        ok: (check.absent ? !line : Boolean(line)) && !unseen,
        detail: unseen
          ? `${check.container}’s ${check.path} has "${line!.trim()}", but its console has not shown the file yet.`
          : line
            ? `${check.container}’s ${check.path} has "${line.trim()}".`
            : `${check.container}’s ${check.path} has no line with ${wanted(check)}.`,
        evidence: line ? [line, ...lines.filter((l) => l !== line)] : lines,
        found: line?.trim() ?? '',
      };
    }
    case 'env': {
      // Ask the running process (link variables are set when it starts), not its config.
      const env = (await runIn(docker, check.container, ['env'])).stdout.split('\n');
      const entry = env.find((e) => e.startsWith(`${check.name}=`));
      const right =
        entry !== undefined && (check.value === null || entry === `${check.name}=${check.value}`);
      const unseen = check.shown && right && !(await printed(docker, check.container, entry!));
      return {
        ok: right && !unseen,
        detail: !entry
          ? `${check.container} has no ${check.name}.`
          : unseen
            ? `${check.container} has ${entry}, but its console has not shown it yet.`
            : `${check.container} has ${entry}.`,
        evidence: env.filter((e) => e.startsWith(check.name.split('_')[0]!)),
        found: entry ?? '',
      };
    }
    case 'listening': {
      const listeners = listeningSockets(await socketsOf(docker, check.container)).filter(
        (s) => s.port === check.port && (check.address === null || s.ip === check.address),
      );
      const where = listeners
        .map(
          (s) =>
            `${s.family === 6 ? `[${s.ip}]` : s.ip}:${s.port}${s.loopbackOnly ? ' (loopback only)' : ''}`,
        )
        .join(', ');
      const inScope =
        check.scope === null ||
        listeners.every((s) => s.loopbackOnly === (check.scope === 'loopback'));
      return {
        ok: listeners.length > 0 && inScope,
        detail: listeners.length
          ? `${check.container} listens on ${where}.`
          : `${check.container} does not listen on port ${check.port}${check.address ? ` at ${check.address}` : ''}.`,
        evidence: listeners.map((s) => `${s.ip}:${s.port}`),
        found: where,
      };
    }
    case 'reach': {
      const reached = await tcpFrom(docker, check.from, check.host, check.port);
      return {
        ok: reached === check.expect,
        detail: `${check.from} ${reached ? 'reached' : 'could not reach'} ${check.host}:${check.port}.`,
        found: `${check.host}:${check.port}`,
      };
    }
    case 'connected': {
      const open = (await socketsOf(docker, check.container)).filter(
        (s) =>
          s.state === 'ESTABLISHED' &&
          s.remotePort === check.port &&
          (check.to === null || s.remoteIp === check.to || s.remoteIp === `::ffff:${check.to}`),
      );
      const first = open[0];
      return {
        ok: Boolean(first),
        detail: first
          ? `${check.container} → ${first.remoteIp}:${check.port} is established.`
          : `${check.container} has no connection open to ${check.to ? `${check.to}:` : 'port '}${check.port}.`,
        evidence: open.map((s) => `${s.localIp}:${s.localPort} → ${s.remoteIp}:${s.remotePort}`),
        found: first ? `${first.remoteIp}:${check.port}` : '',
      };
    }
    case 'running': {
      const info = await docker.getContainer(check.container).inspect();
      return {
        ok: info.State.Running,
        detail: `${check.container} is ${info.State.Status}${info.State.Running ? '' : ` (exit code ${info.State.ExitCode})`}.`,
      };
    }
    case 'resolves': {
      const [ip, resolved] = await Promise.all([
        ipOf(docker, check.target, check.network),
        resolveIn(docker, check.container, check.name),
      ]);
      return {
        ok: resolved !== '' && resolved === ip,
        detail:
          resolved === ip
            ? `In ${check.container}, ${check.name} resolves to ${resolved}: ${check.target}’s address.`
            : `In ${check.container}, ${check.name} resolves to ${resolved || 'nothing'}, but ${check.target} is ${ip}.`,
        found: resolved,
      };
    }
    case 'link-broken':
      return linkBroken(docker, check);
  }
}

/**
 * Runs a check: refused while a container it needs re-created is still the one made at
 * set-up (`setUp`: name → container id then), then asked with its facts filled now.
 */
export async function runCheck(
  facts: LabFacts,
  check: ScenarioCheck,
  setUp: ReadonlyMap<string, string>,
): Promise<CheckResult> {
  for (const name of check.recreated) {
    const id = await facts.docker
      .getContainer(name)
      .inspect()
      .then((i) => i.Id)
      .catch(() => '');
    if (id && id === setUp.get(name))
      return result(
        false,
        `${name} is still the container Set up made: it has not been re-created yet.`,
      );
  }
  const filled = await fillDeep(check, facts);
  const finding = await ask(facts.docker, filled);
  const detail =
    finding.ok && check.passed ? await fill(check.passed, facts, finding.found) : finding.detail;
  return result(finding.ok, detail, finding.evidence ?? []);
}
