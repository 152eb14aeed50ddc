// Discovery on recorded inputs: environments, ~/.docker files and `docker-machine env`
// output as a person's machine would have them, fed through an in-memory file map.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { discoverEndpoint, parseHost, type DiscoveryInput } from './endpoint';

const HOME = '/home/u';

/** A DiscoveryInput whose files are `files`; a folder lists the files right under it. */
function input(
  env: Record<string, string | undefined> = {},
  files: Record<string, string> = {},
  platform: NodeJS.Platform = 'linux',
): DiscoveryInput {
  return {
    env,
    homeDir: HOME,
    platform,
    readFile: (path) => files[path] ?? null,
    listDir: (path) =>
      Object.keys(files)
        .filter((f) => f.startsWith(`${path}/`) && !f.slice(path.length + 1).includes('/'))
        .map((f) => f.slice(path.length + 1)),
  };
}

const sha = (name: string) => createHash('sha256').update(name).digest('hex');

/** The files `docker context create NAME --docker host=HOST` leaves behind. */
function context(
  name: string,
  host: string,
  opts: { configDir?: string; tls?: string[]; skipTLSVerify?: boolean } = {},
): Record<string, string> {
  const dir = opts.configDir ?? `${HOME}/.docker`;
  const meta = {
    Name: name,
    Metadata: {},
    Endpoints: { docker: { Host: host, SkipTLSVerify: opts.skipTLSVerify ?? false } },
  };
  const files: Record<string, string> = {
    [`${dir}/contexts/meta/${sha(name)}/meta.json`]: JSON.stringify(meta),
  };
  for (const f of opts.tls ?? [])
    files[`${dir}/contexts/tls/${sha(name)}/docker/${f}`] = `-----BEGIN ${f}-----`;
  return files;
}

const defaultLinuxSocket = {
  url: 'unix:///var/run/docker.sock',
  kind: 'unix',
  socketPath: '/var/run/docker.sock',
  tls: null,
};

const base = {
  source: 'DOCKER_HOST' as const,
  sourceDetail: 'x',
  contextName: null,
  machineName: null,
};

describe('DOCKER_HOST', () => {
  it('takes a unix socket as it is', () => {
    expect(discoverEndpoint(input({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }))).toEqual({
      url: 'unix:///run/user/1000/docker.sock',
      kind: 'unix',
      socketPath: '/run/user/1000/docker.sock',
      tls: null,
      source: 'DOCKER_HOST',
      sourceDetail: 'DOCKER_HOST is set to unix:///run/user/1000/docker.sock',
      contextName: null,
      machineName: null,
    });
  });

  it('takes tcp with an explicit port, without TLS', () => {
    expect(discoverEndpoint(input({ DOCKER_HOST: 'tcp://10.0.0.5:2375' }))).toEqual({
      url: 'tcp://10.0.0.5:2375',
      kind: 'tcp',
      host: '10.0.0.5',
      port: 2375,
      tls: null,
      source: 'DOCKER_HOST',
      sourceDetail: 'DOCKER_HOST is set to tcp://10.0.0.5:2375',
      contextName: null,
      machineName: null,
    });
  });

  it('defaults the tcp port to 2375 without TLS', () => {
    const e = discoverEndpoint(input({ DOCKER_HOST: 'tcp://build-box' }));
    expect(e).toMatchObject({ url: 'tcp://build-box:2375', host: 'build-box', port: 2375 });
    expect(e.tls).toBeNull();
  });

  it('defaults the tcp port to 2376 with TLS', () => {
    const e = discoverEndpoint(
      input({ DOCKER_HOST: 'tcp://build-box/', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/c' }),
    );
    expect(e).toMatchObject({ url: 'tcp://build-box:2376', host: 'build-box', port: 2376 });
  });

  it('reads TLS from DOCKER_TLS_VERIFY and DOCKER_CERT_PATH', () => {
    const e = discoverEndpoint(
      input({
        DOCKER_HOST: 'tcp://10.0.0.5:2376',
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: '/home/u/certs',
      }),
    );
    expect(e).toEqual({
      url: 'tcp://10.0.0.5:2376',
      kind: 'tcp',
      host: '10.0.0.5',
      port: 2376,
      tls: {
        verify: true,
        caPath: '/home/u/certs/ca.pem',
        certPath: '/home/u/certs/cert.pem',
        keyPath: '/home/u/certs/key.pem',
      },
      source: 'DOCKER_HOST',
      sourceDetail: 'DOCKER_HOST is set to tcp://10.0.0.5:2376',
      contextName: null,
      machineName: null,
    });
  });

  it('looks for certificates in ~/.docker, or DOCKER_CONFIG, without DOCKER_CERT_PATH', () => {
    const home = discoverEndpoint(input({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' }));
    expect(home.tls).toEqual({
      verify: true,
      caPath: '/home/u/.docker/ca.pem',
      certPath: '/home/u/.docker/cert.pem',
      keyPath: '/home/u/.docker/key.pem',
    });
    const config = discoverEndpoint(
      input({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CONFIG: '/etc/dk' }),
    );
    expect(config.tls).toEqual({
      verify: true,
      caPath: '/etc/dk/ca.pem',
      certPath: '/etc/dk/cert.pem',
      keyPath: '/etc/dk/key.pem',
    });
  });

  it('uses TLS without verification when only DOCKER_CERT_PATH is set', () => {
    const e = discoverEndpoint(input({ DOCKER_HOST: 'tcp://h', DOCKER_CERT_PATH: '/c' }));
    expect(e).toMatchObject({ port: 2376, tls: { verify: false, caPath: '/c/ca.pem' } });
  });

  it('brackets an IPv6 host in the URL', () => {
    const e = discoverEndpoint(input({ DOCKER_HOST: 'tcp://[::1]:2375' }));
    expect(e).toMatchObject({ url: 'tcp://[::1]:2375', host: '::1', port: 2375 });
  });

  it('takes ssh with a user and an optional port', () => {
    expect(discoverEndpoint(input({ DOCKER_HOST: 'ssh://me@build-box' }))).toEqual({
      url: 'ssh://me@build-box',
      kind: 'ssh',
      host: 'build-box',
      port: 22,
      tls: null,
      source: 'DOCKER_HOST',
      sourceDetail: 'DOCKER_HOST is set to ssh://me@build-box',
      contextName: null,
      machineName: null,
    });
    expect(discoverEndpoint(input({ DOCKER_HOST: 'ssh://me@10.0.0.5:2222' }))).toMatchObject({
      kind: 'ssh',
      host: '10.0.0.5',
      port: 2222,
    });
  });

  it('ignores DOCKER_CONTEXT and the config when DOCKER_HOST is set, as the CLI does', () => {
    const files = {
      ...context('remote', 'tcp://10.0.0.5:2376'),
      [`${HOME}/.docker/config.json`]: JSON.stringify({ currentContext: 'remote' }),
    };
    const e = discoverEndpoint(
      input({ DOCKER_HOST: 'unix:///var/run/docker.sock', DOCKER_CONTEXT: 'remote' }, files),
    );
    expect(e).toMatchObject({ ...defaultLinuxSocket, source: 'DOCKER_HOST', contextName: null });
  });

  it('refuses a scheme Docker does not know, naming it', () => {
    expect(() => discoverEndpoint(input({ DOCKER_HOST: 'ftp://10.0.0.5' }))).toThrow(
      '"ftp://10.0.0.5" uses the scheme ftp://, which Docker does not know. Use unix://, tcp:// or ssh://.',
    );
  });

  it('refuses something that is no URL at all', () => {
    expect(() => discoverEndpoint(input({ DOCKER_HOST: 'not a host' }))).toThrow(
      '"not a host" is not a Docker host URL. Use unix:///path, tcp://host:port or ssh://user@host.',
    );
    expect(() => discoverEndpoint(input({ DOCKER_HOST: '10.0.0.5:2376' }))).toThrow(
      /is not a Docker host URL/,
    );
  });

  it.each(['tcp://', 'tcp://:2375', 'tcp://10.0.0.5:port', 'tcp://a:1:2', 'tcp://h:2375/x'])(
    'refuses %s, which names no usable host and port',
    (url) => {
      expect(() => discoverEndpoint(input({ DOCKER_HOST: url }))).toThrow(
        `"${url}" names no host and port. Write tcp://host:port, e.g. tcp://192.168.99.100:2376.`,
      );
    },
  );

  it('refuses ssh without a host', () => {
    expect(() => parseHost('ssh://', null, base)).toThrow('"ssh://" names no host.');
  });
});

describe('docker-machine env', () => {
  // `eval $(docker-machine env default)` on a Linux or macOS machine.
  const machineEnv = {
    DOCKER_TLS_VERIFY: '1',
    DOCKER_HOST: 'tcp://192.168.99.100:2376',
    DOCKER_CERT_PATH: '/home/u/.docker/machine/machines/default',
    DOCKER_MACHINE_NAME: 'default',
  };

  it('is the VM’s TLS endpoint, found through docker-machine', () => {
    expect(discoverEndpoint(input(machineEnv))).toEqual({
      url: 'tcp://192.168.99.100:2376',
      kind: 'tcp',
      host: '192.168.99.100',
      port: 2376,
      tls: {
        verify: true,
        caPath: '/home/u/.docker/machine/machines/default/ca.pem',
        certPath: '/home/u/.docker/machine/machines/default/cert.pem',
        keyPath: '/home/u/.docker/machine/machines/default/key.pem',
      },
      source: 'docker-machine',
      sourceDetail: 'DOCKER_HOST from `docker-machine env default` is tcp://192.168.99.100:2376',
      contextName: null,
      machineName: 'default',
    });
  });

  it('means nothing without DOCKER_HOST', () => {
    const e = discoverEndpoint(input({ DOCKER_MACHINE_NAME: 'default' }));
    expect(e).toMatchObject({ ...defaultLinuxSocket, source: 'default socket', machineName: null });
  });
});

describe('docker contexts', () => {
  it('follows DOCKER_CONTEXT to the context’s meta.json', () => {
    const e = discoverEndpoint(
      input({ DOCKER_CONTEXT: 'remote' }, context('remote', 'tcp://10.0.0.5:2375')),
    );
    expect(e).toEqual({
      url: 'tcp://10.0.0.5:2375',
      kind: 'tcp',
      host: '10.0.0.5',
      port: 2375,
      tls: null,
      source: 'DOCKER_CONTEXT',
      sourceDetail: 'DOCKER_CONTEXT is set: "remote" → tcp://10.0.0.5:2375',
      contextName: 'remote',
      machineName: null,
    });
  });

  it('takes the context’s TLS files from contexts/tls/<sha256>/docker', () => {
    const files = context('secure', 'tcp://10.0.0.5', { tls: ['ca.pem', 'cert.pem', 'key.pem'] });
    const tlsDir = `${HOME}/.docker/contexts/tls/${sha('secure')}/docker`;
    const e = discoverEndpoint(input({ DOCKER_CONTEXT: 'secure' }, files));
    expect(e).toMatchObject({ url: 'tcp://10.0.0.5:2376', port: 2376, contextName: 'secure' });
    expect(e.tls).toEqual({
      verify: true,
      caPath: `${tlsDir}/ca.pem`,
      certPath: `${tlsDir}/cert.pem`,
      keyPath: `${tlsDir}/key.pem`,
    });
  });

  it('names only the TLS files the context has, and honours SkipTLSVerify', () => {
    const files = context('ca-only', 'tcp://10.0.0.5:2376', {
      tls: ['ca.pem'],
      skipTLSVerify: true,
    });
    const tlsDir = `${HOME}/.docker/contexts/tls/${sha('ca-only')}/docker`;
    const e = discoverEndpoint(input({ DOCKER_CONTEXT: 'ca-only' }, files));
    expect(e.tls).toEqual({ verify: false, caPath: `${tlsDir}/ca.pem` });
  });

  it('follows currentContext in ~/.docker/config.json', () => {
    const files = {
      ...context('desktop-linux', 'unix:///home/u/.docker/desktop/docker.sock'),
      [`${HOME}/.docker/config.json`]: JSON.stringify({
        auths: {},
        currentContext: 'desktop-linux',
      }),
    };
    expect(discoverEndpoint(input({}, files))).toEqual({
      url: 'unix:///home/u/.docker/desktop/docker.sock',
      kind: 'unix',
      socketPath: '/home/u/.docker/desktop/docker.sock',
      tls: null,
      source: 'docker context',
      sourceDetail:
        'the current context in /home/u/.docker/config.json: "desktop-linux" → unix:///home/u/.docker/desktop/docker.sock',
      contextName: 'desktop-linux',
      machineName: null,
    });
  });

  it('prefers DOCKER_CONTEXT to the current context', () => {
    const files = {
      ...context('a', 'tcp://10.0.0.1:2375'),
      ...context('b', 'tcp://10.0.0.2:2375'),
      [`${HOME}/.docker/config.json`]: JSON.stringify({ currentContext: 'a' }),
    };
    expect(discoverEndpoint(input({ DOCKER_CONTEXT: 'b' }, files))).toMatchObject({
      host: '10.0.0.2',
      source: 'DOCKER_CONTEXT',
      contextName: 'b',
    });
  });

  it('reads config and contexts from DOCKER_CONFIG instead of ~/.docker', () => {
    const files = {
      ...context('remote', 'ssh://me@10.0.0.5', { configDir: '/etc/dk' }),
      '/etc/dk/config.json': JSON.stringify({ currentContext: 'remote' }),
      // What ~/.docker says must not count.
      [`${HOME}/.docker/config.json`]: JSON.stringify({ currentContext: 'elsewhere' }),
    };
    expect(discoverEndpoint(input({ DOCKER_CONFIG: '/etc/dk' }, files))).toEqual({
      url: 'ssh://me@10.0.0.5',
      kind: 'ssh',
      host: '10.0.0.5',
      port: 22,
      tls: null,
      source: 'docker context',
      sourceDetail: 'the current context in /etc/dk/config.json: "remote" → ssh://me@10.0.0.5',
      contextName: 'remote',
      machineName: null,
    });
  });

  it('takes the context "default" to mean the default socket', () => {
    expect(discoverEndpoint(input({ DOCKER_CONTEXT: 'default' }))).toEqual({
      ...defaultLinuxSocket,
      source: 'DOCKER_CONTEXT',
      sourceDetail: 'DOCKER_CONTEXT is set: "default", the default socket',
      contextName: 'default',
      machineName: null,
    });
    const files = { [`${HOME}/.docker/config.json`]: '{"currentContext":"default"}' };
    expect(discoverEndpoint(input({}, files))).toMatchObject({
      ...defaultLinuxSocket,
      source: 'docker context',
      contextName: 'default',
    });
  });

  it('fails clearly, naming the context, when it does not exist', () => {
    expect(() => discoverEndpoint(input({ DOCKER_CONTEXT: 'gone' }))).toThrow(
      'The docker context "gone" (DOCKER_CONTEXT is set) does not exist. List contexts with `docker context ls`, or unset it.',
    );
    const files = { [`${HOME}/.docker/config.json`]: '{"currentContext":"gone"}' };
    expect(() => discoverEndpoint(input({}, files))).toThrow(
      'The docker context "gone" (the current context in /home/u/.docker/config.json) does not exist.',
    );
  });

  it('fails clearly on a broken meta.json or one without a docker endpoint', () => {
    const broken = { [`${HOME}/.docker/contexts/meta/${sha('x')}/meta.json`]: '{not json' };
    expect(() => discoverEndpoint(input({ DOCKER_CONTEXT: 'x' }, broken))).toThrow(
      'The docker context "x" has an unreadable meta.json.',
    );
    const empty = { [`${HOME}/.docker/contexts/meta/${sha('x')}/meta.json`]: '{"Endpoints":{}}' };
    expect(() => discoverEndpoint(input({ DOCKER_CONTEXT: 'x' }, empty))).toThrow(
      'The docker context "x" names no Docker endpoint.',
    );
  });

  it('falls back to the default socket when config.json has no current context or is broken', () => {
    for (const config of ['{"auths":{}}', '{broken']) {
      const files = { [`${HOME}/.docker/config.json`]: config };
      expect(discoverEndpoint(input({}, files))).toMatchObject({
        ...defaultLinuxSocket,
        source: 'default socket',
      });
    }
  });
});

describe('the default socket', () => {
  it('is /var/run/docker.sock on Linux', () => {
    expect(discoverEndpoint(input())).toEqual({
      ...defaultLinuxSocket,
      source: 'default socket',
      sourceDetail: 'the default socket on Linux',
      contextName: null,
      machineName: null,
    });
  });

  it('is the docker_engine named pipe on Windows', () => {
    expect(discoverEndpoint(input({}, {}, 'win32'))).toEqual({
      url: 'npipe:////./pipe/docker_engine',
      kind: 'npipe',
      socketPath: '\\\\.\\pipe\\docker_engine',
      tls: null,
      source: 'default socket',
      sourceDetail: 'the default named pipe on Windows',
      contextName: null,
      machineName: null,
    });
  });

  it('parses an npipe DOCKER_HOST into a Windows pipe path', () => {
    expect(
      discoverEndpoint(input({ DOCKER_HOST: 'npipe:////./pipe/docker_engine' }, {}, 'win32')),
    ).toMatchObject({ kind: 'npipe', socketPath: '\\\\.\\pipe\\docker_engine' });
  });

  it('is Docker Desktop’s ~/.docker/run/docker.sock on macOS when it exists', () => {
    const files = { [`${HOME}/.docker/run/docker.sock`]: '' };
    expect(discoverEndpoint(input({}, files, 'darwin'))).toEqual({
      url: 'unix:///home/u/.docker/run/docker.sock',
      kind: 'unix',
      socketPath: '/home/u/.docker/run/docker.sock',
      tls: null,
      source: 'default socket',
      sourceDetail: 'Docker Desktop’s socket in ~/.docker/run',
      contextName: null,
      machineName: null,
    });
  });

  it('is /var/run/docker.sock on macOS without Docker Desktop’s socket', () => {
    expect(discoverEndpoint(input({}, {}, 'darwin'))).toMatchObject({
      ...defaultLinuxSocket,
      sourceDetail: 'the default socket on macOS',
    });
  });

  it('looks for Docker Desktop’s socket only on macOS', () => {
    const files = { [`${HOME}/.docker/run/docker.sock`]: '' };
    expect(discoverEndpoint(input({}, files, 'linux'))).toMatchObject(defaultLinuxSocket);
  });
});
