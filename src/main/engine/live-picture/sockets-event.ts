// The `sockets` event a window receives, built so that equal content gives equal JSON: then
// "did anything change?" is one string comparison, and unchanged ticks send nothing.
import type { SocketReadPath, SocketsEvent } from '../../../shared/live-picture';
import type { ContainerSockets } from '../../../shared/topology';

/** One container's latest reading: its sockets, or why they could not be read. */
export type Reading = { sockets: ContainerSockets } | { error: string };

export type Availability =
  { available: true; via: SocketReadPath } | { available: false; reason: string };

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Only the fields the picture uses, in a fixed order: /proc lists sockets by hash slot. */
export function normalizeSockets(s: ContainerSockets): ContainerSockets {
  const listening = s.listening
    .map(({ ip, port, loopbackOnly }) => ({ ip, port, loopbackOnly }))
    .sort((a, b) => a.port - b.port || order(a.ip, b.ip));
  const connections = s.connections
    .map(({ localIp, localPort, remoteIp, remotePort }) => ({
      localIp,
      localPort,
      remoteIp,
      remotePort,
    }))
    .sort(
      (a, b) =>
        order(a.localIp, b.localIp) ||
        a.localPort - b.localPort ||
        order(a.remoteIp, b.remoteIp) ||
        a.remotePort - b.remotePort,
    );
  return { listening, connections };
}

/** The event for one window: its containers only, in id order. */
export function socketsEventFor(
  ids: Iterable<string>,
  readings: ReadonlyMap<string, Reading>,
  availability: Availability,
): SocketsEvent {
  const event: SocketsEvent = availability.available
    ? { available: true, reason: null, via: availability.via, byContainer: {}, errors: {} }
    : { available: false, reason: availability.reason, via: null, byContainer: {}, errors: {} };
  for (const id of [...new Set(ids)].sort(order)) {
    const reading = readings.get(id);
    if (!reading) continue;
    if ('sockets' in reading) event.byContainer[id] = reading.sockets;
    else event.errors[id] = reading.error;
  }
  return event;
}

/** Equal for events that show the same thing. */
export function socketsEventKey(event: SocketsEvent): string {
  return JSON.stringify(event);
}
