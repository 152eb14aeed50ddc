// The two-host lab's engines, when it is up: the catalogue offers them to every window, so
// a person with one Linux machine can add both hosts to one view (README, "Two hosts").
import type { EngineOffer } from '../../../shared/engine-view';
import { readLabState } from '../../lab/lab-state';

export const LAB_ORIGIN = 'the two-host lab';

/** node1, node2: the lab names its daemons crosstalk-lab-nodeN. */
const shortName = (name: string) => name.replace(/^crosstalk-lab-/, '');

export function labOffers(file?: string): EngineOffer[] {
  const state = readLabState(file);
  return (state?.nodes ?? []).map((n) => ({
    key: `lab-${shortName(n.name)}`,
    name: shortName(n.name),
    endpoint: n.endpoint,
    hostAddresses: [n.underlayIp],
    origin: LAB_ORIGIN,
  }));
}
