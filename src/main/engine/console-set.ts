// The consoles of one connected client (a window or a browser tab). When the
// client goes away, all of its consoles close with it.
import type { ConsoleOpened } from '../../shared/contract';
import type { ConsoleToMain } from '../../shared/console-protocol';
import { AppError } from '../../shared/errors';
import { ConsoleSession, type ConsoleOptions, type ConsoleSink } from './console-session';
import type { LiveState } from './live-state';

const MAX_CONSOLES = 64;

export class ConsoleSet {
  private readonly sessions = new Map<string, ConsoleSession>();

  constructor(private readonly state: LiveState) {}

  get size(): number {
    return this.sessions.size;
  }

  async open(options: ConsoleOptions, sink: ConsoleSink): Promise<ConsoleOpened> {
    if (this.sessions.has(options.consoleId)) {
      throw new AppError(
        'invalid-input',
        `Console ${options.consoleId} is already open.`,
        'Use a new console id.',
      );
    }
    if (this.sessions.size >= MAX_CONSOLES) {
      throw new AppError(
        'invalid-input',
        `At most ${MAX_CONSOLES} consoles can be open at once.`,
        'Close some consoles first.',
      );
    }
    const session = new ConsoleSession(this.state, options, sink);
    // Reserve the id while connecting so input arriving early is not lost to a race.
    this.sessions.set(options.consoleId, session);
    try {
      return await session.open();
    } catch (error) {
      this.sessions.delete(options.consoleId);
      await session.close();
      throw error;
    }
  }

  /** Routes one stream message; unknown consoles are ignored (they just closed). */
  deliver(consoleId: string, msg: ConsoleToMain): void {
    const session = this.sessions.get(consoleId);
    if (!session) return;
    if (msg.op === 'input') session.input(msg.data);
    else if (msg.op === 'resize') session.resize(msg.cols, msg.rows);
    else session.ack(msg.bytes);
  }

  async close(consoleId: string): Promise<void> {
    const session = this.sessions.get(consoleId);
    this.sessions.delete(consoleId);
    await session?.close();
  }

  /** Closes every console; with `reason`, each says it as its last line. Returns how many. */
  async closeAll(reason?: string): Promise<number> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map((s) => (reason ? s.end(reason) : s.close())));
    return all.length;
  }
}
