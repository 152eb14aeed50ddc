// Discovery on recorded inputs: environments, ~/.docker trees and `docker-machine env`
// output as people's machines have them (see fixtures/).
import { describe, expect, it } from 'vitest';
import { discoverEndpoint } from './endpoint';
import {
  HOME,
  contextFiles,
  fakeInput,
  machineDirFiles,
  machineEnv,
  sha256,
} from './fixtures/inputs';

const discover = (...args: Parameters<typeof fakeInput>) => discoverEndpoint(fakeInput(...args));

const defaultLinuxSocket = {
  url: 'unix:///var/run/docker.sock',
  kind: 'unix',
  socketPath: '/var/run/docker.sock',
  tls: null,
};
const config = (json: object) => ({ [`${HOME}/.docker/config.json`]: JSON.stringify(json) });

describe('DOCKER_HOST', () => {
  it('takes a unix socket', () => {
    expect(discover({ env: { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' } })).toEqual({
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

  it('takes tcp without TLS', () => {
    expect(discover({ env: { DOCKER_HOST: 'tcp://10.0.0.5:2375' } })).toEqual({
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

  it('takes tcp with TLS from DOCKER_TLS_VERIFY and DOCKER_CERT_PATH', () => {
    const files = { '/certs/ca.pem': '', '/certs/cert.pem': '', '/certs/key.pem': '' };
    const env = {
      DOCKER_HOST: 'tcp://10.0.0.5',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: '/certs',
    };
    expect(discover({ env, files })).toEqual({
      url: 'tcp://10.0.0.5:2376',
      kind: 'tcp',
      host: '10.0.0.5',
      port: 2376,
      tls: {
        verify: true,
        caPath: '/certs/ca.pem',
        certPath: '/certs/cert.pem',
        keyPath: '/certs/key.pem',
      },
      source: 'DOCKER_HOST',
      sourceDetail: 'DOCKER_HOST is set to tcp://10.0.0.5',
      contextName: null,
      machineName: null,
    });
  });

  it('counts any non-empty DOCKER_TLS_VERIFY as on, even "0", as the CLI does', () => {
    const tls = discover({ env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '0' } }).tls;
    expect(tls?.verify).toBe(true);
    expect(discover({ env: { DOCKER_HOST: 'tcp://h', DOCKER_TLS_VERIFY: '' } }).tls).toBeNull();
  });

  it('uses TLS without verification for DOCKER_TLS, and none for DOCKER_CERT_PATH alone', () => {
    const files = { '/c/ca.pem': '' };
    expect(discover({ env: { DOCKER_HOST: 'tcp://h', DOCKER_TLS: '1' }, files })).toMatchObject({
      port: 2376,
      tls: { verify: false, caPath: `${HOME}/.docker/ca.pem` },
    });
    expect(
      discover({ env: { DOCKER_HOST: 'tcp://h', DOCKER_CERT_PATH: '/c' }, files }),
    ).toMatchObject({ port: 2375, tls: null });
  });

  it('looks for certificates in DOCKER_CONFIG without DOCKER_CERT_PATH, naming the CA even when missing', () => {
    const env = { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CONFIG: '/etc/dk' };
    expect(discover({ env, files: { '/etc/dk/cert.pem': '' } }).tls).toEqual({
      verify: true,
      caPath: '/etc/dk/ca.pem',
      certPath: '/etc/dk/cert.pem',
    });
  });

  it('takes ssh', () => {
    expect(discover({ env: { DOCKER_HOST: 'ssh://me@build-box:2222' } })).toEqual({
      url: 'ssh://me@build-box:2222',
      kind: 'ssh',
      host: 'build-box',
      port: 2222,
      tls: null,
      source: 'DOCKER_HOST',
      sourceDetail: 'DOCKER_HOST is set to ssh://me@build-box:2222',
      contextName: null,
      machineName: null,
    });
  });

  it('wins over DOCKER_CONTEXT and the current context, as in the CLI', () => {
    const files = {
      ...contextFiles('remote', 'tcp://10.0.0.5:2376'),
      ...config({ currentContext: 'remote' }),
    };
    const env = { DOCKER_HOST: 'unix:///var/run/docker.sock', DOCKER_CONTEXT: 'remote' };
    expect(discover({ env, files })).toMatchObject({
      ...defaultLinuxSocket,
      source: 'DOCKER_HOST',
      contextName: null,
    });
  });

  it('is ignored when empty', () => {
    expect(discover({ env: { DOCKER_HOST: '' } })).toMatchObject({ source: 'default socket' });
  });

  it('refuses an invalid value, saying it came from DOCKER_HOST and what to do', () => {
    expect(() => discover({ env: { DOCKER_HOST: 'foo://x' } })).toThrow(
      'DOCKER_HOST: "foo://x" uses foo://, which a Docker client cannot connect to. Use unix:///path/to/docker.sock, tcp://host:port, ssh://user@host or npipe:////./pipe/docker_engine. Fix DOCKER_HOST, or unset it to use the default socket.',
    );
    expect(() => discover({ env: { DOCKER_HOST: 'tcp://10.0.0.5:port' } })).toThrow(
      'DOCKER_HOST: "tcp://10.0.0.5:port" is not a host and port.',
    );
  });
});

describe('docker-machine env', () => {
  it('is read back from the recorded `docker-machine env default` output', () => {
    expect(machineEnv).toEqual({
      DOCKER_TLS_VERIFY: '1',
      DOCKER_HOST: 'tcp://192.168.99.100:2376',
      DOCKER_CERT_PATH: '/home/u/.docker/machine/machines/default',
      DOCKER_MACHINE_NAME: 'default',
    });
  });

  it('is the VM’s TLS endpoint with the machine’s certificates, and `docker-machine ip` agrees', () => {
    const e = discover({
      env: machineEnv,
      files: machineDirFiles,
      dockerMachineIp: '192.168.99.100',
    });
    expect(e).toEqual({
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
      sourceDetail:
        'DOCKER_HOST is tcp://192.168.99.100:2376, set by `docker-machine env default`; `docker-machine ip default` agrees',
      contextName: null,
      machineName: 'default',
    });
  });

  it('says when the VM’s address moved since `docker-machine env` ran', () => {
    const e = discover({
      env: machineEnv,
      files: machineDirFiles,
      dockerMachineIp: '192.168.99.101',
    });
    expect(e.host).toBe('192.168.99.100');
    expect(e.sourceDetail).toBe(
      'DOCKER_HOST is tcp://192.168.99.100:2376, set by `docker-machine env default`, but `docker-machine ip default` now says 192.168.99.101: run `eval $(docker-machine env default)` again',
    );
  });

  it('without `docker-machine ip`, tells only where DOCKER_HOST came from', () => {
    expect(discover({ env: machineEnv, files: machineDirFiles }).sourceDetail).toBe(
      'DOCKER_HOST is tcp://192.168.99.100:2376, set by `docker-machine env default`',
    );
  });

  it('means nothing without DOCKER_HOST, as the CLI ignores DOCKER_MACHINE_NAME', () => {
    expect(discover({ env: { DOCKER_MACHINE_NAME: 'default' } })).toMatchObject({
      ...defaultLinuxSocket,
      source: 'default socket',
      machineName: null,
    });
  });
});

describe('docker contexts', () => {
  it('follows DOCKER_CONTEXT to the context’s meta.json', () => {
    const files = contextFiles('remote', 'tcp://10.0.0.5:2375');
    expect(discover({ env: { DOCKER_CONTEXT: 'remote' }, files })).toEqual({
      url: 'tcp://10.0.0.5:2375',
      kind: 'tcp',
      host: '10.0.0.5',
      port: 2375,
      tls: null,
      source: 'DOCKER_CONTEXT',
      sourceDetail: 'DOCKER_CONTEXT is set to "remote", which points at tcp://10.0.0.5:2375',
      contextName: 'remote',
      machineName: null,
    });
  });

  it('finds the folder by the sha256 of the name, not the name', () => {
    const meta = `${HOME}/.docker/contexts/meta/${sha256('remote')}/meta.json`;
    expect(sha256('remote')).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(contextFiles('remote', 'tcp://h'))).toEqual([meta]);
    const misplaced = { [`${HOME}/.docker/contexts/meta/remote/meta.json`]: '{}' };
    expect(() => discover({ env: { DOCKER_CONTEXT: 'remote' }, files: misplaced })).toThrow(
      'no context of that name exists',
    );
  });

  it('takes the context’s TLS files from contexts/tls/<sha256>/docker', () => {
    const files = contextFiles('secure', 'tcp://10.0.0.5', {
      tls: ['ca.pem', 'cert.pem', 'key.pem'],
    });
    const dir = `${HOME}/.docker/contexts/tls/${sha256('secure')}/docker`;
    expect(discover({ env: { DOCKER_CONTEXT: 'secure' }, files })).toMatchObject({
      url: 'tcp://10.0.0.5:2376',
      port: 2376,
      contextName: 'secure',
      tls: {
        verify: true,
        caPath: `${dir}/ca.pem`,
        certPath: `${dir}/cert.pem`,
        keyPath: `${dir}/key.pem`,
      },
    });
  });

  it('names only the TLS files the context has, and honours SkipTLSVerify', () => {
    const files = contextFiles('ca-only', 'tcp://10.0.0.5:2376', {
      tls: ['ca.pem'],
      skipTLSVerify: true,
    });
    const dir = `${HOME}/.docker/contexts/tls/${sha256('ca-only')}/docker`;
    expect(discover({ env: { DOCKER_CONTEXT: 'ca-only' }, files }).tls).toEqual({
      verify: false,
      caPath: `${dir}/ca.pem`,
    });
    const bare = contextFiles('skip', 'tcp://10.0.0.5', { skipTLSVerify: true });
    expect(discover({ env: { DOCKER_CONTEXT: 'skip' }, files: bare })).toMatchObject({
      port: 2376,
      tls: { verify: false },
    });
  });

  it('follows currentContext in ~/.docker/config.json (Docker Desktop on Linux)', () => {
    const files = {
      ...contextFiles('desktop-linux', 'unix:///home/u/.docker/desktop/docker.sock'),
      ...config({ auths: {}, credsStore: 'desktop', currentContext: 'desktop-linux' }),
    };
    expect(discover({ files })).toEqual({
      url: 'unix:///home/u/.docker/desktop/docker.sock',
      kind: 'unix',
      socketPath: '/home/u/.docker/desktop/docker.sock',
      tls: null,
      source: 'docker context',
      sourceDetail:
        'current context "desktop-linux" in ~/.docker/config.json, which points at unix:///home/u/.docker/desktop/docker.sock',
      contextName: 'desktop-linux',
      machineName: null,
    });
  });

  it('prefers DOCKER_CONTEXT to the current context', () => {
    const files = {
      ...contextFiles('a', 'tcp://10.0.0.1:2375'),
      ...contextFiles('b', 'tcp://10.0.0.2:2375'),
      ...config({ currentContext: 'a' }),
    };
    expect(discover({ env: { DOCKER_CONTEXT: 'b' }, files })).toMatchObject({
      host: '10.0.0.2',
      source: 'DOCKER_CONTEXT',
      contextName: 'b',
    });
  });

  it('reads config and contexts from DOCKER_CONFIG instead of ~/.docker', () => {
    const files = {
      ...contextFiles('remote', 'ssh://me@10.0.0.5', { configDir: '/etc/dk' }),
      '/etc/dk/config.json': JSON.stringify({ currentContext: 'remote' }),
      ...config({ currentContext: 'elsewhere' }),
    };
    expect(discover({ env: { DOCKER_CONFIG: '/etc/dk' }, files })).toMatchObject({
      url: 'ssh://me@10.0.0.5',
      kind: 'ssh',
      host: '10.0.0.5',
      source: 'docker context',
      sourceDetail:
        'current context "remote" in /etc/dk/config.json, which points at ssh://me@10.0.0.5',
      contextName: 'remote',
    });
  });

  it('takes the context "default" to mean the default socket', () => {
    expect(discover({ env: { DOCKER_CONTEXT: 'default' } })).toEqual({
      ...defaultLinuxSocket,
      source: 'DOCKER_CONTEXT',
      sourceDetail: 'DOCKER_CONTEXT is set to "default": the default socket on Linux',
      contextName: 'default',
      machineName: null,
    });
    expect(discover({ files: config({ currentContext: 'default' }) })).toMatchObject({
      ...defaultLinuxSocket,
      source: 'docker context',
      sourceDetail:
        'current context "default" in ~/.docker/config.json: the default socket on Linux',
      contextName: 'default',
    });
  });

  it('fails clearly, naming the context and what to do, when it does not exist', () => {
    expect(() => discover({ env: { DOCKER_CONTEXT: 'gone' } })).toThrow(
      'DOCKER_CONTEXT is set to "gone", but no context of that name exists in ~/.docker/contexts. Unset DOCKER_CONTEXT, or set it to a context `docker context ls` lists.',
    );
    expect(() => discover({ files: config({ currentContext: 'gone' }) })).toThrow(
      'Current context "gone" in ~/.docker/config.json, but no context of that name exists in ~/.docker/contexts. Run `docker context use default`, or `docker context use` one that `docker context ls` lists.',
    );
  });

  it('fails clearly on a broken meta.json, one without a docker endpoint, or a bad host', () => {
    const metaPath = `${HOME}/.docker/contexts/meta/${sha256('x')}/meta.json`;
    expect(() =>
      discover({ env: { DOCKER_CONTEXT: 'x' }, files: { [metaPath]: '{not json' } }),
    ).toThrow(
      /^The docker context "x" has an unreadable ~\/\.docker\/contexts\/meta\/[0-9a-f]{64}\/meta\.json \(.+\)\. Recreate it with `docker context rm x` and `docker context create x`\.$/,
    );
    expect(() =>
      discover({ env: { DOCKER_CONTEXT: 'x' }, files: { [metaPath]: '{"Endpoints":{}}' } }),
    ).toThrow(
      'The docker context "x" names no Docker endpoint. Give it one with `docker context update x --docker host=unix:///var/run/docker.sock` (or the engine\'s address).',
    );
    expect(() =>
      discover({ env: { DOCKER_CONTEXT: 'x' }, files: contextFiles('x', 'ftp://h') }),
    ).toThrow(
      /^The docker context "x": "ftp:\/\/h" uses ftp:\/\/, .* Fix it with `docker context update x --docker host=…`\.$/,
    );
  });

  it('falls back to the default socket when config.json has no current context or is broken', () => {
    for (const raw of ['{"auths":{}}', '{broken', '{"currentContext":""}']) {
      expect(discover({ files: { [`${HOME}/.docker/config.json`]: raw } })).toMatchObject({
        ...defaultLinuxSocket,
        source: 'default socket',
      });
    }
  });
});

describe('the default socket', () => {
  it('is /var/run/docker.sock on Linux', () => {
    expect(discover()).toEqual({
      ...defaultLinuxSocket,
      source: 'default socket',
      sourceDetail: 'the default socket on Linux',
      contextName: null,
      machineName: null,
    });
  });

  it('is the docker_engine named pipe on Windows', () => {
    expect(discover({ platform: 'win32', homeDir: 'C:\\Users\\u' })).toEqual({
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

  it('reads a Windows config folder with Windows paths', () => {
    const files = {
      'C:\\Users\\u\\.docker\\config.json': '{"currentContext":"remote"}',
      [`C:\\Users\\u\\.docker\\contexts\\meta\\${sha256('remote')}\\meta.json`]:
        '{"Endpoints":{"docker":{"Host":"tcp://10.0.0.5:2375"}}}',
    };
    expect(discover({ platform: 'win32', homeDir: 'C:\\Users\\u', files })).toMatchObject({
      url: 'tcp://10.0.0.5:2375',
      sourceDetail:
        'current context "remote" in ~\\.docker\\config.json, which points at tcp://10.0.0.5:2375',
    });
  });

  it('is Docker Desktop’s ~/.docker/run/docker.sock on macOS when it exists', () => {
    const files = { '/Users/u/.docker/run/docker.sock': '' };
    expect(discover({ platform: 'darwin', homeDir: '/Users/u', files })).toEqual({
      url: 'unix:///Users/u/.docker/run/docker.sock',
      kind: 'unix',
      socketPath: '/Users/u/.docker/run/docker.sock',
      tls: null,
      source: 'default socket',
      sourceDetail: 'Docker Desktop’s socket ~/.docker/run/docker.sock, as nothing names another',
      contextName: null,
      machineName: null,
    });
  });

  it('is /var/run/docker.sock on macOS without Docker Desktop’s socket', () => {
    expect(discover({ platform: 'darwin', homeDir: '/Users/u' })).toMatchObject({
      ...defaultLinuxSocket,
      sourceDetail: 'the default socket on macOS',
    });
  });

  it('looks for Docker Desktop’s socket only on macOS', () => {
    const files = { [`${HOME}/.docker/run/docker.sock`]: '' };
    expect(discover({ files })).toMatchObject(defaultLinuxSocket);
  });
});
