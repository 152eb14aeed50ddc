// The engine-side actions a lesson step offers with a button: re-create a container
// under the same name (the move that shows which ways of connecting survive it), and
// probe who can reach a port, filling the reachability table.
import type Dockerode from 'dockerode';
import type { CheckResult, ReachRow } from '../../../shared/lessons';
import type { ScenarioContainer, ScenarioOffer } from '../../../shared/scenario';
import { result } from '../lessons/lesson';
import { tcpFrom, tcpFromHost } from '../lessons/probes';
import { fill, type LabFacts } from './facts';
import { createLabContainer } from './lab';
import { removeContainersQuietly } from '../remove-quietly';

async function recreate(
  docker: Dockerode,
  labId: string,
  spec: ScenarioContainer,
): Promise<{ oldIp: string; newIp: string }> {
  const network = spec.networks[0] ?? 'bridge';
  const ipOf = async () =>
    (await docker.getContainer(spec.name).inspect()).NetworkSettings.Networks[network]?.IPAddress ??
    '';
  const oldIp = await ipOf();
  await docker.getContainer(spec.name).remove({ force: true });
  // A container started in between takes the freed address, as happens on a busy engine; it
  // only stands in while the new one is made, then goes (no unexplained pane is left).
  const standIn = `${spec.name}-placeholder`;
  await createLabContainer(docker, labId, { ...spec, name: standIn, ports: [] });
  try {
    await createLabContainer(docker, labId, spec);
  } finally {
    await removeContainersQuietly(docker, [standIn]);
  }
  return { oldIp, newIp: await ipOf() };
}

async function probeAll(
  facts: LabFacts,
  probes: Extract<ScenarioOffer, { kind: 'probe' }>['probes'],
): Promise<ReachRow[]> {
  const rows: ReachRow[] = [];
  // One at a time: each connection ends one round of a listener loop.
  for (const p of probes) {
    const host = await fill(p.host, facts);
    const to = p.to ? await fill(p.to, facts) : `${host}:${p.port}`;
    if (p.never) {
      rows.push({ from: p.as ?? p.from, to, ok: false, detail: p.never });
      continue;
    }
    if (p.from === 'host') {
      // This machine reaches published ports on loopback only where the engine is local.
      if (!facts.hostIsLocal) continue;
      const ok = await tcpFromHost('127.0.0.1', p.port);
      rows.push({
        from: p.as ?? 'this host',
        to,
        ok,
        detail: ok ? 'forwarded through the published port' : 'refused',
      });
    } else {
      const ok = await tcpFrom(facts.docker, p.from, host, p.port);
      rows.push({ from: p.as ?? p.from, to, ok, detail: ok ? 'connected' : 'refused' });
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return rows;
}

export async function runOffer(
  facts: LabFacts,
  labId: string,
  offer: ScenarioOffer,
  containers: readonly ScenarioContainer[],
): Promise<CheckResult> {
  if (offer.kind === 'recreate') {
    const spec = containers.find((c) => c.name === offer.container)!;
    const { oldIp, newIp } = await recreate(facts.docker, labId, spec);
    return result(
      true,
      `${spec.name} re-created: it was ${oldIp}, it is now ${newIp || `not on ${spec.networks[0] ?? 'the bridge'}`} (a stand-in container held ${oldIp} meanwhile, as another container would on a busy engine).`,
    );
  }
  const rows = await probeAll(facts, offer.probes);
  const reachable = rows.filter((r) => r.ok).map((r) => r.from);
  return result(
    true,
    reachable.length ? `Reached from: ${reachable.join(', ')}.` : 'Nobody could connect.',
    [],
    rows,
  );
}
