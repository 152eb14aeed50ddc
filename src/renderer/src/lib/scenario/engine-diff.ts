// Engine events from two successive snapshots: which containers were created,
// started, died or went away, and which joined or left a network. Recordings
// keep these (and the snapshots) on the same clock as the panes.
import type { ContainerView, Snapshot } from '../../../../shared/model';
import type { EngineEventKind, RecordedSnapshot } from '../../../../shared/recording';

export interface EngineChange {
  kind: EngineEventKind;
  subject: string;
  detail: string;
}

export function recordedSnapshot(s: Snapshot): RecordedSnapshot {
  return {
    containers: s.containers.map(({ env: _env, ...rest }) => rest),
    networks: s.networks,
  };
}

export function engineChanges(
  before: readonly ContainerView[],
  after: readonly ContainerView[],
): EngineChange[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const now = new Set(after.map((c) => c.id));
  const changes: EngineChange[] = [];
  for (const c of after) {
    const prev = old.get(c.id);
    if (!prev)
      changes.push({
        kind: 'created',
        subject: c.name,
        detail: `${c.name} created from ${c.image}`,
      });
    const wasRunning = prev?.state === 'running';
    if (c.state === 'running' && (!wasRunning || prev.startedAt !== c.startedAt))
      changes.push({ kind: 'started', subject: c.name, detail: `${c.name} started` });
    if (wasRunning && c.state !== 'running')
      changes.push({
        kind: 'died',
        subject: c.name,
        detail: `${c.name} ${c.state === 'exited' ? `exited (code ${c.exitCode ?? '?'})` : c.state}`,
      });
    const had = new Set(prev?.networks.map((n) => n.network) ?? []);
    const has = new Set(c.networks.map((n) => n.network));
    for (const n of c.networks)
      if (!had.has(n.network))
        changes.push({
          kind: 'network-connected',
          subject: c.name,
          detail: `${c.name} joined ${n.network}${n.ip ? ` as ${n.ip}` : ''}`,
        });
    for (const n of had)
      if (!has.has(n))
        changes.push({
          kind: 'network-disconnected',
          subject: c.name,
          detail: `${c.name} left ${n}`,
        });
  }
  for (const c of before)
    if (!now.has(c.id)) {
      if (c.state === 'running')
        changes.push({
          kind: 'died',
          subject: c.name,
          detail: `${c.name} was removed while running`,
        });
      changes.push({ kind: 'destroyed', subject: c.name, detail: `${c.name} removed` });
    }
  return changes;
}
