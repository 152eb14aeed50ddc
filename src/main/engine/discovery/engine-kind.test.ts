// Naming the product from recorded `docker version` answers (fixtures/version-*.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineProduct, type VersionLike } from './engine-kind';

const recorded = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as VersionLike;

describe('engineProduct', () => {
  it('names Podman from its "Podman Engine" component, not as Docker', () => {
    expect(engineProduct(recorded('version-podman.json'))).toEqual({
      kind: 'podman',
      label: 'Podman 4.3.1',
      version: '4.3.1',
    });
  });
  it('names Debian’s dockerd as Docker Engine', () => {
    expect(engineProduct(recorded('version-linux.json'))).toEqual({
      kind: 'docker-engine',
      label: 'Docker Engine 20.10.24+dfsg1',
      version: '20.10.24+dfsg1',
    });
  });
  it('names Docker Desktop from its platform, or from `docker info` when the platform is silent', () => {
    const version = {
      Version: '27.4.0',
      Platform: { Name: 'Docker Desktop 4.37.1 (178610)' },
      Components: [{ Name: 'Engine', Version: '27.4.0' }],
    };
    expect(engineProduct(version).label).toBe('Docker Desktop 4.37.1 (Engine 27.4.0)');
    expect(
      engineProduct({ Version: '27.4.0' }, { OperatingSystem: 'Docker Desktop' }),
    ).toMatchObject({ kind: 'docker-desktop', label: 'Docker Desktop (Engine 27.4.0)' });
  });
});
