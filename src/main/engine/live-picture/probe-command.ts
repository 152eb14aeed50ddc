// How a probe runs inside a container, with whatever the image has. Netcat flavours differ:
// the traditional one and OpenBSD's take -z (connect, send nothing); busybox's small nc does
// not, but it takes -e (run a program once connected). Without either, bash's /dev/tcp under
// `timeout` stands in. Commands are argument vectors, never shell strings: the host and port
// reach bash as positional parameters.
//
// Two modes. `touch` connects and hangs up: enough where the address is the container's own.
// `hold` connects and stays a moment, for the host's published ports: Docker's proxy accepts
// there even when nothing listens behind it (or only on the container's loopback), and then
// hangs up at once; only a connection that stays open reached the container.
import type { ProbeOutcome } from '../../../shared/live-picture';

export type ProbeTool = 'nc' | 'nc-exec' | 'bash' | 'none';
export type ProbeMode = 'touch' | 'hold';

/** Connect timeout, and how long `hold` stays, in seconds: every probe ends within ~2 s. */
export const CONNECT_TIMEOUT_S = 1;
/** A held connection that ended sooner than this (ms, exec included) was hung up on. */
const HUNG_UP_MS = 700;

/** First ask nc for its usage; the answer names -z or -e when it has them. */
export const NC_HELP = ['nc', '-h'];
/** Then whether bash and timeout are both there. */
export const BASH_CHECK = ['bash', '-c', 'command -v timeout'];

export interface CommandResult {
  exitCode: number | null;
  output: string;
}

/** Which way the image's nc can probe, from its usage text; null when it cannot. */
export function ncFlavour(help: CommandResult | null): 'nc' | 'nc-exec' | null {
  if (help === null) return null;
  if (/(^|\s)-z\b/m.test(help.output)) return 'nc';
  return /(^|\s)-e\b/m.test(help.output) ? 'nc-exec' : null;
}

export const bashCanProbe = (check: CommandResult | null): boolean =>
  check !== null && check.exitCode === 0 && check.output.trim() !== '';

const BASH_TOUCH = 'exec 3<>"/dev/tcp/$1/$2"';
/** Exit 4: connected, then the far end hung up (read saw end of file) within half a second. */
const BASH_HOLD = `${BASH_TOUCH} || exit 3; read -t 0.5 -u 3 _; [ $? -eq 1 ] && exit 4; exit 0`;

export function probeCommand(
  tool: Exclude<ProbeTool, 'none'>,
  mode: ProbeMode,
  host: string,
  port: number,
): string[] {
  const s = String(CONNECT_TIMEOUT_S);
  const p = String(port);
  switch (tool) {
    case 'nc': {
      // -n: an IP needs no reverse lookup (which can take longer than the probe itself).
      const numeric = /^[\d.]+$|:/.test(host) ? ['-n'] : [];
      // Holding: stdin is empty, so nc waits -w seconds for the far end, or for it to hang up.
      return ['nc', ...numeric, '-v', ...(mode === 'touch' ? ['-z'] : []), '-w', s, host, p];
    }
    case 'nc-exec':
      // `true` hangs up at once; `cat` stays until the far end does, or timeout ends it.
      return mode === 'touch'
        ? ['nc', '-w', s, host, p, '-e', 'true']
        : ['timeout', s, 'nc', '-w', s, host, p, '-e', 'cat'];
    case 'bash':
      return [
        'timeout',
        String(CONNECT_TIMEOUT_S * 2),
        'bash',
        '-c',
        mode === 'touch' ? BASH_TOUCH : BASH_HOLD,
        'probe',
        host,
        p,
      ];
  }
}

const patterns: [RegExp, ProbeOutcome][] = [
  [/connection refused/i, 'refused'],
  [/timed out/i, 'timeout'],
  [
    /unknown host|name or service not known|bad address|host lookup failed|not known/i,
    'unresolved',
  ],
  [/no route to host|network is unreachable|host is unreachable/i, 'unreachable'],
];

export interface ProbeRun extends CommandResult {
  tool: Exclude<ProbeTool, 'none'>;
  mode: ProbeMode;
  ms: number;
}

/** For `hold`: did the far end stay (open), hang up (closed), or was there no connection (null)? */
function held(run: ProbeRun): 'open' | 'closed' | null {
  const killed = run.exitCode === 124 || run.exitCode === 143;
  switch (run.tool) {
    case 'nc':
      if (run.exitCode !== 0 && !/\bopen\b|succeeded/i.test(run.output)) return null;
      return run.ms < HUNG_UP_MS ? 'closed' : 'open';
    case 'nc-exec':
      return killed ? 'open' : run.exitCode === 0 ? 'closed' : null;
    case 'bash':
      return run.exitCode === 0 ? 'open' : run.exitCode === 4 ? 'closed' : null;
  }
}

/** The outcome of one probe from its exit code, what it printed and how long it took. */
export function classifyProbe(run: ProbeRun): { outcome: ProbeOutcome; detail: string } {
  const said = run.output
    .split('\n')
    .map((l) => l.trim())
    // nc -v chatter about reverse lookups says nothing about the connection.
    .filter((l) => l && !/inverse host lookup failed|DNS fwd\/rev mismatch/i.test(l))
    .join(' · ');
  if (run.mode === 'hold') {
    const state = held(run);
    if (state === 'closed') {
      return {
        outcome: 'closed',
        detail: 'accepted, then hung up at once: nothing listens behind it',
      };
    }
    if (state === 'open') return { outcome: 'open', detail: said || 'connected and stayed open' };
  } else if (run.exitCode === 0) {
    return { outcome: 'open', detail: said || 'connected' };
  }
  for (const [re, outcome] of patterns) if (re.test(said)) return { outcome, detail: said };
  // timeout(1) says 124 (coreutils) or 143 (busybox: killed by TERM) when time ran out.
  if (run.exitCode === 124 || run.exitCode === 143) {
    return { outcome: 'timeout', detail: said || `no answer within ${CONNECT_TIMEOUT_S} s` };
  }
  return { outcome: 'error', detail: said || `exit code ${run.exitCode ?? 'unknown'}` };
}
