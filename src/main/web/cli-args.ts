// `npm run web` arguments: --port N, --no-open, --host ADDRESS, --engine ID-OR-NAME, --new-token.
export interface WebCliOptions {
  /** null: the port the last run used (kept with the token), else a free one. */
  port: number | null;
  open: boolean;
  host: string;
  /** The engine to start on (an id or name the engine switcher lists), over any other choice. */
  engine: string | null;
  /** Replace the kept access token (old URLs stop working). */
  newToken: boolean;
}

const USAGE =
  'npm run web -- [--port N] [--no-open] [--host ADDRESS] [--engine NAME] [--new-token]';

export function parseWebArgs(argv: string[]): WebCliOptions {
  const options: WebCliOptions = {
    port: null,
    open: true,
    host: '127.0.0.1',
    engine: null,
    newToken: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new Error(
            `--port takes a number from 0 to 65535 (0 picks a free port), not "${raw}".`,
          );
        }
        options.port = port;
        break;
      }
      case '--new-token':
        options.newToken = true;
        break;
      case '--no-open':
        options.open = false;
        break;
      case '--host':
        options.host = value();
        break;
      case '--engine':
        options.engine = value();
        break;
      default:
        throw new Error(`Unknown option ${arg}. Usage: ${USAGE}`);
    }
  }
  return options;
}
