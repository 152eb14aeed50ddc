import { describe, expect, it } from 'vitest';
import { listeningWarnings } from './inspector';

describe('listeningWarnings', () => {
  it('warns about a port that listens on loopback only', () => {
    const warnings = listeningWarnings(
      [
        { ip: '127.0.0.1', port: 1234, family: 4, loopbackOnly: true },
        { ip: '0.0.0.0', port: 80, family: 4, loopbackOnly: false },
      ],
      [{ hostIp: '0.0.0.0', hostPort: 1234, containerPort: 1234, protocol: 'tcp' }],
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /Port 1234 listens on 127\.0\.0\.1 only: other containers and the published port cannot reach it/,
    );
  });
  it('does not warn when a port also listens on every address', () => {
    expect(
      listeningWarnings(
        [
          { ip: '127.0.0.1', port: 53, family: 4, loopbackOnly: true },
          { ip: '::', port: 53, family: 6, loopbackOnly: false },
        ],
        [],
      ),
    ).toEqual([]);
  });
});
