import { describe, expect, it } from 'vitest';
import { chooseSocketPath } from './socket-path';

const local = {
  endpoint: 'unix:///var/run/docker.sock',
  platform: 'linux' as const,
  engineName: 'vm',
  hostname: 'vm',
  osType: 'linux',
};

describe('chooseSocketPath', () => {
  it('reads /proc for an engine on this Linux machine', () => {
    expect(chooseSocketPath(local)).toEqual({ available: true, via: 'proc' });
  });

  it('uses exec for a VM behind a unix socket (Docker Desktop), TCP, or another OS', () => {
    const exec = { available: true, via: 'exec' };
    // Behind a unix socket, each container's process may yet prove to be ours (own-process).
    expect(chooseSocketPath({ ...local, engineName: 'docker-desktop' })).toEqual({
      ...exec,
      checkEach: true,
    });
    expect(chooseSocketPath({ ...local, engineName: '', hostname: '' })).toEqual({
      ...exec,
      checkEach: true,
    });
    expect(chooseSocketPath({ ...local, endpoint: 'tcp://192.168.99.100:2376' })).toEqual(exec);
    expect(chooseSocketPath({ ...local, platform: 'darwin' })).toEqual(exec);
  });

  it('says why Windows containers have no live sockets', () => {
    const choice = chooseSocketPath({ ...local, osType: 'windows' });
    expect(choice.available).toBe(false);
    expect(!choice.available && choice.reason).toMatch(/Windows containers/);
  });
});
