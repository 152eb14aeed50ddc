// Image pulls as the renderer sees them: the latest progress of each image's pull on each
// engine the window shows (from pullProgress events, tagged with their engine), and the calls
// to start and cancel one, sent to the engine the person chose.
import type { PullProgress } from '../../../shared/engine-map';
import { api, transport } from './api';
import { PRIMARY_ENGINE } from './transport/event-hub';

const keyOf = (engine: string, image: string) => `${engine}\n${image}`;

class PullStore {
  byEngineImage = $state<Record<string, PullProgress & { engine: string }>>({});

  constructor() {
    transport.on('pullProgress', (p, engine) => {
      this.byEngineImage = { ...this.byEngineImage, [keyOf(engine, p.image)]: { ...p, engine } };
    });
    // Pulls belong to the engine left behind (its core cancels them when nobody holds it).
    transport.on('engineSwitched', () => {
      this.byEngineImage = Object.fromEntries(
        Object.entries(this.byEngineImage).filter(([, p]) => p.engine !== PRIMARY_ENGINE),
      );
    });
  }

  of(image: string, engine: string = PRIMARY_ENGINE): (PullProgress & { engine: string }) | null {
    return this.byEngineImage[keyOf(engine, image)] ?? null;
  }

  /** Pulls onto `engine`; resolves when the image is there, rejects with the engine's reason. */
  pull(image: string, engine: string = PRIMARY_ENGINE): Promise<void> {
    return api.pullImage({ image, engine });
  }

  cancel(image: string, engine: string = PRIMARY_ENGINE): Promise<void> {
    return api.cancelPull({ image, engine });
  }
}

export const pulls = new PullStore();
