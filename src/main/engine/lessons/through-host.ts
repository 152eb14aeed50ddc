// Lesson 1: out to the host and back in, through a published port.
import type { LessonDefinition } from './lesson';
import { baseContainer, result } from './lesson';
import { listenCommand } from './netcat';
import { listenersOn, recentOutput, socketsOf } from './probes';

const PORT = 1234;

export const throughHost: LessonDefinition = {
  id: 'through-host',
  title: '1 · Through the host',
  summary:
    'The server publishes port 1234 on the host; the client goes out to the host and is forwarded back into the server.',
  networks: [],
  containerGroups: [
    [
      baseContainer('server', {
        ports: [{ hostIp: '', hostPort: PORT, containerPort: PORT, protocol: 'tcp' }],
      }),
      baseContainer('client'),
    ],
  ],
  steps: (ctx) => [
    {
      id: 'listen',
      title: 'Listen on the server',
      text: `The server was started with \`-p ${PORT}:${PORT}\`: the engine forwards the host's port ${PORT} into it. Start a listener.`,
      commands: [{ container: 'server', text: listenCommand(ctx.nc.flavour, PORT) }],
      action: null,
      check: `server has a socket listening on port ${PORT}`,
      verify: async (ctx) => {
        const l = await listenersOn(ctx.docker, 'server', PORT);
        return result(
          l.length > 0,
          l.length
            ? `server listens on ${l.map((s) => `${s.ip}:${s.port}`).join(', ')}.`
            : `Nothing listens on ${PORT} in server yet.`,
        );
      },
    },
    {
      id: 'connect',
      title: 'Connect from the client, through the host',
      text: `From inside a container the host is \`${ctx.hostAddress.address}\`: ${ctx.hostAddress.reason}. (You, on the host, would use ${ctx.publishedAt.address}: ${ctx.publishedAt.reason}.)`,
      commands: [{ container: 'client', text: `nc ${ctx.hostAddress.address} ${PORT}` }],
      action: null,
      check: `client has a connection open to ${ctx.hostAddress.address}:${PORT}`,
      verify: async (ctx) => {
        const open = (await socketsOf(ctx.docker, 'client')).filter(
          (s) => s.state === 'ESTABLISHED' && s.remotePort === PORT,
        );
        return result(
          open.length > 0,
          open.length
            ? `client → ${open[0]!.remoteIp}:${PORT} is established.`
            : `client has no open connection to port ${PORT}.`,
        );
      },
    },
    {
      id: 'send',
      title: 'Send a message',
      text: 'Type in the client; the bytes go client → host → server.',
      commands: [{ container: 'client', text: 'hold my word' }],
      action: null,
      check: 'the server printed "hold my word"',
      verify: async (ctx) => {
        const out = await recentOutput(ctx.docker, 'server');
        const ok = out.includes('hold my word');
        return result(
          ok,
          ok
            ? 'The server received "hold my word".'
            : 'The server has not printed "hold my word" yet.',
        );
      },
    },
  ],
};
