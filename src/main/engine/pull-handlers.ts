// The contract's pull calls: pull an image (progress arrives as pullProgress
// events) and cancel a pull under way.
import type { Handlers } from './dispatch';
import type { PullSet } from './images';

export type PullCall = 'pullImage' | 'cancelPull';

export function pullHandlers(pulls: PullSet): Pick<Handlers, PullCall> {
  return {
    pullImage: async ({ image }) => pulls.pull(image),
    cancelPull: async ({ image }) => pulls.cancel(image),
  };
}
