// The pull stream as Docker 20.10 sends it (recorded from the local registry),
// folded into layer rows, a byte total and the engine's error line.
import { describe, expect, it } from 'vitest';
import { PullTracker } from './pull-progress';
import { pullError, registryOf } from './registry-errors';

const recorded = [
  { status: 'Pulling from crosstalk-big', id: 'latest' },
  { status: 'Already exists', progressDetail: {}, id: 'f07737135622' },
  { status: 'Pulling fs layer', progressDetail: {}, id: '80a415dab455' },
  { status: 'Pulling fs layer', progressDetail: {}, id: 'fd0511cca122' },
  {
    status: 'Downloading',
    progressDetail: { current: 5_000_000, total: 83_886_080 },
    id: '80a415dab455',
  },
  {
    status: 'Downloading',
    progressDetail: { current: 1_000_000, total: 83_886_080 },
    id: 'fd0511cca122',
  },
];

describe('PullTracker', () => {
  it('keeps a row per layer with its phase and bytes, and totals the known sizes', () => {
    const t = new PullTracker('127.0.0.1:5000/crosstalk-big:latest');
    recorded.forEach((e) => t.add(e));
    const p = t.progress();
    expect(p.layers.map((l) => [l.id, l.phase, l.current, l.total])).toEqual([
      ['f07737135622', 'exists', 0, null],
      ['80a415dab455', 'download', 5_000_000, 83_886_080],
      ['fd0511cca122', 'download', 1_000_000, 83_886_080],
    ]);
    expect([p.current, p.total]).toEqual([6_000_000, 167_772_160]);
    expect(p.fraction).toBeCloseTo(6 / 167.77216, 5);
  });

  it('counts a layer in full once downloaded, through extraction to done', () => {
    const t = new PullTracker('x');
    recorded.forEach((e) => t.add(e));
    t.add({ status: 'Download complete', id: '80a415dab455' });
    t.add({ status: 'Extracting', progressDetail: { current: 1, total: 9 }, id: '80a415dab455' });
    expect(t.progress().layers[1]).toMatchObject({ phase: 'extract', current: 83_886_080 });
    t.add({ status: 'Pull complete', id: '80a415dab455' });
    expect(t.progress().layers[1]!.phase).toBe('done');
  });

  it('keeps the engine’s error line', () => {
    const t = new PullTracker('x');
    t.add({ errorDetail: { message: 'manifest unknown' }, error: 'manifest unknown' });
    expect(t.error).toBe('manifest unknown');
  });
});

describe('pullError', () => {
  it('names the registry of a reference, Docker Hub when none is written', () => {
    expect(registryOf('127.0.0.1:5000/big:1')).toBe('127.0.0.1:5000');
    expect(registryOf('library/busybox')).toBe('docker.io');
    expect(registryOf('busybox')).toBe('docker.io');
  });
  it('gives not found, unauthorized, unreachable and insecure their own hints', () => {
    const hint = (line: string) => pullError('r:5000/x:1', line).hint;
    expect(hint('manifest for r:5000/x:1 not found: manifest unknown')).toContain('tag');
    expect(hint('Head "http://r:5000/v2/x/manifests/1": no basic auth credentials')).toContain(
      'docker login r:5000',
    );
    expect(
      hint('Get "http://r:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused'),
    ).toContain('the engine, not this app');
    expect(
      hint('Get "https://r:5000/v2/": http: server gave HTTP response to HTTPS client'),
    ).toContain('insecure');
  });
});
