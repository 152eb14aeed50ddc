// Browser mode's access kept across restarts, as Jupyter keeps its token: the token and the
// port live in a file only this user may read (0600, in a 0700 folder of Crosstalk's config
// folder), so `npm run web` prints the same URL each time and an open page reconnects to the
// restarted server by itself. `--new-token` rotates the token. A file others could read is
// no secret any more: its token is replaced, never reused.
import {
  chmodSync,
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { configDir } from '../engine/config-dir';
import { newToken } from './auth';

export const ACCESS_FILE = 'browser-mode.json';
const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;
const checksModes = process.platform !== 'win32';

export interface KeptAccess {
  token: string;
  /** The port the last run listened on, to listen there again (null: none yet). */
  port: number | null;
  path: string;
  /** What was repaired or renewed, to print (null: the file was sound). */
  note: string | null;
  /** Writes the port this run listens on, for the next run. */
  rememberPort(port: number): void;
}

/** Thrown when the file or folder cannot be trusted and is not ours to repair. */
export class AccessFileError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export function keepAccess(
  options: { dir?: string; newToken?: boolean; uid?: number } = {},
): KeptAccess {
  const dir = options.dir ?? configDir();
  const path = join(dir, ACCESS_FILE);
  const uid = options.uid ?? process.getuid?.() ?? -1;
  const notes: string[] = [];
  secureFolder(dir, uid, notes);
  const stored = readTrusted(path, uid, notes);
  const kept = options.newToken ? null : stored?.token;
  const token = kept ?? newToken();
  if (options.newToken) notes.push('made a new access token (--new-token): old URLs stop working');
  let port = stored?.port ?? null;
  if (!kept) write(path, { token, port });
  return {
    token,
    port,
    path,
    note: notes.length ? `${path}: ${notes.join('; ')}.` : null,
    rememberPort(next) {
      if (next === port) return;
      port = next;
      write(path, { token, port });
    },
  };
}

/** The folder exists, is ours, and only we may enter it. */
function secureFolder(dir: string, uid: number, notes: string[]): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory()) {
    throw new AccessFileError(`${dir} is not a folder.`, 'Move it away and start again.');
  }
  if (!checksModes) return;
  if (uid >= 0 && st.uid !== uid) {
    throw new AccessFileError(
      `${dir} belongs to another user (uid ${st.uid}), so browser mode's access token cannot be kept there safely.`,
      'Set XDG_CONFIG_HOME (or CROSSTALK_CONFIG_DIR) to a folder of your own.',
    );
  }
  if (st.mode & 0o077) {
    chmodSync(dir, 0o700);
    notes.push(`the folder was mode ${octal(st.mode)}, now 0700`);
  }
}

/** The stored token and port, or null when there is none worth keeping. */
function readTrusted(
  path: string,
  uid: number,
  notes: string[],
): { token: string; port: number | null } | null {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return null; // first run
  }
  if (!st.isFile()) {
    throw new AccessFileError(
      `${path} is not a plain file (a link or a folder), so it is not trusted to hold the access token.`,
      'Remove it; browser mode then makes a new one.',
    );
  }
  if (checksModes && uid >= 0 && st.uid !== uid) {
    throw new AccessFileError(
      `${path} belongs to another user (uid ${st.uid}).`,
      'Remove it; browser mode then makes a new one.',
    );
  }
  if (checksModes && st.mode & 0o077) {
    // Others could read it: the token may be known to them. A new one, in a 0600 file.
    notes.push(`it was mode ${octal(st.mode)} (readable by others): made a new token, now 0600`);
    return null;
  }
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { token?: unknown; port?: unknown };
    if (typeof parsed.token !== 'string' || !TOKEN.test(parsed.token)) throw new Error();
    const port =
      Number.isInteger(parsed.port) &&
      (parsed.port as number) > 0 &&
      (parsed.port as number) < 65536
        ? (parsed.port as number)
        : null;
    return { token: parsed.token, port };
  } catch {
    notes.push('it was unreadable: made a new token');
    return null;
  }
}

/** Writes the whole file at once, created 0600 (never briefly readable by others). */
function write(path: string, access: { token: string; port: number | null }): void {
  const partial = `${path}.${process.pid}.tmp`;
  rmSync(partial, { force: true });
  const fd = openSync(partial, 'wx', 0o600);
  try {
    writeSync(fd, JSON.stringify(access, null, 2) + '\n');
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

/**
 * Listens on the port asked for; none asked, on the kept one (the same URL as last time), or
 * on a free one when that is taken. The port used is kept for the next run.
 */
export async function listenKept<S extends { port: number }>(
  access: KeptAccess,
  asked: number | null,
  listen: (port: number) => Promise<S>,
  warn: (text: string) => void,
): Promise<S> {
  const kept = asked === null ? access.port : null;
  const server = await listen(asked ?? kept ?? 0).catch((error: unknown) => {
    if (kept === null || (error as { code?: string }).code !== 'EADDRINUSE') throw error;
    warn(
      `port ${kept} (kept from the last run) is taken; a page opened before will not find this one.`,
    );
    return listen(0);
  });
  access.rememberPort(server.port);
  return server;
}
