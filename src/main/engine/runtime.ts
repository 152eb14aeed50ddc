// The app's core, shared by the Electron shell and browser mode: one live
// engine state and the contract's handlers over it. Plain Node, no Electron.
import { createHandlers } from './service';
import type { Handlers } from './dispatch';
import { LiveState, type EngineTarget } from './live-state';

export class Crosstalk {
  readonly state: LiveState;
  readonly handlers: Handlers;

  constructor(target: EngineTarget) {
    this.state = new LiveState(target);
    this.handlers = createHandlers(this.state);
  }

  start(): Promise<void> {
    return this.state.start();
  }

  stop(): void {
    this.state.stop();
  }
}
