// Preloaded with `node --import` (NODE_OPTIONS) by bench/split-echo.ts: notes the time of every
// small socket read and write in browser mode's main process (the page's WebSocket is TCP, an
// engine attach a Unix socket), written to $BENCH_SOCKET_STAMPS as JSON when the process exits.
import net from 'node:net';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** [ms, 'r' | 'w', 'tcp' | 'unix', bytes] */
const stamps = [];
const SMALL = 512;
const kind = (socket) => (socket.remotePort ? 'tcp' : 'unix');

const emit = net.Socket.prototype.emit;
net.Socket.prototype.emit = function (event, chunk, ...rest) {
  if (event === 'data' && chunk?.length < SMALL)
    stamps.push([performance.now(), 'r', kind(this), chunk.length]);
  return emit.call(this, event, chunk, ...rest);
};
const writeGeneric = net.Socket.prototype._writeGeneric;
net.Socket.prototype._writeGeneric = function (writev, data, encoding, cb) {
  const bytes = writev
    ? data.reduce((n, c) => n + (c.chunk ?? c).length, 0)
    : Buffer.byteLength(data, encoding);
  if (bytes < SMALL) stamps.push([performance.now(), 'w', kind(this), bytes]);
  return writeGeneric.call(this, writev, data, encoding, cb);
};
process.on('exit', () => writeFileSync(process.env.BENCH_SOCKET_STAMPS, JSON.stringify(stamps)));
