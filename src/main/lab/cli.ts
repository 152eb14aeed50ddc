// `npm run lab -- two-hosts up|down|status [--image IMAGE] [--json]`: the local two-host lab.
import { engineTargetFromEnvironment } from '../engine/connect';
import { toErrorShape } from '../../shared/errors';
import { defaultLabImage, labDown, labStatus, labUp } from './two-hosts';
import { parseLabArgs } from './lab-args';

function print(json: boolean, value: unknown, text: string): void {
  console.log(json ? JSON.stringify(value, null, 2) : text);
}

async function main(): Promise<number> {
  const args = parseLabArgs(process.argv.slice(2));
  if (args.action === 'up') {
    const result = await labUp({
      image: args.image ?? defaultLabImage,
      main: engineTargetFromEnvironment().docker,
    });
    const lines = [
      result.started
        ? `lab: two hosts up in ${result.seconds.toFixed(1)} s (image ${result.state.image} loaded into both)`
        : 'lab: already up',
      ...result.state.nodes.map((n) => `  ${n.name}  ${n.endpoint}  (underlay ${n.underlayIp})`),
      'Use one: DOCKER_HOST=' + (result.state.nodes[0]?.endpoint ?? '') + ' docker ps',
      'Both in one Crosstalk window: Engines → Add node1, Add node2 (lesson 5 adds them itself)',
      'Stop it: npm run lab -- two-hosts down',
    ];
    print(args.json, result, lines.join('\n'));
  } else if (args.action === 'down') {
    const result = await labDown();
    const removed = `${result.stopped.length} daemons, ${result.killed.length} leftover processes, ${result.unmounted.length} mounts, ${result.namespaces.length} namespaces`;
    print(args.json, result, `lab: down (removed ${removed})`);
  } else {
    const status = await labStatus();
    const lines = [
      `lab: ${status.up ? 'up' : 'down'}`,
      ...status.nodes.map(
        (n) =>
          `  ${n.name}  ${n.endpoint}  namespace ${n.namespace ? 'yes' : 'no'}, dockerd ${n.running ? `pid ${n.pid}` : 'not running'}${n.engineName ? `, answers as ${n.engineName}, swarm ${n.swarm}` : ''}`,
      ),
    ];
    const t = status.traces;
    if (!status.up && t.namespaces.length + t.mounts.length + t.processes.length > 0) {
      lines.push(
        `  traces left: ${t.namespaces.length} namespaces, ${t.mounts.length} mounts, ${t.processes.length} processes (run \`down\`)`,
      );
    }
    print(args.json, status, lines.join('\n'));
    return status.up ? 0 : 3;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const e = toErrorShape(error);
    console.error(`lab: ${e.message}${e.hint ? `\n  ${e.hint}` : ''}`);
    process.exit(1);
  },
);
