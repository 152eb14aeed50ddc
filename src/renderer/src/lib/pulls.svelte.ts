// Image pulls as the renderer sees them: the latest progress of each image's
// pull (from pullProgress events), and the calls to start and cancel one.
import type { PullProgress } from '../../../shared/engine-map';
import { api, transport } from './api';

class PullStore {
  byImage = $state<Record<string, PullProgress>>({});

  constructor() {
    transport.on('pullProgress', (p) => {
      this.byImage = { ...this.byImage, [p.image]: p };
    });
    // Pulls belong to the engine left behind (its core cancels them when nobody holds it).
    transport.on('engineSwitched', () => (this.byImage = {}));
  }

  of(image: string): PullProgress | null {
    return this.byImage[image] ?? null;
  }

  /** Pulls; resolves when the image is there, rejects with the engine's reason. */
  pull(image: string): Promise<void> {
    return api.pullImage({ image });
  }

  cancel(image: string): Promise<void> {
    return api.cancelPull({ image });
  }
}

export const pulls = new PullStore();
