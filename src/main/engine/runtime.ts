// The app's core, shared by the Electron shell and browser mode: one live
// engine state, the lessons, and the contract's handlers over them. Plain
// Node, no Electron.
import type { EventArgs } from '../../shared/events';
import type { Handlers } from './dispatch';
import type { EngineCall } from './engine-handlers';
import { parseHost, type EngineEndpoint } from './discovery';
import { engineMap } from './engine-map';
import { PullSet } from './images';
import { lessonHandlers } from './lesson-handlers';
import { pullHandlers } from './pull-handlers';
import { LessonRunner, type Locator } from './lessons/runner';
import { liveHandlers } from './live-picture/handlers';
import { socketSourceOf } from './live-picture/socket-source';
import { SocketWatch } from './live-picture/socket-watch';
import { LiveState, type EngineTarget } from './live-state';
import { RecordingStore } from './recordings/store';
import { scenarioHandlers } from './scenarios/handlers';
import { ScenarioRunner } from './scenarios/runner';
import { createHandlers } from './service';
import { oneEngineHandlers } from './engine-view/one-engine-handlers';

/** How one client receives an event; its transport decides how it travels. */
export type SendEvent = (...event: EventArgs) => void;

export class Crosstalk {
  readonly state: LiveState;
  /** Every call but the engine switcher's, which belong to a client (engine-handlers.ts). */
  readonly handlers: Omit<Handlers, EngineCall>;
  readonly lessons: LessonRunner;
  /** Image pulls under way, each with its progress broadcast and a cancel. */
  readonly pulls: PullSet;
  readonly scenarios: ScenarioRunner;
  readonly recordings = new RecordingStore();
  /** Live sockets of the containers clients show; each client subscribes. */
  readonly sockets: SocketWatch;
  /** Every connected client: one listener on the engine fans out to all of them. */
  private readonly clients = new Set<SendEvent>();

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
    this.pulls = new PullSet(
      () => this.state.docker,
      (progress) => this.publish('pullProgress', progress),
    );
    // Where the host is for a lab's first container: lessons and scenarios fill their texts from it.
    const locate: Locator = async (on) => {
      const map = await engineMap(this.state.docker, endpoint);
      // On a local Linux engine the lesson's own gateway is the truth; elsewhere the map knows
      // better. The reason names the network at hand: a user network's gateway is the host's
      // address on that network's own bridge (br-<id>), not on docker0.
      const own = on.name !== 'bridge' && on.name !== '' && on.name !== 'podman';
      const hostAddress =
        map.flavour === 'linux-local' && on.gateway
          ? {
              address: on.gateway,
              reason: own
                ? `the gateway of ${on.name}, which is the host’s address on that network’s own bridge${this.state.status().info?.kind === 'podman' ? '' : ` (br-${on.id.slice(0, 12)})`}`
                : map.hostFromContainer.reason,
            }
          : map.hostFromContainer;
      return {
        hostAddress,
        publishedAt: map.publishedPortsAt,
        hostIsLocal: map.flavour === 'linux-local',
        engineKind: this.state.status().info?.kind ?? 'docker-engine',
      };
    };
    this.lessons = new LessonRunner(
      () => this.state.docker,
      locate,
      (image) => this.pulls.ensure(image),
      () => this.state.status().info?.kind ?? null,
    );
    this.scenarios = new ScenarioRunner(() => this.state.docker, locate, this.pulls);
    this.handlers = {
      ...createHandlers(this.state),
      ...liveHandlers(this.state),
      ...oneEngineHandlers(this.state),
      ...pullHandlers(this.pulls),
      ...lessonHandlers({ state: this.state, lessons: this.lessons, endpoint, hostProc: local }),
      ...scenarioHandlers({
        state: this.state,
        scenarios: this.scenarios,
        recordings: this.recordings,
      }),
    };
    this.state.on('change', () => {
      if (this.clients.size) this.publish('snapshot', this.state.snapshot());
    });
  }

  /** Adds a client to every broadcast event; returns its removal. */
  join(send: SendEvent): () => void {
    this.clients.add(send);
    return () => this.clients.delete(send);
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Sends an event to every connected client. */
  publish(...event: EventArgs): void {
    for (const send of this.clients) send(...event);
  }

  start(): Promise<void> {
    return this.state.start();
  }

  stop(): void {
    this.pulls.cancelAll();
    this.sockets.stop();
    this.state.stop();
  }
}
