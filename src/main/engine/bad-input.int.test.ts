// Bad input through the contract, table-driven, against the real engine: each case is
// refused with the right code and a message that names the offending field, and the
// engine holds exactly what it held before (a refused create leaves nothing half made).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors';
import {
  TEST_IMAGE,
  TestClient,
  docker,
  startConnectedApp,
  stopConnectedApp,
  uniqueName,
} from '../../../test/support';

const LAB = uniqueName('bad-input');
let client: TestClient;
/** A running container and a network of this lab, for references and destructive calls. */
const target = { name: uniqueName('target'), id: '' };
const net = { name: uniqueName('net'), id: '' };

beforeAll(async () => {
  ({ client } = await startConnectedApp());
  net.id = (await client.call('createNetwork', { name: net.name, labId: LAB })).id;
  target.id = (
    await client.call('createContainer', { image: TEST_IMAGE, name: target.name, labId: LAB })
  ).id;
});

afterAll(() => stopConnectedApp(client, LAB));

interface Case {
  call: string;
  /** The arguments, or a function of the fixtures made in beforeAll. */
  args: unknown;
  code: ErrorCode;
  /** The message must name the field (or say what is wrong with the call itself). */
  says: RegExp;
}

const create = (more: Record<string, unknown>) => ({
  image: TEST_IMAGE,
  name: uniqueName('bad'),
  labId: LAB,
  ...more,
});
const port = (more: Record<string, unknown>) =>
  create({ ports: [{ hostPort: 18_999, containerPort: 80, ...more }] });
/** A short title: long strings abbreviated, fixture-dependent arguments shown as code. */
function title(call: string, args: unknown): string {
  if (typeof args === 'function') return `${call} ${String(args).replace(/\s+/g, ' ')}`;
  const short = (_k: string, v: unknown) =>
    typeof v === 'string' && v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v;
  return `${call} ${JSON.stringify(args, short)}`;
}
const bad = (call: string, args: unknown, code: ErrorCode, says: RegExp): [string, Case] => [
  title(call, args),
  { call, args, code, says },
];
const invalid = (call: string, args: unknown, says: RegExp) =>
  bad(call, args, 'invalid-input', says);

const cases: [string, Case][] = [
  // names
  invalid('createContainer', create({ name: 'bad name!' }), /^name: Container names/),
  invalid('createContainer', create({ name: 'x' }), /^name: /),
  invalid('createContainer', create({ name: '-leading' }), /^name: /),
  invalid('createContainer', create({ name: 'n'.repeat(129) }), /^name: /),
  invalid('createContainer', create({ name: 42 }), /^name: /),
  // images
  invalid('createContainer', create({ image: '' }), /^image: Name an image/),
  invalid('createContainer', create({ image: 'has space' }), /^image: .*no spaces/),
  invalid(
    'createContainer',
    create({ image: 'Crosstalk-Test:latest' }),
    /^image: Image names are lowercase/,
  ),
  invalid('createContainer', create({ image: 'UPPER' }), /^image: Image names are lowercase/),
  invalid('createContainer', create({ image: 'a::b' }), /^image: .*not a valid image reference/),
  invalid('createContainer', create({ image: 'trailing-' }), /^image: /),
  invalid('createContainer', create({ image: 42 }), /^image: /),
  invalid('createContainer', { name: uniqueName('noimg'), labId: LAB }, /^image: /),
  bad(
    'createContainer',
    create({ image: 'crosstalk-no-such-image:never' }),
    'image-missing',
    /image "crosstalk-no-such-image:never"/,
  ),
  // ports
  invalid('createContainer', port({ hostPort: 0 }), /^ports\.0\.hostPort: Ports are/),
  invalid('createContainer', port({ hostPort: 70_000 }), /^ports\.0\.hostPort: /),
  invalid('createContainer', port({ containerPort: -1 }), /^ports\.0\.containerPort: /),
  invalid('createContainer', port({ hostPort: 1.5 }), /^ports\.0\.hostPort: /),
  invalid('createContainer', port({ hostPort: '80' }), /^ports\.0\.hostPort: /),
  invalid('createContainer', port({ containerPort: null }), /^ports\.0\.containerPort: /),
  invalid('createContainer', create({ ports: 'abc' }), /^ports: /),
  invalid('createContainer', create({ ports: [{}] }), /^ports\.0\.hostPort: /),
  invalid(
    'createContainer',
    create({
      ports: Array.from({ length: 101 }, (_, i) => ({ hostPort: 20_000 + i, containerPort: 80 })),
    }),
    /^ports: /,
  ),
  // host addresses
  invalid(
    'createContainer',
    port({ hostIp: 'dead' }),
    /^ports\.0\.hostIp: The host address is an IP/,
  ),
  invalid('createContainer', port({ hostIp: '::::' }), /^ports\.0\.hostIp: /),
  invalid('createContainer', port({ hostIp: '300.1.1.1' }), /^ports\.0\.hostIp: /),
  invalid('createContainer', port({ hostIp: 'localhost' }), /^ports\.0\.hostIp: /),
  invalid('createContainer', port({ hostIp: '[::1]' }), /^ports\.0\.hostIp: /),
  invalid('createContainer', port({ hostIp: '1.2.3' }), /^ports\.0\.hostIp: /),
  invalid('createContainer', port({ hostIp: 127 }), /^ports\.0\.hostIp: /),
  // protocols
  invalid('createContainer', port({ protocol: 'icmp' }), /^ports\.0\.protocol: /),
  invalid('createContainer', port({ protocol: 'TCP' }), /^ports\.0\.protocol: /),
  invalid('createContainer', port({ protocol: '' }), /^ports\.0\.protocol: /),
  // networks and their contradictions
  invalid(
    'createContainer',
    create({ network: 'host', ports: [{ hostPort: 18_999, containerPort: 80 }] }),
    /^ports: .*network "host"/,
  ),
  invalid(
    'createContainer',
    create({ network: 'none', ports: [{ hostPort: 18_999, containerPort: 80 }] }),
    /^ports: .*network "none"/,
  ),
  invalid(
    'createContainer',
    create({ network: 'none', links: [{ target: target.name }] }),
    /^links: .*network "none"/,
  ),
  invalid(
    'createContainer',
    create({ network: 'host', links: [{ target: target.name }] }),
    /^links: .*network "host"/,
  ),
  invalid('createContainer', create({ network: 'no such net' }), /^network: Network names/),
  invalid('createContainer', create({ network: 7 }), /^network: /),
  bad(
    'createContainer',
    create({ network: uniqueName('missing-net') }),
    'not-found',
    /network "it-missing-net-/,
  ),
  // links
  invalid('createContainer', create({ links: [{ target: 'bad name!' }] }), /^links\.0\.target: /),
  invalid(
    'createContainer',
    create({ links: [{ target: target.name, alias: 'a b' }] }),
    /^links\.0\.alias: /,
  ),
  invalid('createContainer', create({ links: [{}] }), /^links\.0\.target: /),
  invalid('createContainer', create({ links: 'server' }), /^links: /),
  bad(
    'createContainer',
    create({ links: [{ target: uniqueName('nobody') }] }),
    'not-found',
    /Cannot link to "it-nobody-/,
  ),
  // expose
  invalid('createContainer', create({ expose: ['0'] }), /^expose\.0: Exposed ports are 1 to 65535/),
  invalid('createContainer', create({ expose: ['99999'] }), /^expose\.0: /),
  invalid('createContainer', create({ expose: ['80/icmp'] }), /^expose\.0: /),
  invalid('createContainer', create({ expose: ['http'] }), /^expose\.0: /),
  invalid('createContainer', create({ expose: [80] }), /^expose\.0: /),
  // env
  invalid(
    'createContainer',
    create({ env: ['NOEQUALS'] }),
    /^env\.0: Environment entries are NAME=value/,
  ),
  invalid('createContainer', create({ env: ['1X=2'] }), /^env\.0: /),
  invalid('createContainer', create({ env: ['A B=1'] }), /^env\.0: /),
  invalid('createContainer', create({ env: 'A=1' }), /^env: /),
  invalid(
    'createContainer',
    create({ env: Array.from({ length: 201 }, (_, i) => `V${i}=1`) }),
    /^env: /,
  ),
  // commands
  invalid('createContainer', create({ command: 'x'.repeat(4097) }), /^command: /),
  invalid('createContainer', create({ command: `echo 'oops` }), /command has an unclosed ' quote/),
  invalid('createContainer', create({ command: ['ls'] }), /^command: /),
  // sizes and wrong types
  invalid('createContainer', create({ tty: 'yes' }), /^tty: /),
  invalid('createContainer', create({ start: 'no' }), /^start: /),
  invalid('createContainer', create({ labId: 'Bad Lab' }), /^labId: Lab ids/),
  invalid('createContainer', null, /expected object/),
  invalid('createContainer', [TEST_IMAGE], /expected object/),
  invalid('createContainer', 'crosstalk-test', /expected object/),
  // networks
  invalid('createNetwork', { name: 'no spaces', labId: LAB }, /^name: Network names/),
  invalid('createNetwork', { name: 'x', labId: LAB }, /^name: /),
  invalid('createNetwork', { labId: LAB }, /^name: /),
  invalid('createNetwork', { name: uniqueName('net'), labId: 'UPPER' }, /^labId: /),
  bad('createNetwork', { name: 'bridge', labId: LAB }, 'name-in-use', /network named "bridge"/),
  // references and destructive calls
  invalid('removeContainer', { id: '' }, /^id: Pick a container/),
  invalid('removeContainer', { id: 'bad id!' }, /^id: Not a valid id/),
  invalid('removeContainer', {}, /^id: /),
  invalid('removeContainer', { id: 42 }, /^id: /),
  invalid('removeContainer', { id: 'x'.repeat(129) }, /^id: /),
  invalid('removeContainer', () => ({ id: target.id.slice(0, 1) }), /^id: .*too short/),
  invalid('stopContainer', () => ({ id: target.id.slice(0, 11) }), /^id: .*too short/),
  invalid('restartContainer', () => ({ id: target.id.slice(0, 4) }), /^id: .*too short/),
  bad(
    'removeContainer',
    { id: uniqueName('ghost') },
    'not-found',
    /^id: there is no container named "it-ghost-/,
  ),
  bad(
    'removeContainer',
    { id: '000000000000ffff' },
    'not-found',
    /^id: there is no container with id/,
  ),
  bad('startContainer', { id: uniqueName('ghost') }, 'not-found', /it-ghost-/),
  invalid('removeNetwork', () => ({ id: net.id.slice(0, 3) }), /^id: .*too short/),
  invalid('removeNetwork', { id: 'bridge' }, /"bridge" is one of the engine's own networks/),
  bad(
    'removeNetwork',
    { id: uniqueName('gone-net') },
    'not-found',
    /^id: there is no network named/,
  ),
  invalid('cleanup', { labId: 'BAD LAB' }, /^labId: /),
  // consoles
  invalid(
    'openConsole',
    () => ({ consoleId: 'x', container: target.name, mode: 'exec' }),
    /^consoleId: Console ids/,
  ),
  invalid(
    'openConsole',
    () => ({ consoleId: TestClient.consoleId(), container: target.name, mode: 'ssh' }),
    /^mode: /,
  ),
  invalid(
    'openConsole',
    () => ({ consoleId: TestClient.consoleId(), container: target.name, mode: 'exec', cols: 1 }),
    /^cols: /,
  ),
  invalid(
    'openConsole',
    () => ({ consoleId: TestClient.consoleId(), container: target.name, mode: 'exec', rows: 9999 }),
    /^rows: /,
  ),
  invalid(
    'openConsole',
    { consoleId: TestClient.consoleId(), container: 'bad id!', mode: 'exec' },
    /^container: /,
  ),
  bad(
    'openConsole',
    { consoleId: TestClient.consoleId(), container: uniqueName('ghost'), mode: 'exec' },
    'not-found',
    /console on it-ghost-/,
  ),
  invalid('closeConsole', { consoleId: 5 }, /^consoleId: /),
  invalid('watchSockets', { ids: 'all' }, /^ids: /),
  invalid('watchSockets', { ids: Array.from({ length: 201 }, (_, i) => `c${i}x`) }, /^ids: /),
  invalid('probeReachability', { ids: ['only-one'] }, /^ids: /),
  // lessons
  invalid('startLesson', { lessonId: 'nope', image: TEST_IMAGE }, /^lessonId: /),
  invalid(
    'startLesson',
    { lessonId: 'through-host', image: 'BAD' },
    /^image: Image names are lowercase/,
  ),
  invalid('checkLessonStep', { lessonId: 'through-host', stepId: 's'.repeat(65) }, /^stepId: /),
  // unknown calls
  invalid('dropDatabase', {}, /^Unknown call "dropDatabase"/),
  invalid('__proto__', {}, /^Unknown call "__proto__"/),
  invalid('constructor', {}, /^Unknown call "constructor"/),
  invalid('hasOwnProperty', {}, /^Unknown call/),
  invalid(42 as unknown as string, {}, /^Unknown call 42/),
];

/** Everything on the engine that a refused call could have left behind. */
async function engineContents(): Promise<string[]> {
  const [containers, networks] = await Promise.all([
    docker.listContainers({ all: true }),
    docker.listNetworks(),
  ]);
  return [
    ...containers.map((c) => `container ${c.Names[0]} ${c.State}`),
    ...networks.map((n) => `network ${n.Name}`),
  ].sort();
}

describe('bad input through the contract', () => {
  it('has at least 60 cases', () => expect(cases.length).toBeGreaterThanOrEqual(60));

  it.each(cases)('%s', async (_title, c) => {
    const before = await engineContents();
    const args = typeof c.args === 'function' ? (c.args as () => unknown)() : c.args;
    const error = await client.fail(c.call, args);
    expect(error.code, error.message).toBe(c.code);
    expect(error.message).toMatch(c.says);
    expect(error.hint, 'every refusal says what to do').not.toBe('');
    expect(await engineContents()).toEqual(before);
  });

  it('left the fixtures untouched', async () => {
    expect((await docker.getContainer(target.id).inspect()).State.Running).toBe(true);
    expect((await docker.getNetwork(net.id).inspect()).Name).toBe(net.name);
  });
});
