import { describe, expect, it } from 'vitest';
import type { ConsoleBytes } from '../console-registry';
import { formatBytes } from '../format-bytes';
import { EdgeBytes } from './edge-bytes';

describe('EdgeBytes', () => {
  const conn = { edgeId: 'conn:client:45678->server:1234', clientId: 'cli', serverId: 'srv' };

  it('counts from the moment the connection appeared', () => {
    const consoles: Record<string, ConsoleBytes> = {
      cli: { input: 20, output: 300 },
      srv: { input: 12, output: 150 },
    };
    const edges = new EdgeBytes();
    const read = (id: string) => consoles[id];
    expect(edges.labels([conn], read).get(conn.edgeId)).toBe('↑0 B typed ↓0 B shown');
    consoles['cli']!.input += 13; // "hold my word\r"
    consoles['srv']!.output += 14; // "hold my word\r\n"
    expect(edges.labels([conn], read).get(conn.edgeId)).toBe('↑13 B typed ↓14 B shown');
  });

  it('forgets a closed connection, and says nothing without consoles', () => {
    const edges = new EdgeBytes();
    const consoles: Record<string, ConsoleBytes> = { cli: { input: 5, output: 0 } };
    edges.labels([conn], (id) => consoles[id]);
    consoles['cli']!.input = 9;
    edges.labels([], (id) => consoles[id]);
    expect(edges.labels([conn], (id) => consoles[id]).get(conn.edgeId)).toBe('↑0 B typed');
    expect(edges.labels([conn], () => undefined).size).toBe(0);
  });

  it('formats sizes', () => {
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MiB');
  });
});
