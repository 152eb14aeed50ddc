// What the engine says, recorded from Docker 20.10, turned into what to do.
import { describe, expect, it } from 'vitest';
import { fromEngine } from './docker-errors';

const engineSaid = (statusCode: number, message: string) => ({
  statusCode,
  json: { message },
  message: `(HTTP code ${statusCode}) server error - ${message}`,
});

describe('fromEngine', () => {
  it('names a missing docker0 and says how to get it back', () => {
    const error = fromEngine(
      engineSaid(
        500,
        'failed to create endpoint server on network bridge: adding interface veth4c1a2b3 to bridge docker0 failed: could not find bridge docker0: route ip+net: no such network interface',
      ),
      'Starting "server"',
    );
    expect(error.message).toBe(
      'Starting "server" failed: the engine\'s bridge interface docker0 is missing on its host.',
    );
    expect(error.hint).toMatch(/^Restart the Docker engine to recreate docker0/);
    expect(error.hint).toMatch(/network you create/);
  });

  it('keeps the engine’s own words for what it has no better answer to', () => {
    const error = fromEngine(engineSaid(500, 'something odd'), 'Starting "x"');
    expect(error.message).toBe('Starting "x" failed: something odd');
  });
});
