// Runs a system command and turns a failure into an AppError that says which command failed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AppError } from '../../shared/errors';

const execFileAsync = promisify(execFile);

export async function run(argv: string[], hint = ''): Promise<string> {
  const [cmd, ...args] = argv as [string, ...string[]];
  try {
    const { stdout } = await execFileAsync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
    return stdout;
  } catch (error) {
    const e = error as { code?: unknown; stderr?: string; message: string };
    const said = (e.stderr ?? '').trim() || e.message;
    if (e.code === 'ENOENT') {
      throw new AppError(
        'engine-error',
        `\`${cmd}\` is not installed.`,
        hint || `Install the package that provides ${cmd}.`,
      );
    }
    throw new AppError('engine-error', `\`${argv.join(' ')}\` failed: ${said}`, hint);
  }
}

/** Is a program on PATH? */
export async function hasCommand(cmd: string): Promise<boolean> {
  try {
    await execFileAsync('sh', ['-c', `command -v ${cmd}`]);
    return true;
  } catch {
    return false;
  }
}
