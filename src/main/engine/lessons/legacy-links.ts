// Lesson 2: legacy --link: a hosts line and environment variables in the
// client, one way only, and broken when the server is re-created.
import type { LessonAction, LessonDefinition } from './lesson';
import { baseContainer, ipOn, result } from './lesson';
import { listenCommand } from './netcat';
import { printed, readFileIn, recentOutput, runIn } from './probes';
import { recreate, wasRecreated } from './recreate';

const PORT = 1234;
const server = baseContainer('server', { expose: [`${PORT}/tcp`] });

const recreateServer: LessonAction = {
  id: 'recreate-server',
  label: 'Re-create server',
  run: async (ctx) => {
    const { oldIp, newIp } = await recreate(ctx, server);
    return result(
      true,
      `server re-created: it was ${oldIp}, it is now ${newIp || 'not on the bridge'} (a stand-in container held ${oldIp} meanwhile, as another container would on a busy engine).`,
    );
  },
};

export const legacyLinks: LessonDefinition = {
  id: 'legacy-links',
  title: '2 · Legacy links',
  summary:
    '`--link server` writes the server into the client’s /etc/hosts and environment. It is one way, and it breaks when the server is re-created.',
  networks: [],
  unsupportedOn: {
    podman:
      'Podman has no `--link`: it refuses legacy links ("link is not supported"), so this lesson is skipped on Podman. Containers on a Podman network find each other by name instead: see lesson 3.',
  },
  containerGroups: [[server], [baseContainer('client', { links: [{ target: 'server' }] })]],
  steps: (ctx) => [
    {
      id: 'hosts',
      title: 'The link is a line in /etc/hosts',
      text: 'Docker wrote the server’s address into the client’s /etc/hosts when the client started.',
      commands: [{ container: 'client', text: 'cat /etc/hosts' }],
      action: null,
      check: 'client’s /etc/hosts has a line for server',
      verify: async (ctx) => {
        const ip = await ipOn(ctx.docker, 'server', 'bridge');
        const lines = (await readFileIn(ctx.docker, 'client', '/etc/hosts'))
          .split('\n')
          .filter(Boolean);
        const line = lines.find((l) => /\sserver(\s|$)/.test(l));
        // The step is to look: the line must have been shown in the client's console.
        const shown = Boolean(line) && (await printed(ctx.docker, 'client', line!.trim()));
        return result(
          Boolean(line?.startsWith(ip)) && shown,
          !line
            ? 'No line for server in the client’s /etc/hosts.'
            : shown
              ? `"${line.trim()}": server is ${ip}.`
              : `The client’s /etc/hosts has "${line.trim()}", but its console has not shown the file yet.`,
          line ? [line, ...lines.filter((l) => l !== line)] : lines,
        );
      },
    },
    {
      id: 'env',
      title: '…and environment variables',
      text: 'Because the server exposes a port, the client also got SERVER_* variables: the old way services found each other.',
      commands: [{ container: 'client', text: 'env | grep SERVER_' }],
      action: null,
      check: 'client’s environment has SERVER_PORT',
      verify: async (ctx) => {
        // Link variables are set when the client starts, so ask the running client, not its config.
        const env = (await runIn(ctx.docker, 'client', ['env'])).stdout.split('\n');
        const vars = env.filter((e) => e.startsWith('SERVER_'));
        const port = vars.find((e) => e.startsWith('SERVER_PORT='));
        const shown = Boolean(port) && (await printed(ctx.docker, 'client', port!));
        return result(
          shown,
          !port
            ? 'No SERVER_PORT in the client’s environment.'
            : shown
              ? port
              : `The client has ${port}, but its console has not listed the SERVER_ variables yet.`,
          vars,
        );
      },
    },
    {
      id: 'talk',
      title: 'Talk through the link',
      text: 'The client reaches the server by its link name.',
      commands: [
        { container: 'server', text: listenCommand(ctx.nc.flavour, PORT) },
        { container: 'client', text: `nc server ${PORT}` },
        { container: 'client', text: 'I am client' },
      ],
      action: null,
      check: 'the server printed "I am client"',
      verify: async (ctx) => {
        const ok = (await recentOutput(ctx.docker, 'server')).includes('I am client');
        return result(
          ok,
          ok
            ? 'The server received "I am client".'
            : 'The server has not printed "I am client" yet.',
        );
      },
    },
    {
      id: 'one-way',
      title: 'One way only',
      text: 'The server was never told about the client: it cannot resolve the name `client`.',
      commands: [
        {
          container: 'server',
          // The answer is split in the command so that only its output reads whole.
          text: 'grep client /etc/hosts || echo "server cannot resolve" client',
          interrupt: true,
        },
      ],
      action: null,
      check: 'server’s /etc/hosts has no line for client',
      verify: async (ctx) => {
        const lines = (await readFileIn(ctx.docker, 'server', '/etc/hosts'))
          .split('\n')
          .filter(Boolean);
        const knows = lines.some((l) => /\sclient(\s|$)/.test(l));
        const looked = await printed(ctx.docker, 'server', 'server cannot resolve client');
        return result(
          !knows && looked,
          knows
            ? 'The server can resolve client.'
            : looked
              ? 'The server has no entry for client: links go one way.'
              : 'The server has no entry for client, but its console has not looked yet.',
          lines,
        );
      },
    },
    {
      id: 'recreate',
      title: 'Re-create the server',
      text: 'Remove the server and create it again with the same name, as a deploy would. Then look at the client’s /etc/hosts again.',
      commands: [{ container: 'client', text: 'cat /etc/hosts', interrupt: true }],
      action: recreateServer,
      check: 'what the client now knows about server',
      verify: async (ctx) => {
        const { recreated } = await wasRecreated(ctx, 'server');
        const ip = await ipOn(ctx.docker, 'server', 'bridge').catch(() => '');
        if (!recreated)
          return result(
            false,
            `server is still the container Set up made (${ip || 'not running'}): it has not been re-created yet.`,
          );
        let hosts: string;
        try {
          hosts = await readFileIn(ctx.docker, 'client', '/etc/hosts');
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (!/Cannot link to a non running container/.test(message)) throw error;
          return result(
            true,
            `The link is broken: the engine refuses even to run a command in the client ("Cannot link to a non running container"). The link named the old server container, which is gone; the new server (${ip}) is a different container with the same name.`,
          );
        }
        const lines = hosts.split('\n').filter(Boolean);
        const line = lines.find((l) => /\sserver(\s|$)/.test(l));
        const stale = !line || (!line.startsWith(`${ip}\t`) && !line.startsWith(`${ip} `));
        return result(
          stale,
          !line
            ? `The client lost its line for server (the new server is ${ip}). The link pointed at the old container, and the client cannot even restart: "Cannot link to a non running container".`
            : stale
              ? `The client still points server at ${line.split(/\s/)[0]}, but the new server is ${ip}: a stale address.`
              : `The client's line matches the new server (${ip}) — the link has not broken yet.`,
          line ? [line] : lines,
        );
      },
    },
  ],
};
