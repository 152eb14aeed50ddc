// The picture across several engines: a host per engine with its own networks and containers,
// overlay networks drawn once across the hosts they span, published ports from each host, and
// live connections across engines (a socket's remote address matched to a container of any
// engine shown: by its address on an overlay both share, or by a host's address and a port
// it publishes). With one engine it is exactly buildTopology's picture.
import type { ContainerView, Snapshot } from './model';
import {
  buildTopology,
  byKindThenId,
  publishedBinding,
  serves,
  unmapIpv4,
  type ContainerNodeId,
  type ContainerSockets,
  type NetworkNodeId,
  type TopoEdge,
  type TopoNode,
  type Topology,
} from './topology';

export interface EngineScene {
  /** A stable key for the engine (its id in the engine list). */
  key: string;
  /** As people call it; labels its host. */
  name: string;
  snapshot: Snapshot;
  sockets: Record<string, ContainerSockets>;
  /** The addresses other hosts reach this engine's published ports at (its underlay address). */
  hostAddresses: string[];
}

const isOverlay = (driver: string) => driver === 'overlay';
const overlayNodeId = (name: string): NetworkNodeId => `net:overlay/${name}`;

/** Rewrites one engine's node and edge ids under its key, overlays under their shared id. */
function scoped(scene: EngineScene, topology: Topology): Topology {
  const overlays = new Set(
    scene.snapshot.networks.filter((n) => isOverlay(n.driver)).map((n) => n.name),
  );
  const net = (id: NetworkNodeId): NetworkNodeId => {
    const name = id.slice('net:'.length);
    return overlays.has(name) ? overlayNodeId(name) : `net:${scene.key}/${name}`;
  };
  const ctr = (id: ContainerNodeId): ContainerNodeId => `ctr:${scene.key}/${id.slice(4)}`;
  const host = `host:${scene.key}` as const;
  // A port published on every address is reached from other hosts at this host's own.
  const own = scene.hostAddresses[0];
  const onHost = (label: string) =>
    own ? label.replace(/^(0\.0\.0\.0|\[::\]):/, `${own}:`) : label;
  const nodes = topology.nodes.map((n): TopoNode => {
    if (n.kind === 'host') return { ...n, id: host, label: scene.name, engine: scene.key };
    if (n.kind === 'network') return { ...n, id: net(n.id), engines: [scene.key] };
    return { ...n, id: ctr(n.id), engine: scene.key };
  });
  const edges = topology.edges.map((e): TopoEdge => {
    const id = `${scene.key}/${e.id}`;
    switch (e.kind) {
      case 'attachment':
        return { ...e, id, source: ctr(e.source), target: net(e.target) };
      case 'published':
        return { ...e, id, source: host, target: ctr(e.target), label: onHost(e.label) };
      default:
        return { ...e, id, source: ctr(e.source), target: ctr(e.target) };
    }
  });
  return { nodes, edges };
}

/** One node per overlay, listing every engine it was seen on. */
function mergeOverlays(nodes: TopoNode[]): TopoNode[] {
  const merged = new Map<string, TopoNode>();
  for (const n of nodes) {
    const seen = merged.get(n.id);
    if (seen && seen.kind === 'network' && n.kind === 'network') {
      const engines = [...new Set([...(seen.engines ?? []), ...(n.engines ?? [])])].sort();
      merged.set(n.id, { ...seen, subnet: seen.subnet || n.subnet, engines });
    } else merged.set(n.id, n);
  }
  return [...merged.values()];
}

interface Placed {
  scene: EngineScene;
  container: ContainerView;
}

/** Connections whose two ends run on different engines. */
function crossEngineConnections(scenes: EngineScene[]): TopoEdge[] {
  // Overlay addresses are unique across a swarm; bridge addresses repeat on every host.
  const byOverlayIp = new Map<string, Placed>();
  for (const scene of scenes) {
    const overlays = new Set(
      scene.snapshot.networks.filter((n) => isOverlay(n.driver)).map((n) => n.name),
    );
    for (const container of scene.snapshot.containers) {
      for (const n of container.networks) {
        if (overlays.has(n.network) && n.ip) byOverlayIp.set(n.ip, { scene, container });
      }
    }
  }
  const edges: TopoEdge[] = [];
  for (const scene of scenes) {
    for (const client of scene.snapshot.containers) {
      for (const conn of scene.sockets[client.id]?.connections ?? []) {
        const remote = unmapIpv4(conn.remoteIp);
        const from: ContainerNodeId = `ctr:${scene.key}/${client.name}`;
        const peer = byOverlayIp.get(remote);
        if (peer && peer.scene !== scene) {
          if (!serves(peer.scene.sockets[peer.container.id], remote, conn)) continue;
          edges.push({
            kind: 'connection',
            id: `conn:${scene.key}/${client.name}:${conn.localPort}->${peer.scene.key}/${peer.container.name}:${conn.remotePort}`,
            source: from,
            target: `ctr:${peer.scene.key}/${peer.container.name}`,
            label: `:${conn.localPort} → ${conn.remotePort} (overlay)`,
            port: conn.remotePort,
          });
          continue;
        }
        const other = scenes.find((s) => s !== scene && s.hostAddresses.includes(remote));
        for (const target of other?.snapshot.containers ?? []) {
          const binding = publishedBinding(target, remote, conn.remotePort);
          if (!binding) continue;
          edges.push({
            kind: 'connection',
            id: `conn:${scene.key}/${client.name}:${conn.localPort}->${other!.key}:${conn.remotePort}->${target.name}`,
            source: from,
            target: `ctr:${other!.key}/${target.name}`,
            label: `via ${other!.name} ${remote}:${conn.remotePort}`,
            port: binding.containerPort,
          });
          break;
        }
      }
    }
  }
  return edges;
}

export function buildSceneTopology(scenes: EngineScene[]): Topology {
  if (scenes.length === 1) {
    const [only] = scenes as [EngineScene];
    return buildTopology({ snapshot: only.snapshot, sockets: only.sockets });
  }
  const parts = scenes.map((scene) =>
    scoped(scene, buildTopology({ snapshot: scene.snapshot, sockets: scene.sockets })),
  );
  const nodes = mergeOverlays(parts.flatMap((p) => p.nodes));
  const edges = [...parts.flatMap((p) => p.edges), ...crossEngineConnections(scenes)];
  return { nodes: nodes.sort(byKindThenId), edges: edges.sort(byKindThenId) };
}
