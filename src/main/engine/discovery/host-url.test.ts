// Host URLs in every form the docker CLI accepts, and the ones it refuses.
import { describe, expect, it } from 'vitest';
import { parseHost, parseHostFrom } from './host-url';

const origin = {
  source: 'DOCKER_HOST' as const,
  sourceDetail: 'DOCKER_HOST is set',
  contextName: null,
  machineName: null,
};
const parse = (url: string, tls: Parameters<typeof parseHost>[1] = null) =>
  parseHost(url, tls, origin);

describe('parseHost', () => {
  it('takes a unix socket path, and the default socket for an empty one', () => {
    expect(parse('unix:///run/user/1000/docker.sock')).toEqual({
      ...origin,
      url: 'unix:///run/user/1000/docker.sock',
      kind: 'unix',
      socketPath: '/run/user/1000/docker.sock',
      tls: null,
    });
    expect(parse('unix://')).toMatchObject({
      url: 'unix:///var/run/docker.sock',
      socketPath: '/var/run/docker.sock',
    });
  });

  it('reads a bare path as a unix socket, as the CLI does', () => {
    expect(parse('/var/run/docker.sock')).toMatchObject({
      url: 'unix:///var/run/docker.sock',
      kind: 'unix',
      socketPath: '/var/run/docker.sock',
    });
  });

  it('turns an npipe URL into the pipe path Windows writes', () => {
    const pipe = {
      url: 'npipe:////./pipe/docker_engine',
      socketPath: '\\\\.\\pipe\\docker_engine',
    };
    expect(parse('npipe:////./pipe/docker_engine')).toMatchObject({ ...pipe, kind: 'npipe' });
    expect(parse('npipe://')).toMatchObject(pipe);
  });

  it('takes tcp host:port, ignoring TLS for a unix socket', () => {
    expect(parse('tcp://10.0.0.5:2375')).toEqual({
      ...origin,
      url: 'tcp://10.0.0.5:2375',
      kind: 'tcp',
      host: '10.0.0.5',
      port: 2375,
      tls: null,
    });
    expect(parse('unix:///var/run/docker.sock', { verify: true }).tls).toBeNull();
  });

  it('defaults the tcp port to 2375 without TLS and 2376 with it', () => {
    expect(parse('tcp://build-box')).toMatchObject({ url: 'tcp://build-box:2375', port: 2375 });
    expect(parse('tcp://build-box/', { verify: true })).toMatchObject({
      url: 'tcp://build-box:2376',
      port: 2376,
      tls: { verify: true },
    });
  });

  it('fills in localhost for a missing host, as the CLI does', () => {
    expect(parse('tcp://')).toMatchObject({ url: 'tcp://localhost:2375', host: 'localhost' });
    expect(parse('tcp://:2380')).toMatchObject({ url: 'tcp://localhost:2380', port: 2380 });
  });

  it('reads host:port without a scheme as tcp, as the CLI does', () => {
    expect(parse('10.0.0.5:2376')).toMatchObject({
      url: 'tcp://10.0.0.5:2376',
      kind: 'tcp',
      host: '10.0.0.5',
    });
  });

  it('brackets an IPv6 host in the URL', () => {
    expect(parse('tcp://[::1]:2375')).toMatchObject({
      url: 'tcp://[::1]:2375',
      host: '::1',
      port: 2375,
    });
  });

  it('takes https:// as tcp with TLS', () => {
    expect(parse('https://10.0.0.5')).toMatchObject({
      url: 'tcp://10.0.0.5:2376',
      tls: { verify: false },
    });
  });

  it('takes ssh with a user and an optional port, keeping the URL for the ssh client', () => {
    expect(parse('ssh://me@build-box')).toEqual({
      ...origin,
      url: 'ssh://me@build-box',
      kind: 'ssh',
      host: 'build-box',
      port: 22,
      tls: null,
    });
    expect(parse('ssh://me@10.0.0.5:2222')).toMatchObject({ host: '10.0.0.5', port: 2222 });
  });

  it('refuses a scheme a Docker client cannot use, naming it and the forms that work', () => {
    expect(() => parse('foo://x')).toThrow(
      '"foo://x" uses foo://, which a Docker client cannot connect to. Use unix:///path/to/docker.sock, tcp://host:port, ssh://user@host or npipe:////./pipe/docker_engine.',
    );
    expect(() => parse('fd://')).toThrow('"fd://" uses fd://');
  });

  it.each(['not a host', 'tcp://10.0.0.5:port', 'tcp://a:1:2', 'tcp://h:2375/x', 'tcp://h@x'])(
    'refuses %s, which is no host and port',
    (url) => {
      expect(() => parse(url)).toThrow(
        `"${url}" is not a host and port. Write tcp://host:port, e.g. tcp://192.168.99.100:2376.`,
      );
    },
  );

  it('refuses a port out of range', () => {
    expect(() => parse('tcp://h:70000')).toThrow(
      '"tcp://h:70000" names port 70000, which is not a port (1 to 65535).',
    );
    expect(() => parse('tcp://h:0')).toThrow('names port 0');
  });

  it('refuses ssh without a host, and an empty URL', () => {
    expect(() => parse('ssh://')).toThrow(
      '"ssh://" is not an ssh address. Write ssh://user@host or ssh://user@host:port.',
    );
    expect(() => parse('  ')).toThrow('The Docker host is empty.');
  });
});

describe('parseHostFrom', () => {
  it('says where a bad URL came from and how to fix it there', () => {
    expect(() => parseHostFrom('DOCKER_HOST', 'Fix DOCKER_HOST.', 'foo://x', null, origin)).toThrow(
      /^DOCKER_HOST: "foo:\/\/x" uses foo:\/\/, .* Fix DOCKER_HOST\.$/,
    );
  });

  it('passes a good URL through', () => {
    expect(parseHostFrom('DOCKER_HOST', 'Fix it.', 'tcp://h:1', null, origin)).toMatchObject({
      host: 'h',
      port: 1,
    });
  });
});
