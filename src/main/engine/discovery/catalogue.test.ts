// The engine switcher's catalogue on recorded ~/.docker trees: every context, DOCKER_HOST,
// docker-machine machines, the well-known sockets that exist, the default socket.
import { describe, expect, it } from 'vitest';
import { environmentChoice, knownEngines } from './catalogue';
import { HOME, contextFiles, fakeInput } from './fixtures/inputs';

const machineConfig = (name: string, ip: string) => ({
  [`${HOME}/.docker/machine/machines/${name}/config.json`]: JSON.stringify({
    Name: name,
    DriverName: 'virtualbox',
    Driver: { IPAddress: ip, MachineName: name },
  }),
  [`${HOME}/.docker/machine/machines/${name}/ca.pem`]: '',
  [`${HOME}/.docker/machine/machines/${name}/cert.pem`]: '',
  [`${HOME}/.docker/machine/machines/${name}/key.pem`]: '',
});

const ids = (input: Parameters<typeof fakeInput>[0]) =>
  knownEngines(fakeInput(input)).map((e) => e.id);

describe('knownEngines', () => {
  it('always has the default socket', () => {
    const [only] = knownEngines(fakeInput());
    expect(only).toMatchObject({ id: 'default', name: 'default', problem: null });
    expect(only!.endpoint!.url).toBe('unix:///var/run/docker.sock');
  });

  it('lists DOCKER_HOST first, then default, contexts by name, machines, known sockets', () => {
    const files = {
      ...contextFiles('remote', 'tcp://10.0.0.5:2376', { tls: ['ca.pem', 'cert.pem', 'key.pem'] }),
      ...contextFiles('colima', 'unix:///home/u/.colima/default/docker.sock'),
      ...machineConfig('dev', '192.168.99.101'),
      '/run/podman/podman.sock': '',
      '/run/user/1000/podman/podman.sock': '',
      [`${HOME}/.docker/desktop/docker.sock`]: '',
    };
    const env = { DOCKER_HOST: 'tcp://10.0.0.9:2375', XDG_RUNTIME_DIR: '/run/user/1000' };
    const engines = knownEngines(fakeInput({ env, files }));
    expect(engines.map((e) => [e.id, e.name, e.endpoint?.url])).toEqual([
      ['env', 'DOCKER_HOST', 'tcp://10.0.0.9:2375'],
      ['default', 'default', 'unix:///var/run/docker.sock'],
      ['context:colima', 'colima', 'unix:///home/u/.colima/default/docker.sock'],
      ['context:remote', 'remote', 'tcp://10.0.0.5:2376'],
      ['machine:dev', 'dev', 'tcp://192.168.99.101:2376'],
      ['socket:/run/podman/podman.sock', 'Podman (rootful)', 'unix:///run/podman/podman.sock'],
      [
        'socket:/run/user/1000/podman/podman.sock',
        'Podman (rootless)',
        'unix:///run/user/1000/podman/podman.sock',
      ],
      [
        `socket:${HOME}/.docker/desktop/docker.sock`,
        'Docker Desktop',
        `unix://${HOME}/.docker/desktop/docker.sock`,
      ],
    ]);
    expect(engines.find((e) => e.id === 'context:remote')!.endpoint!.tls).toMatchObject({
      verify: true,
      certPath: expect.stringMatching(/cert\.pem$/),
    });
  });

  it('takes a machine’s TLS files from its folder, as `docker-machine env` does', () => {
    const [, machine] = knownEngines(
      fakeInput({ files: machineConfig('default', '192.168.99.100') }),
    );
    expect(machine!.endpoint).toMatchObject({
      url: 'tcp://192.168.99.100:2376',
      source: 'docker-machine',
      machineName: 'default',
      tls: {
        verify: true,
        caPath: `${HOME}/.docker/machine/machines/default/ca.pem`,
        certPath: `${HOME}/.docker/machine/machines/default/cert.pem`,
        keyPath: `${HOME}/.docker/machine/machines/default/key.pem`,
      },
    });
  });

  it('lists a machine with no address and a broken context, each saying why', () => {
    const files = {
      [`${HOME}/.docker/machine/machines/off/config.json`]: JSON.stringify({ Driver: {} }),
      ...contextFiles('bad', 'ftp://nowhere'),
    };
    const engines = knownEngines(fakeInput({ files }));
    expect(engines.find((e) => e.id === 'machine:off')).toMatchObject({
      endpoint: null,
      problem: expect.stringContaining('docker-machine start off'),
    });
    expect(engines.find((e) => e.id === 'context:bad')).toMatchObject({
      endpoint: null,
      problem: expect.stringContaining('ftp://'),
    });
  });

  it('reads contexts from DOCKER_CONFIG', () => {
    const files = contextFiles('elsewhere', 'unix:///tmp/e.sock', { configDir: '/cfg' });
    expect(ids({ files })).toEqual(['default']);
    expect(ids({ files, env: { DOCKER_CONFIG: '/cfg' } })).toEqual([
      'default',
      'context:elsewhere',
    ]);
  });

  it('does not list a well-known socket twice, nor one whose file is missing', () => {
    const files = {
      ...contextFiles('desktop-linux', `unix://${HOME}/.docker/run/docker.sock`),
      [`${HOME}/.docker/run/docker.sock`]: '',
    };
    expect(ids({ files, env: { XDG_RUNTIME_DIR: '/run/user/1000' } })).toEqual([
      'default',
      'context:desktop-linux',
    ]);
  });
});

describe('environmentChoice', () => {
  it('names the catalogue entry the docker CLI would use', () => {
    const files = {
      ...contextFiles('remote', 'tcp://10.0.0.5:2376'),
      [`${HOME}/.docker/config.json`]: JSON.stringify({ currentContext: 'remote' }),
    };
    expect(environmentChoice(fakeInput({ files }))).toMatchObject({
      id: 'context:remote',
      explicit: false,
    });
    expect(
      environmentChoice(fakeInput({ files, env: { DOCKER_CONTEXT: 'default' } })),
    ).toMatchObject({
      id: 'default',
      explicit: true,
    });
    expect(environmentChoice(fakeInput({ env: { DOCKER_HOST: 'tcp://h:2375' } }))).toMatchObject({
      id: 'env',
      explicit: true,
    });
    expect(environmentChoice(fakeInput())).toMatchObject({ id: 'default', explicit: false });
  });
});
