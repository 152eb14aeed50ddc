import { describe, expect, it } from 'vitest';
import {
  bashCanProbe,
  classifyProbe,
  ncFlavour,
  probeCommand,
  type ProbeRun,
} from './probe-command';

// Recorded in crosstalk-test containers on a user-defined network "lp-exp-net".
const traditionalHelp = `[v1.10-47]
connect to somewhere:	nc [-options] hostname port[s] [ports] ...
	-w secs			timeout for connects and final net reads
	-C			Send CRLF as line-ending
	-z			zero-I/O mode [used for scanning]
`;
const busyboxHelp = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: nc [-iN] [-wN] [-l] [-p PORT] [-f FILE|IPADDR PORT] [-e PROG]

Open a pipe to IP:PORT or FILE

	-l	Listen mode, for inbound connects
		(use -ll with -e for persistent server)
	-p PORT	Local port
	-w SEC	Connect timeout
	-i SEC	Delay interval for lines sent
	-f FILE	Use file (ala /dev/ttyS0) instead of network
	-e PROG	Run PROG after connect
`;
const missing =
  'OCI runtime exec failed: exec failed: unable to start container process: exec: "nc": executable file not found in $PATH: unknown\r\n';

describe('probe tool detection', () => {
  it('uses nc -z where it has it, else nc -e (busybox), else nothing', () => {
    expect(ncFlavour({ exitCode: 1, output: traditionalHelp })).toBe('nc');
    expect(ncFlavour({ exitCode: 1, output: busyboxHelp })).toBe('nc-exec');
    expect(ncFlavour({ exitCode: 1, output: 'usage: nc [-l] [-p PORT] HOST PORT' })).toBeNull();
    expect(ncFlavour({ exitCode: 127, output: missing })).toBeNull();
    expect(ncFlavour(null)).toBeNull();
  });

  it('falls back to bash only with timeout', () => {
    expect(bashCanProbe({ exitCode: 0, output: 'timeout\n' })).toBe(true);
    expect(bashCanProbe({ exitCode: 1, output: '' })).toBe(false);
    expect(bashCanProbe({ exitCode: 127, output: missing })).toBe(false);
  });
});

describe('probeCommand', () => {
  it('touches names and IPs with nc -z, IPs without reverse lookups', () => {
    expect(probeCommand('nc', 'touch', 'server', 1234)).toEqual([
      'nc',
      '-v',
      '-z',
      '-w',
      '1',
      'server',
      '1234',
    ]);
    expect(probeCommand('nc', 'touch', '172.20.0.2', 1234)).toContain('-n');
    expect(probeCommand('nc', 'hold', '172.20.0.1', 24572)).toEqual([
      'nc',
      '-n',
      '-v',
      '-w',
      '1',
      '172.20.0.1',
      '24572',
    ]);
  });

  it('lets busybox nc hang up at once, or stay under timeout', () => {
    expect(probeCommand('nc-exec', 'touch', 'server', 1234)).toEqual([
      'nc',
      '-w',
      '1',
      'server',
      '1234',
      '-e',
      'true',
    ]);
    expect(probeCommand('nc-exec', 'hold', 'server', 1234).slice(0, 3)).toEqual([
      'timeout',
      '1',
      'nc',
    ]);
    expect(probeCommand('nc-exec', 'hold', 'server', 1234).at(-1)).toBe('cat');
  });

  it('passes host and port to bash as parameters, never as script text', () => {
    const cmd = probeCommand('bash', 'touch', 'server;reboot', 1234);
    expect(cmd.slice(0, 5)).toEqual(['timeout', '2', 'bash', '-c', 'exec 3<>"/dev/tcp/$1/$2"']);
    expect(cmd.slice(5)).toEqual(['probe', 'server;reboot', '1234']);
    expect(probeCommand('bash', 'hold', 'server;reboot', 1234).slice(5)).toEqual(cmd.slice(5));
  });
});

const touch = (
  tool: ProbeRun['tool'],
  exitCode: number | null,
  output = '',
  ms = 90,
): ProbeRun => ({
  tool,
  mode: 'touch',
  exitCode,
  output,
  ms,
});
const hold = (tool: ProbeRun['tool'], exitCode: number | null, output = '', ms = 90): ProbeRun => ({
  ...touch(tool, exitCode, output, ms),
  mode: 'hold',
});

// Recorded in crosstalk-test and crosstalk-busybox containers on a user-defined network.
describe('classifyProbe', () => {
  it('reads traditional netcat', () => {
    expect(
      classifyProbe(
        touch(
          'nc',
          0,
          'DNS fwd/rev mismatch: lp-exp-server != lp-exp-server.lp-exp-net\nlp-exp-server [172.20.0.2] 1235 (?) open\n',
        ),
      ),
    ).toEqual({ outcome: 'open', detail: 'lp-exp-server [172.20.0.2] 1235 (?) open' });
    const said = (exitCode: number, output: string) =>
      classifyProbe(touch('nc', exitCode, output)).outcome;
    expect(said(1, '(UNKNOWN) [172.20.0.1] 24567 (?) : Connection refused\n')).toBe('refused');
    expect(said(1, 'nosuchname: forward host lookup failed: Unknown host\n')).toBe('unresolved');
    expect(said(1, '(UNKNOWN) [172.21.0.2] 1234 (?) : Connection timed out\n')).toBe('timeout');
    expect(said(1, '(UNKNOWN) [172.21.0.2] 1234 (?) : No route to host\n')).toBe('unreachable');
  });

  it('reads bash /dev/tcp under timeout', () => {
    expect(classifyProbe(touch('bash', 0))).toEqual({ outcome: 'open', detail: 'connected' });
    const refused =
      'probe: connect: Connection refused\nprobe: line 1: /dev/tcp/lp-exp-server/1234: Connection refused\n';
    expect(classifyProbe(touch('bash', 1, refused)).outcome).toBe('refused');
    const unknown =
      'probe: line 1: nosuchname: Name or service not known\nprobe: line 1: /dev/tcp/nosuchname/1234: Invalid argument\n';
    expect(classifyProbe(touch('bash', 1, unknown)).outcome).toBe('unresolved');
    expect(classifyProbe(touch('bash', 124)).outcome).toBe('timeout');
    expect(classifyProbe(touch('bash', 143, 'Terminated')).outcome).toBe('timeout');
  });

  it('reads busybox nc', () => {
    expect(classifyProbe(touch('nc-exec', 0)).outcome).toBe('open');
    const refused = "nc: can't connect to remote host (172.23.0.2): Connection refused\n";
    expect(classifyProbe(touch('nc-exec', 1, refused)).outcome).toBe('refused');
    expect(classifyProbe(touch('nc-exec', 1, "nc: bad address 'nosuch'\n")).outcome).toBe(
      'unresolved',
    );
  });

  it('tells a published port that stays open from Docker’s proxy hanging up', () => {
    // nc.traditional: the proxy hung up after 90 ms; a real server kept it for the whole -w 1.
    const open = '(UNKNOWN) [172.28.0.1] 24572 (?) open\n';
    expect(classifyProbe(hold('nc', 0, open, 90)).outcome).toBe('closed');
    expect(classifyProbe(hold('nc', 0, open, 2085)).outcome).toBe('open');
    // busybox: timeout ended `nc -e cat` (143) only when the connection stayed.
    expect(classifyProbe(hold('nc-exec', 0, '', 76)).outcome).toBe('closed');
    expect(classifyProbe(hold('nc-exec', 143, '', 1092)).outcome).toBe('open');
    // bash: exit 4 is "read saw the end": the far end hung up.
    expect(classifyProbe(hold('bash', 4, '', 96)).outcome).toBe('closed');
    expect(classifyProbe(hold('bash', 0, '', 587)).outcome).toBe('open');
    const refused = '(UNKNOWN) [172.28.0.1] 24579 (?) : Connection refused\n';
    expect(classifyProbe(hold('nc', 1, refused)).outcome).toBe('refused');
  });

  it('calls anything else an error, with what was said', () => {
    expect(classifyProbe(touch('nc', 127, missing))).toMatchObject({
      outcome: 'error',
      detail: expect.stringContaining('executable file not found') as unknown,
    });
    expect(classifyProbe(touch('nc', null))).toEqual({
      outcome: 'error',
      detail: 'exit code unknown',
    });
  });
});
