// Lesson 4: bind addresses. A service on 127.0.0.1 inside a container is
// private to that container; 0.0.0.0 opens it to other containers; publishing
// on 127.0.0.1 keeps it private to the host.
import type { ReachRow } from '../../../shared/lessons';
import type { LessonContext, LessonAction, LessonDefinition } from './lesson';
import { baseContainer, ipOn, result } from './lesson';
import { persistentListener } from './netcat';
import { listenersOn, tcpFrom, tcpFromHost } from './probes';

const PORT = 1234;

async function listenCheck(ctx: LessonContext, wantLoopback: boolean) {
  const l = await listenersOn(ctx.docker, 'server', PORT);
  const where = l
    .map(
      (s) =>
        `${s.family === 6 ? `[${s.ip}]` : s.ip}:${s.port}${s.loopbackOnly ? ' (loopback only)' : ''}`,
    )
    .join(', ');
  const ok = l.length > 0 && l.every((s) => s.loopbackOnly === wantLoopback);
  return result(
    ok,
    l.length ? `server listens on ${where}.` : `Nothing listens on ${PORT} in server.`,
  );
}

async function probeAll(ctx: LessonContext): Promise<ReachRow[]> {
  const ip = await ipOn(ctx.docker, 'server', 'bridge');
  // One at a time: each connection ends one round of the server's listener loop.
  const rows: ReachRow[] = [];
  const fromClient = await tcpFrom(ctx.docker, 'client', ip, PORT);
  rows.push({
    from: 'client',
    to: `server ${ip}:${PORT}`,
    ok: fromClient,
    detail: fromClient ? 'connected' : 'refused',
  });
  await new Promise((r) => setTimeout(r, 150));
  const fromSelf = await tcpFrom(ctx.docker, 'server', '127.0.0.1', PORT);
  rows.push({
    from: 'server itself',
    to: `127.0.0.1:${PORT}`,
    ok: fromSelf,
    detail: fromSelf ? 'connected' : 'refused',
  });
  await new Promise((r) => setTimeout(r, 150));
  if (ctx.hostIsLocal) {
    const fromHost = await tcpFromHost('127.0.0.1', PORT);
    rows.push({
      from: 'this host',
      to: `127.0.0.1:${PORT} (published)`,
      ok: fromHost,
      detail: fromHost ? 'forwarded into server' : 'refused',
    });
  }
  rows.push({
    from: 'another machine',
    to: `host:${PORT}`,
    ok: false,
    detail: 'published on 127.0.0.1 only, so never reachable from outside (not probed)',
  });
  return rows;
}

const probe: LessonAction = {
  id: 'probe',
  label: 'Probe',
  run: async (ctx) => {
    const rows = await probeAll(ctx);
    const reachable = rows.filter((r) => r.ok).map((r) => r.from);
    return result(
      true,
      reachable.length ? `Reached from: ${reachable.join(', ')}.` : 'Nobody could connect.',
      [],
      rows,
    );
  },
};

export const bindAddresses: LessonDefinition = {
  id: 'bind-addresses',
  title: '4 · Bind addresses',
  summary:
    'Inside a container, "localhost" is the container itself. Listen on 0.0.0.0 to be reachable; publish on 127.0.0.1 to stay private to the host.',
  networks: [],
  containerGroups: [
    [
      baseContainer('server', {
        ports: [{ hostIp: '127.0.0.1', hostPort: PORT, containerPort: PORT, protocol: 'tcp' }],
      }),
      baseContainer('client'),
    ],
  ],
  steps: (ctx) => [
    {
      id: 'loopback',
      title: 'Listen on 127.0.0.1 only',
      text: 'Many services listen on localhost by default. In a container, that is the container’s own loopback.',
      commands: [{ container: 'server', text: persistentListener(ctx.nc, PORT, '127.0.0.1') }],
      action: null,
      check: `server listens on 127.0.0.1:${PORT} only`,
      verify: (ctx) => listenCheck(ctx, true),
    },
    {
      id: 'probe-loopback',
      title: 'Who can reach it?',
      text: 'Probe from the client, from inside the server, and from this host through the published port.',
      commands: [],
      action: probe,
      check: null,
    },
    {
      id: 'any',
      title: 'Listen on 0.0.0.0',
      text: 'Stop the listener and bind to every address of the container.',
      commands: [{ container: 'server', text: persistentListener(ctx.nc, PORT), interrupt: true }],
      action: null,
      check: `server listens on 0.0.0.0:${PORT}`,
      verify: (ctx) => listenCheck(ctx, false),
    },
    {
      id: 'probe-any',
      title: 'Who can reach it now?',
      text: 'The client and the host get in. The port is published as `127.0.0.1:1234:1234`, so only this host can use it: Docker limits access, not the service.',
      commands: [],
      action: probe,
      check: null,
    },
  ],
};
