// The app's core, shared by the Electron shell and browser mode: one live
// engine state, the lessons, and the contract's handlers over them. Plain
// Node, no Electron.
import { EventEmitter } from 'node:events';
import { eventNames, type EventName, type Events } from '../../shared/contract';
import type { Handlers } from './dispatch';
import { parseHost, type EngineEndpoint } from './discovery';
import { engineMap } from './engine-map';
import { lessonHandlers } from './lesson-handlers';
import { LessonRunner } from './lessons/runner';
import { liveHandlers } from './live-picture/handlers';
import { socketSourceOf } from './live-picture/socket-source';
import { SocketWatch } from './live-picture/socket-watch';
import { LiveState, type EngineTarget } from './live-state';
import { createHandlers } from './service';

/** Events every client receives, besides snapshots. */
type Broadcast = { [E in EventName]: [Events[E]] };

export class Crosstalk {
  readonly state: LiveState;
  readonly handlers: Handlers;
  readonly lessons: LessonRunner;
  /** Live sockets of the containers clients show; each client subscribes. */
  readonly sockets: SocketWatch;
  readonly broadcast = new EventEmitter<Broadcast>();

  constructor(target: EngineTarget & { endpointInfo?: EngineEndpoint }) {
    this.state = new LiveState(target);
    this.sockets = new SocketWatch({
      container: (id) => this.state.container(id),
      source: socketSourceOf(this.state),
    });
    const endpoint =
      target.endpointInfo ??
      parseHost(target.endpoint, null, {
        source: 'DOCKER_HOST',
        sourceDetail: `given as ${target.endpoint}`,
        contextName: null,
        machineName: null,
      });
    const local = endpoint.kind === 'unix' && process.platform === 'linux';
    this.lessons = new LessonRunner(
      () => this.state.docker,
      async (gateway) => {
        const map = await engineMap(this.state.docker, endpoint);
        // On a local Linux engine the lesson's own gateway is the truth; elsewhere the map knows better.
        const hostAddress =
          map.flavour === 'linux-local' && gateway
            ? { ...map.hostFromContainer, address: gateway }
            : map.hostFromContainer;
        return {
          hostAddress,
          publishedAt: map.publishedPortsAt,
          hostIsLocal: map.flavour === 'linux-local',
          engineKind: this.state.status().info?.kind ?? 'docker-engine',
        };
      },
      (progress) => this.broadcast.emit('pullProgress', progress),
      () => this.state.status().info?.kind ?? null,
    );
    this.handlers = {
      ...createHandlers(this.state),
      ...liveHandlers(this.state),
      ...lessonHandlers({ state: this.state, lessons: this.lessons, endpoint, hostProc: local }),
    };
  }

  start(): Promise<void> {
    return this.state.start();
  }

  stop(): void {
    this.sockets.stop();
    this.state.stop();
  }
}

/** Forwards every broadcast event to one client's `send`; returns the unsubscribe. */
export function forwardBroadcasts(
  app: Crosstalk,
  send: (name: EventName, payload: unknown) => void,
): () => void {
  const listeners = eventNames.map((name) => {
    const listener = (payload: unknown) => send(name, payload);
    app.broadcast.on(name, listener as never);
    return () => app.broadcast.off(name, listener as never);
  });
  return () => listeners.forEach((off) => off());
}
