import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { parseScenario } from './parse';

const seed = readFileSync('scenarios/hold-my-word.yaml', 'utf8');

function failure(text: string): AppError {
  try {
    parseScenario(text, 'demo.yaml');
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('parsed without complaint');
}

/** The seed file with one line replaced (1-based). */
function withLine(n: number, line: string): string {
  const lines = seed.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}
const lineNumber = (pattern: RegExp) => seed.split('\n').findIndex((l) => pattern.test(l)) + 1;

describe('scenario files', () => {
  it('reads the seed demo: containers, steps with actions, checks and lines', () => {
    const s = parseScenario(seed, 'hold-my-word.yaml');
    expect(s.title).toBe('Hold my word');
    expect(s.containers.map((c) => [c.name, c.image, c.networks])).toEqual([
      ['server', 'crosstalk-test:latest', ['example']],
      ['client', 'crosstalk-test:latest', ['example']],
    ]);
    expect(s.steps).toHaveLength(3);
    expect(s.steps[0]!.actions).toEqual([
      { kind: 'wait', pane: 'server', text: '#', regex: null, timeoutMs: 10_000 },
      { kind: 'type', pane: 'server', text: 'nc -lp 1234', speed: 25, enter: true },
    ]);
    expect(s.steps[2]!.actions[0]).toEqual({ kind: 'pause', ms: 300 });
    expect(s.steps[2]!.check).toMatchObject({
      kind: 'output',
      container: 'server',
      contains: 'hold my word',
      says: 'the server printed "hold my word"',
    });
    expect(s.steps[1]!.check).toEqual({
      kind: 'connected',
      container: 'client',
      port: 1234,
      to: null,
      says: "the client has a connection open to the server's port 1234",
      passed: null,
      recreated: [],
    });
    expect(s.steps[2]!.afterMs).toBe(2000);
    expect(s.steps[0]!.line).toBe(lineNumber(/title: The server listens/));
    expect(s.steps[0]!.check?.says).toBe('server listens on port 1234');
  });

  it('reads JSON too, ports as docker run -p writes them, keys and regex waits', () => {
    const s = parseScenario(
      JSON.stringify({
        format: 'crosstalk/scenario@1',
        title: 'Ports',
        networks: ['talk'],
        containers: [
          {
            name: 'web',
            image: 'busybox',
            ports: ['127.0.0.1:8080:80', 1234],
            networks: ['talk'],
            aliases: ['www'],
          },
        ],
        steps: [
          {
            title: 'Stop',
            actions: [
              { keys: 'Ctrl-C', in: 'web' },
              { keys: ['Up', 'Enter'], in: 'web' },
              { regex: 'listening on \\d+', in: 'web', timeout: '1.5s' },
              { type: 'ls', in: 'web', speed: 'instant', enter: false },
            ],
          },
        ],
      }),
      'ports.json',
    );
    expect(s.containers[0]!.ports).toEqual([
      { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
      { hostIp: '', hostPort: 1234, containerPort: 1234, protocol: 'tcp' },
    ]);
    expect(s.steps[0]!.actions).toEqual([
      { kind: 'keys', pane: 'web', keys: ['Ctrl-C'] },
      { kind: 'keys', pane: 'web', keys: ['Up', 'Enter'] },
      { kind: 'wait', pane: 'web', text: null, regex: 'listening on \\d+', timeoutMs: 1500 },
      { kind: 'type', pane: 'web', text: 'ls', speed: 0, enter: false },
    ]);
  });

  it('names the line and the field of a bad value', () => {
    const line = lineNumber(/speed: 12/);
    const e = failure(withLine(line, '        speed: fast'));
    expect(e.message).toMatch(
      new RegExp(`^demo\\.yaml, line ${line}: steps\\[2\\]\\.actions\\[1\\]\\.speed: `),
    );
    expect(e.hint).toContain(`line ${line}`);
  });

  it('names the line of a YAML syntax error', () => {
    const line = lineNumber(/caption: Typed in the client/);
    const e = failure(withLine(line, '    caption: [unclosed'));
    expect(e.message).toMatch(/^demo\.yaml, line \d+: /);
    const reported = Number(/line (\d+)/.exec(e.message)![1]);
    expect(reported).toBeGreaterThanOrEqual(line);
    expect(reported).toBeLessThanOrEqual(line + 2);
  });

  it('refuses unknown fields, unknown panes, unknown actions and a wrong format', () => {
    const typo = lineNumber(/^ {4}networks: \[example\]/);
    expect(failure(withLine(typo, '    netwerks: [example]')).message).toMatch(
      new RegExp(`line ${typo}: containers\\[0\\]\\.netwerks: Unrecognized key`),
    );
    expect(failure(seed.replace('networks: [example]\n', 'networks: []\n')).message).toMatch(
      /containers\[0\]\.networks\[0\]: "example" is not in the scenario's networks/,
    );
    const pane = lineNumber(/in: client/);
    expect(failure(withLine(pane, '        in: cleint')).message).toMatch(
      new RegExp(`line ${pane}: steps\\[1\\]\\.actions\\[0\\]\\.in: "cleint" is not one of`),
    );
    const act = lineNumber(/- pause: 300ms/);
    expect(failure(withLine(act, '      - sleep: 300ms')).message).toMatch(
      new RegExp(`line ${act}: steps\\[2\\]\\.actions\\[0\\]: An action is one of`),
    );
    expect(failure(seed.replace('crosstalk/scenario@1', 'crosstalk/scenario@9')).message).toMatch(
      new RegExp(`line ${lineNumber(/^format:/)}: format: The first line names the format`),
    );
    const kind = lineNumber(/kind: output/);
    expect(failure(withLine(kind, '      kind: telepathy')).message).toMatch(
      new RegExp(`line ${kind}: steps\\[2\\]\\.check\\.kind: A check has a kind`),
    );
  });

  it('wants link targets listed before the container that links them', () => {
    const text = seed.replace(
      /containers:\n[\s\S]*?\nsteps:/,
      'containers:\n  - name: client\n    links: [server]\n  - name: server\n\nsteps:',
    );
    expect(failure(text).message).toMatch(
      /containers\[0\]\.links\[0\]: "server" must be a container listed before/,
    );
  });
});
