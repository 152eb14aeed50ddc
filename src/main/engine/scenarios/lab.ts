// A lab is what a lesson or a scenario creates on the engine, labelled with its lab id:
// its networks and containers, made through the New-container path (the same validation,
// labels, and rollback of a half set-up), and the names it needs cleared first.
import type Dockerode from 'dockerode';
import { AppError } from '../../../shared/errors';
import type { Scenario, ScenarioContainer } from '../../../shared/scenario';
import { createContainerInput } from '../../../shared/schemas';
import { createContainer, startContainer } from '../containers';
import { fromEngine } from '../docker-errors';
import { LAB_LABEL } from '../labels';
import { cleanupOwned, createNetwork } from '../networks';
import { removeNetworksQuietly } from '../remove-quietly';
import { fillDeep, learnFacts, type LabFacts, type Locator } from './facts';

/** Labs whose leftovers a lesson or scenario may replace: Crosstalk's own. */
const REPLACEABLE_LAB = /^(lesson|scenario)-/;

/** Every name a lab's containers use, with the placeholders a re-create makes. */
export const namesOf = (scenario: Pick<Scenario, 'containers'>): string[] =>
  scenario.containers.flatMap((c) => [c.name, `${c.name}-placeholder`]);

/**
 * Removes Crosstalk's lab leftovers that hold the names the lab needs; refuses to touch
 * anyone else's. Returns the labs it removed.
 */
export async function clearNames(
  docker: Dockerode,
  labId: string,
  scenario: Pick<Scenario, 'containers' | 'networks'>,
  what: 'lesson' | 'scenario',
): Promise<Set<string>> {
  const wanted = new Set(namesOf(scenario));
  const all = await docker.listContainers({ all: true });
  const holders = all.filter((c) => c.Names.some((n) => wanted.has(n.replace(/^\//, ''))));
  const foreign = holders.filter((c) => !REPLACEABLE_LAB.test(c.Labels[LAB_LABEL] ?? ''));
  if (foreign.length) {
    const names = foreign.map((c) => c.Names[0]!.replace(/^\//, '')).join(', ');
    throw new AppError(
      'name-in-use',
      `This ${what} needs the name(s) ${names}, which containers not made by a lesson or scenario already use.`,
      `Remove or rename those containers, then set the ${what} up again.`,
    );
  }
  const labs = new Set([labId, ...holders.map((c) => c.Labels[LAB_LABEL]!)]);
  await Promise.all([...labs].map((lab) => cleanupOwned(docker, lab)));
  const nets = scenario.networks.length
    ? await docker.listNetworks({ filters: { name: scenario.networks } })
    : [];
  const taken = nets.filter((n) => scenario.networks.includes(n.Name));
  const foreignNet = taken.find((n) => !REPLACEABLE_LAB.test(n.Labels?.[LAB_LABEL] ?? ''));
  if (foreignNet) {
    throw new AppError(
      'name-in-use',
      `This ${what} needs the network name ${foreignNet.Name}, which is already used.`,
      `Remove that network, then set the ${what} up again.`,
    );
  }
  await removeNetworksQuietly(
    docker,
    taken.map((n) => n.Id),
  );
  return labs;
}

/** Creates (and starts) one container of a lab, on all of its networks before it starts. */
export async function createLabContainer(
  docker: Dockerode,
  labId: string,
  c: ScenarioContainer,
): Promise<void> {
  const [first, ...more] = c.networks;
  // The same validation as the New-container form: the file's values meet the same rules.
  const spec = createContainerInput.safeParse({
    image: c.image,
    name: c.name,
    command: c.command,
    env: c.env,
    tty: c.tty,
    ports: c.ports,
    ...(first ? { network: first } : {}),
    aliases: first ? c.aliases : [],
    links: c.links,
    expose: c.expose,
    labId,
    // With more networks, it joins them all before its process starts.
    start: more.length === 0,
  });
  if (!spec.success) {
    const issue = spec.error.issues[0]!;
    throw new AppError(
      'invalid-input',
      `Container "${c.name}": ${issue.path.join('.')}: ${issue.message}`,
      'Change that container in the scenario file.',
    );
  }
  const created = await createContainer(docker, spec.data);
  if (!more.length) return;
  for (const network of more) {
    try {
      await docker.getNetwork(network).connect({
        Container: created.id,
        EndpointConfig: { Aliases: c.aliases },
      });
    } catch (error) {
      throw fromEngine(error, `Connecting "${c.name}" to network "${network}"`);
    }
  }
  await startContainer(docker, created.id);
}

/**
 * Networks, then containers in file order; containers with no link to one still being made
 * are created together. Half a lab is worse than none: a failure removes what was made.
 */
export async function createLab(
  docker: Dockerode,
  labId: string,
  scenario: Pick<Scenario, 'containers' | 'networks'>,
): Promise<void> {
  try {
    await Promise.all(scenario.networks.map((n) => createNetwork(docker, n, labId)));
    let batch: ScenarioContainer[] = [];
    const flush = async () => {
      await Promise.all(batch.map((c) => createLabContainer(docker, labId, c)));
      batch = [];
    };
    for (const c of scenario.containers) {
      if (c.links.some((l) => batch.some((b) => b.name === l.target))) await flush();
      batch.push(c);
    }
    await flush();
  } catch (error) {
    await cleanupOwned(docker, labId).catch(() => undefined);
    throw error;
  }
}

/** Each container's id now, by name: what "re-created since set-up" compares with. */
export async function idsOf(
  docker: Dockerode,
  containers: readonly { name: string }[],
): Promise<Map<string, string>> {
  const ids = await Promise.all(
    containers.map(
      async (c) => [c.name, (await docker.getContainer(c.name).inspect()).Id] as const,
    ),
  );
  return new Map(ids);
}

/**
 * A lab set up as a lesson or a scenario runs it: created (createLab), then what is true of
 * this engine for it learnt and filled into its steps ({{facts}}), and each container's id
 * noted. A failure after the creation removes the lab too.
 */
export async function setUpLab<S extends Pick<Scenario, 'containers' | 'networks' | 'steps'>>(
  docker: Dockerode,
  labId: string,
  scenario: S,
  locate: Locator,
): Promise<{ facts: LabFacts; steps: S['steps']; setUp: Map<string, string> }> {
  await createLab(docker, labId, scenario);
  try {
    const facts = await learnFacts(docker, scenario.containers[0]!.name, locate);
    const [steps, setUp] = await Promise.all([
      fillDeep(scenario.steps, facts),
      idsOf(docker, scenario.containers),
    ]);
    return { facts, steps, setUp };
  } catch (error) {
    await cleanupOwned(docker, labId).catch(() => undefined);
    throw error;
  }
}
