// Lesson 3: a user-defined network, whose embedded DNS keeps names right when
// containers come and go.
import type { LessonContext, LessonAction, LessonDefinition } from './lesson';
import { baseContainer, ipOn, result } from './lesson';
import { listenCommand } from './netcat';
import { printed, readFileIn, recentOutput, runIn, socketsOf } from './probes';
import { recreate, wasRecreated } from './recreate';

const PORT = 1234;
const NETWORK = 'example';
const server = baseContainer('server', { network: NETWORK });

/** What `server` resolves to inside the client, asked of the embedded DNS. */
async function resolveInClient(ctx: Parameters<LessonDefinition['steps']>[0]): Promise<string> {
  const out = await runIn(ctx.docker, 'client', [
    'sh',
    '-c',
    'ping -c 1 -W 1 server 2>&1 | head -n 1',
  ]);
  return /\((\d+\.\d+\.\d+\.\d+)\)/.exec(out.stdout)?.[1] ?? '';
}

/** Docker's embedded DNS is 127.0.0.11; Podman's aardvark-dns answers on the network's gateway. */
async function expectedResolver(ctx: LessonContext): Promise<string> {
  if (ctx.engineKind !== 'podman') return '127.0.0.11';
  const info = await ctx.docker.getContainer('client').inspect();
  return info.NetworkSettings.Networks[NETWORK]?.Gateway ?? '';
}

const recreateServer: LessonAction = {
  id: 'recreate-server',
  label: 'Re-create server',
  run: async (ctx) => {
    const { oldIp, newIp } = await recreate(ctx, server);
    return result(
      true,
      `server re-created: it was ${oldIp}, it is now ${newIp} (a stand-in container held ${oldIp} meanwhile, as another container would on a busy engine).`,
    );
  },
};

export const userNetworks: LessonDefinition = {
  id: 'user-networks',
  title: '3 · User-defined networks',
  summary:
    'Containers on a network you created find each other by name through Docker’s embedded DNS, which follows them when they are re-created.',
  networks: [NETWORK],
  containerGroups: [[server, baseContainer('client', { network: NETWORK })]],
  steps: (ctx) => [
    {
      id: 'dns',
      title: 'The embedded DNS',
      text:
        ctx.engineKind === 'podman'
          ? `Both containers are on the network \`${NETWORK}\`. Podman’s resolver for it is aardvark-dns, listening on the network’s gateway.`
          : `Both containers are on the network \`${NETWORK}\`. Their resolver is Docker’s embedded DNS at 127.0.0.11.`,
      commands: [{ container: 'client', text: 'cat /etc/resolv.conf' }],
      action: null,
      check:
        ctx.engineKind === 'podman'
          ? `client’s resolv.conf names the gateway of ${NETWORK}`
          : 'client’s resolv.conf names 127.0.0.11',
      verify: async (ctx) => {
        const lines = (await readFileIn(ctx.docker, 'client', '/etc/resolv.conf'))
          .split('\n')
          .filter(Boolean);
        const line = lines.find((l) => l.startsWith('nameserver'));
        const resolver = await expectedResolver(ctx);
        const right = line?.trim() === `nameserver ${resolver}`;
        // The step is to look: the line must have been shown in the client's console.
        const shown = right && (await printed(ctx.docker, 'client', `nameserver ${resolver}`));
        return result(
          shown,
          !line
            ? 'No nameserver line.'
            : !right || shown
              ? `"${line.trim()}"`
              : `The client’s resolv.conf has "${line.trim()}", but its console has not shown the file yet.`,
          lines,
        );
      },
    },
    {
      id: 'talk',
      title: 'Talk by name',
      text: 'No link needed: the name `server` resolves on this network.',
      commands: [
        { container: 'server', text: listenCommand(ctx.nc.flavour, PORT) },
        { container: 'client', text: `nc server ${PORT}` },
        { container: 'client', text: 'now it works' },
      ],
      action: null,
      check: 'the server printed "now it works"',
      verify: async (ctx) => {
        const ok = (await recentOutput(ctx.docker, 'server')).includes('now it works');
        return result(
          ok,
          ok
            ? 'The server received "now it works".'
            : 'The server has not printed "now it works" yet.',
        );
      },
    },
    {
      id: 'recreate',
      title: 'Re-create the server',
      text: 'Remove the server and create it again. Nothing is done to the client, yet the name follows the new container.',
      commands: [],
      action: recreateServer,
      check: 'server resolves in the client to the new server’s address',
      verify: async (ctx) => {
        if (!(await wasRecreated(ctx, 'server')).recreated)
          return result(
            false,
            'server is still the container Set up made: it has not been re-created yet, so there is no new address to follow.',
          );
        const [ip, resolved] = await Promise.all([
          ipOn(ctx.docker, 'server', NETWORK),
          resolveInClient(ctx),
        ]);
        return result(
          resolved !== '' && resolved === ip,
          resolved === ip
            ? `In the client, server resolves to ${resolved}: the new server.`
            : `In the client, server resolves to ${resolved || 'nothing'}, but the server is ${ip}.`,
        );
      },
    },
    {
      id: 'reconnect',
      title: 'Reconnect, by the same name',
      text: 'Listen on the new server and connect again from the same client.',
      commands: [
        { container: 'server', text: listenCommand(ctx.nc.flavour, PORT) },
        { container: 'client', text: `nc server ${PORT}`, interrupt: true },
      ],
      action: null,
      check: 'client has a connection open to the new server',
      verify: async (ctx) => {
        const ip = await ipOn(ctx.docker, 'server', NETWORK);
        const open = (await socketsOf(ctx.docker, 'client')).some(
          (s) => s.state === 'ESTABLISHED' && s.remoteIp === ip && s.remotePort === PORT,
        );
        return result(
          open,
          open
            ? `client → ${ip}:${PORT} is established.`
            : `client has no connection to ${ip}:${PORT}.`,
        );
      },
    },
  ],
};
