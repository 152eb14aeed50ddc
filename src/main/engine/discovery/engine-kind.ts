// Which product answers on an endpoint: Docker Engine, Docker Desktop or Podman.
// The version's components name it (Podman says "Podman Engine"); Docker Desktop
// names itself in the platform or in `docker info`. Pure: the caller asks the engine.
import type { EngineKind } from '../../../shared/model';

/** The fields of `docker version` that name the product. */
export interface VersionLike {
  Version?: string;
  Platform?: { Name?: string };
  Components?: { Name?: string; Version?: string }[];
}

export interface EngineProduct {
  kind: EngineKind;
  /** As people call it: "Podman 4.3.1", "Docker Engine 20.10.24", "Docker Desktop 4.37.1". */
  label: string;
  version: string;
}

export function engineProduct(
  version: VersionLike,
  info: { OperatingSystem?: string; Name?: string } = {},
): EngineProduct {
  const components = version.Components ?? [];
  const podman = components.find((c) => /^podman/i.test(c.Name ?? ''));
  if (podman) {
    const v = podman.Version ?? version.Version ?? '';
    return { kind: 'podman', label: `Podman ${v}`.trim(), version: v };
  }
  const engine = components.find((c) => c.Name === 'Engine');
  const v = engine?.Version ?? version.Version ?? '';
  const platform = version.Platform?.Name ?? '';
  const desktop = /Docker Desktop ([\d.]+)/.exec(platform);
  if (
    desktop ||
    /Docker Desktop/i.test(info.OperatingSystem ?? '') ||
    info.Name === 'docker-desktop'
  )
    return {
      kind: 'docker-desktop',
      label: desktop
        ? `Docker Desktop ${desktop[1]} (Engine ${v})`
        : `Docker Desktop (Engine ${v})`,
      version: v,
    };
  return { kind: 'docker-engine', label: `Docker Engine ${v}`.trim(), version: v };
}

export const kindLabels: Record<EngineKind, string> = {
  'docker-engine': 'Docker Engine',
  'docker-desktop': 'Docker Desktop',
  podman: 'Podman',
};
