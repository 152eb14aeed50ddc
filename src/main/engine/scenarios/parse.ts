// A scenario file's text → a validated Scenario, or an error naming the line,
// the field and the reason. Checks what the schema alone cannot: that every
// pane, link and network a step or container names exists in the file.
import { AppError } from '../../../shared/errors';
import type { Scenario, ScenarioStep } from '../../../shared/scenario';
import { placeholderProblem } from './facts';
import { scenarioFile } from './schema';
import { lineOf, parseWith, readSource, type SourceText } from './source-lines';

const WHAT = 'scenario file';

function fail(source: SourceText, path: (string | number)[], message: string): never {
  const line = lineOf(source, path);
  const field = path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
    .join('')
    .slice(1);
  throw new AppError(
    'invalid-input',
    `${source.name}, line ${line}: ${field}: ${message}`,
    `Fix line ${line} of the ${WHAT} and open it again.`,
  );
}

/** Every {{placeholder}} in the file names a fact it can be filled from. */
function checkPlaceholders(source: SourceText): void {
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      const problem = placeholderProblem(value, path.at(-1) === 'passed');
      if (problem) fail(source, path, problem);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(source.doc.toJS({ maxAliasCount: 100 }), []);
}

export function parseScenario(text: string, name: string): Scenario {
  if (text.length > 1_000_000)
    throw new AppError(
      'invalid-input',
      `${name} is larger than 1 MB.`,
      'A scenario file is a short text.',
    );
  const source = readSource(text, name, WHAT);
  const file = parseWith(scenarioFile, source, WHAT);
  const names = new Set<string>();
  file.containers.forEach((c, i) => {
    if (names.has(c.name)) fail(source, ['containers', i, 'name'], `"${c.name}" is named twice.`);
    names.add(c.name);
    c.networks.forEach((n, j) => {
      if (!file.networks.includes(n))
        fail(
          source,
          ['containers', i, 'networks', j],
          `"${n}" is not in the scenario's networks: list it under "networks".`,
        );
    });
    if (c.aliases.length && !c.networks.length)
      fail(
        source,
        ['containers', i, 'aliases'],
        'Aliases live on user-defined networks: give the container "networks" too.',
      );
    c.links.forEach((l, j) => {
      const target = file.containers.findIndex((t) => t.name === l.target);
      if (target < 0 || target >= i)
        fail(
          source,
          ['containers', i, 'links', j],
          `"${l.target}" must be a container listed before "${c.name}" (a link needs its target running).`,
        );
    });
  });
  const steps: ScenarioStep[] = file.steps.map((s, i) => {
    s.actions.forEach((a, j) => {
      if ('pane' in a && !names.has(a.pane))
        fail(
          source,
          ['steps', i, 'actions', j, 'in'],
          `"${a.pane}" is not one of the scenario's containers (${[...names].join(', ')}).`,
        );
    });
    const c = s.check;
    const named = c
      ? [c.kind === 'reach' ? c.from : c.container, ...c.recreated].concat(
          'target' in c ? [c.target] : [],
        )
      : [];
    for (const target of named)
      if (!names.has(target))
        fail(source, ['steps', i, 'check'], `"${target}" is not one of the scenario's containers.`);
    const o = s.offer;
    if (o?.kind === 'recreate' && !names.has(o.container))
      fail(
        source,
        ['steps', i, 'offer', 'recreate'],
        `"${o.container}" is not one of the scenario's containers.`,
      );
    if (o?.kind === 'probe')
      o.probes.forEach((p, j) => {
        if (!p.never && p.from !== 'host' && !names.has(p.from))
          fail(
            source,
            ['steps', i, 'offer', 'probe', j, 'from'],
            `"${p.from}" is "host" (this machine) or one of the scenario's containers; a row that is not probed says why in "never".`,
          );
      });
    if (s.id && file.steps.findIndex((t) => t.id === s.id) !== i)
      fail(source, ['steps', i, 'id'], `The step id "${s.id}" is used twice.`);
    return {
      id: s.id ?? null,
      title: s.title,
      caption: s.caption ?? null,
      text: s.text ?? null,
      actions: s.actions,
      check: (c as ScenarioStep['check']) ?? null,
      offer: o ?? null,
      afterMs: s.after,
      line: lineOf(source, ['steps', i]),
    };
  });
  checkPlaceholders(source);
  return {
    format: file.format,
    id: file.id ?? null,
    unsupported: file.unsupported,
    title: file.title,
    description: file.description,
    networks: file.networks,
    containers: file.containers,
    steps,
  };
}
