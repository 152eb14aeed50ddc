// Connection failures as Node and dockerode report them (recorded against the TLS
// dockerd, a closed port and missing sockets), turned into what happened and what to do.
import { describe, expect, it } from 'vitest';
import { describeConnectionError, type TriedEndpoint } from './connection-error';

const tlsTried: TriedEndpoint = {
  url: 'tcp://127.0.0.1:2376',
  source: 'DOCKER_HOST',
  tls: { verify: true, caPath: '/c/ca.pem', certPath: '/c/cert.pem', keyPath: '/c/key.pem' },
};
const socketTried: TriedEndpoint = {
  url: 'unix:///var/run/docker.sock',
  source: 'default socket',
  tls: null,
};

describe('describeConnectionError', () => {
  it('a wrong CA, as the CLI says it: signed by an unknown authority', () => {
    const e = {
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      message: 'unable to verify the first certificate',
    };
    expect(describeConnectionError(e, tlsTried).message).toBe(
      'The engine at tcp://127.0.0.1:2376 (from DOCKER_HOST) answered, but its certificate is signed by an unknown authority: /c/ca.pem did not sign it.',
    );
  });
  it('SSL alert 42: the engine refused the client certificate, and the hint names it', () => {
    const e = {
      code: 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
      message:
        'error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:SSL alert number 42',
    };
    const out = describeConnectionError(e, tlsTried);
    expect(out.message).toContain('client authentication (--tlsverify) enabled');
    expect(out.hint).toContain('/c/cert.pem');
    const noCert = describeConnectionError(e, {
      ...tlsTried,
      tls: { verify: true, caPath: '/c/ca.pem' },
    });
    expect(noCert.hint).toContain('No client certificate was sent');
  });
  it('HTTP against TLS: dockerode keeps the body as bytes', () => {
    const body = Buffer.from('Client sent an HTTP request to an HTTPS server.\n');
    const e = {
      statusCode: 400,
      message: '(HTTP code 400) unexpected - ',
      json: { type: 'Buffer', data: [...body] },
    };
    expect(describeConnectionError(e, { ...tlsTried, tls: null }).message).toContain('speaks TLS');
  });
  it('the default socket missing, refused, or not ours to use', () => {
    expect(describeConnectionError({ code: 'ENOENT' }, socketTried)).toEqual({
      code: 'engine-unreachable',
      message:
        'No engine answered at unix:///var/run/docker.sock: the socket file does not exist, so the engine is not running.',
      hint: 'Start Docker (Docker Desktop, or `sudo dockerd` on Linux), or set DOCKER_HOST to your engine.',
    });
    expect(describeConnectionError({ code: 'ECONNREFUSED' }, socketTried).message).toContain(
      'nothing accepts connections',
    );
    expect(describeConnectionError({ code: 'EACCES' }, socketTried).hint).toContain('usermod');
  });
  it('says "No Docker engine answered" only when nothing answered', () => {
    const unknown = describeConnectionError({ code: 'EWHAT', message: 'odd' }, tlsTried);
    expect(unknown.message).toContain('No Docker engine answered');
    const answered = describeConnectionError({ statusCode: 500, message: 'boom' }, tlsTried);
    expect(answered.message).toContain('answered with an error: boom');
  });
});
