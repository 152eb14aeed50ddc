// The link line of the engine map, for each way discovery can reach an engine.
import { describe, expect, it } from 'vitest';
import { describeLink } from './link';
import { discoverEndpoint } from './endpoint';
import { fakeInput } from './fixtures/inputs';

const linkFor = (env: Record<string, string>, files: Record<string, string> = {}) =>
  describeLink(discoverEndpoint(fakeInput({ env, files })));

describe('describeLink', () => {
  it('says a verified TLS link checks the engine and presents the client certificate', () => {
    const files = { '/certs/ca.pem': '', '/certs/cert.pem': '', '/certs/key.pem': '' };
    const env = {
      DOCKER_HOST: 'tcp://127.0.0.1:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: '/certs',
    };
    expect(linkFor(env, files)).toEqual({
      tls: true,
      label: 'TLS',
      detail:
        'TLS to 127.0.0.1:2376: the engine’s certificate is checked against /certs/ca.pem; this client proves itself with /certs/cert.pem',
    });
  });
  it('warns that plain TCP is unencrypted, and names the socket of a local engine', () => {
    expect(linkFor({ DOCKER_HOST: 'tcp://10.0.0.5:2375' })).toMatchObject({
      tls: false,
      label: 'plain TCP',
    });
    expect(linkFor({})).toMatchObject({
      tls: false,
      label: 'local socket',
      detail: expect.stringContaining('/var/run/docker.sock'),
    });
  });
});
