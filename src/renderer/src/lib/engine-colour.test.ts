import { describe, expect, it } from 'vitest';
import { engineColour, engineHue } from './engine-colour';

describe('engine colours', () => {
  it('gives a key the same colour every time', () => {
    expect(engineColour('lab-node1')).toBe(engineColour('lab-node1'));
    expect(engineHue('local')).toBe(engineHue('local'));
  });

  it('tells the lab’s two nodes and the local engine apart', () => {
    const hues = new Set(['local', 'lab-node1', 'lab-node2'].map(engineHue));
    expect(hues.size).toBe(3);
  });
});
