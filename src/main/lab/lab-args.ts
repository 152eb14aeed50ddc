// The lab's command line, checked before anything touches the machine.
import { z } from 'zod';
import { AppError } from '../../shared/errors';

const usage = 'usage: npm run lab -- two-hosts up|down|status [--image IMAGE] [--json]';

export interface LabArgs {
  action: 'up' | 'down' | 'status';
  image?: string;
  json: boolean;
}

const imageName = z.string().regex(/^[a-z0-9][a-z0-9._\-/:@]*$/i, 'not an image name');

export function parseLabArgs(argv: string[]): LabArgs {
  const [lab, action, ...rest] = argv;
  if (lab !== 'two-hosts')
    throw new AppError('invalid-input', `Unknown lab "${lab ?? ''}".`, usage);
  if (action !== 'up' && action !== 'down' && action !== 'status') {
    throw new AppError('invalid-input', `Unknown action "${action ?? ''}".`, usage);
  }
  const args: LabArgs = { action, json: false };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (flag === '--json') args.json = true;
    else if (flag === '--image' && action === 'up') {
      const parsed = imageName.safeParse(rest[++i]);
      if (!parsed.success)
        throw new AppError(
          'invalid-input',
          `--image needs an image name, got "${rest[i] ?? ''}".`,
          usage,
        );
      args.image = parsed.data;
    } else throw new AppError('invalid-input', `Unknown option "${flag}".`, usage);
  }
  return args;
}
