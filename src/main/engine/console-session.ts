// One live console: a TTY stream to a container (attach to its main process, or
// exec a new shell) wired to a sink in the renderer. Bytes stay bytes; output is
// batched per tick and throttled by watermark flow control; a restarted
// container is reattached with a marker line; closing ends the exec'd shell.
import { Duplex, PassThrough } from 'node:stream';
import type Dockerode from 'dockerode';
import type { ConsoleOpened, ConsoleStatusKind } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { attachStream } from './attach-stream';
import { engineStatus, fromEngine } from './docker-errors';
import { FlowControl } from './flow-control';
import type { ContainerEvent, LiveState } from './live-state';
import { lastLines } from './last-lines';

export interface ConsoleSink {
  output(data: Uint8Array): void;
  /** Input bytes the engine stream has taken (or dropped: no stream), so more may come. */
  inputAcked(bytes: number): void;
  status(kind: ConsoleStatusKind, message: string): void;
}

export interface ConsoleOptions {
  consoleId: string;
  container: string;
  mode: 'attach' | 'exec';
  cols: number;
  rows: number;
}

/** Starts bash when the image has it, else sh, in one round trip. */
const SHELL_PICKER = 'if command -v bash >/dev/null 2>&1; then exec bash -l; else exec sh -l; fi';
const MAX_BATCH = 64 * 1024;
const REPLAY_LINES = 200;
/** How long an exec console waits for its killed container's state to catch up: 10 × 100 ms. */
const SETTLE_TRIES = 10;
const SETTLE_MS = 100;
/**
 * How long an attach waits for its process to redraw after each nudge before nudging again:
 * the engine answers the attach before it forwards output, so a redraw can fall in between
 * and a fresh console would show nothing until a key is pressed.
 */
const REDRAW_WAITS_MS = [250, 500, 1000];
/** How long closing a console keeps hanging up a shell that has not ended yet. */
const HANG_UP_MS = 5000;

/** The line a reattached console shows: why it was away (restarted, or the engine was). */
export const restartMarker = (name: string, why = 'restarted') =>
  `\r\n\x1b[1;33m── ${name} ${why} · console reattached ──\x1b[0m\r\n`;

/** Shell code that runs `action` (with the process's /proc dir in $p) for each process one console started. */
export const forConsoleProcesses = (consoleId: string, action: string) =>
  `for p in /proc/[0-9]*; do if tr '\\0' '\\n' < "$p/environ" 2>/dev/null | grep -qx "CROSSTALK_CONSOLE=${consoleId}"; then ${action}; fi; done`;

/** Shell code that hangs up every process started by one console. */
export const hangUpScript = (consoleId: string) =>
  forConsoleProcesses(consoleId, 'kill -HUP "${p#/proc/}" 2>/dev/null');

export class ConsoleSession {
  private stream: Duplex | null = null;
  private exec: Dockerode.Exec | null = null;
  private containerId = '';
  private containerName = '';
  private startedAt = '';
  private closed = false;
  /** The stream ended because the engine stopped answering: reattach when it answers again. */
  private awaitingEngine = false;
  private reattaching = false;
  private hungUp: Promise<void> | null = null;
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private flushScheduled = false;
  /** Bytes the engine stream has delivered, so a redraw can tell it was seen. */
  private received = 0;
  private readonly flow = new FlowControl(
    () => this.stream?.pause(),
    () => this.stream?.resume(),
  );
  private unfollow: (() => void) | null = null;

  constructor(
    private readonly state: LiveState,
    private readonly options: ConsoleOptions,
    private readonly sink: ConsoleSink,
  ) {}

  get id(): string {
    return this.options.consoleId;
  }

  /** Bytes sent but not yet acknowledged by the renderer. */
  get inFlight(): number {
    return this.flow.pending;
  }

  async open(): Promise<ConsoleOpened> {
    const view = await this.inspect(this.options.container);
    if (view.State?.Running !== true) {
      throw new AppError(
        'invalid-input',
        `"${view.Name.replace(/^\//, '')}" is not running, so there is nothing to attach to.`,
        'Start the container first.',
      );
    }
    this.containerId = view.Id;
    this.containerName = view.Name.replace(/^\//, '');
    if (this.options.mode === 'attach' && !view.Config.OpenStdin) {
      this.sink.status(
        'attached',
        'This container was started without stdin: its output shows here, typing does not reach it. Open a shell instead.',
      );
    }
    // Closed while it was looked up (a console closed as it opens): start nothing.
    if (!this.closed) await this.connect(view);
    if (!this.closed)
      this.unfollow = this.state.followContainer(
        this.containerId,
        (ev) => void this.containerChanged(ev),
      );
    return {
      consoleId: this.id,
      mode: this.options.mode,
      shell: this.options.mode === 'exec' ? 'bash or sh' : null,
    };
  }

  input(data: Uint8Array): void {
    const acked = () => this.sink.inputAcked(data.length);
    // Without a stream (not yet attached, reattaching) the bytes are lost, as keys typed into
    // a disconnected terminal are; they are still acknowledged, so a paste never waits forever.
    if (this.stream?.writable) this.stream.write(data, acked);
    else queueMicrotask(acked);
  }

  ack(bytes: number): void {
    this.flow.acked(bytes);
  }

  resize(cols: number, rows: number): void {
    this.options.cols = cols;
    this.options.rows = rows;
    void this.applySize();
  }

  /** Closes with a last status line saying why (the window switched engines…). */
  async end(message: string): Promise<void> {
    if (!this.closed) this.sink.status('ended', message);
    await this.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unfollow?.();
    this.unfollow = null;
    const stream = this.stream;
    this.stream = null;
    stream?.destroy();
    // Nothing to hang up before the container was found (and no id to ask the engine with).
    if (this.options.mode === 'exec' && this.containerId) await this.hangUp();
  }

  private async inspect(ref: string): Promise<Dockerode.ContainerInspectInfo> {
    try {
      return await this.state.docker.getContainer(ref).inspect();
    } catch (error) {
      throw fromEngine(error, `Opening a console on ${ref}`);
    }
  }

  private async connect(view: Dockerode.ContainerInspectInfo, reattached = false): Promise<void> {
    const container = this.state.docker.getContainer(this.containerId);
    const restarted = view.State.StartedAt !== this.startedAt;
    this.startedAt = view.State.StartedAt;
    let stream: Duplex;
    let replay: Buffer | null = null;
    try {
      if (this.options.mode === 'attach') {
        // After a restart only this run's output: the console already shows the earlier ones.
        if (view.Config.Tty)
          replay = await this.recentOutput(container, reattached ? view.State.StartedAt : null);
        stream = await attachStream(this.state.docker, this.containerId);
        if (!view.Config.Tty) stream = this.demux(stream);
      } else {
        const exec = await container.exec({
          Cmd: ['sh', '-c', SHELL_PICKER],
          AttachStdin: true,
          AttachStdout: true,
          AttachStderr: true,
          Tty: true,
          Env: ['TERM=xterm-256color', `CROSSTALK_CONSOLE=${this.id}`],
        });
        // Closed while the exec was made: it is never started, so no shell is left behind.
        if (this.closed) return;
        this.exec = exec;
        stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as Duplex;
      }
    } catch (error) {
      this.exec = null; // nothing started that a hang-up could find
      const e = fromEngine(error, `Opening a console on "${this.containerName}"`);
      if (/executable file not found|no such file/i.test(e.message)) {
        throw new AppError(
          'invalid-input',
          `"${this.containerName}" has no shell (sh) to open.`,
          'Use "Attach" to reach its main process instead.',
        );
      }
      throw e;
    }
    if (this.closed) {
      // Closed while connecting: end what was just started instead of leaking it.
      stream.destroy();
      if (this.options.mode === 'exec') await this.hangUp();
      return;
    }
    this.flow.reset();
    if (reattached) {
      this.queue(
        Buffer.from(restartMarker(this.containerName, restarted ? 'restarted' : 'engine back')),
      );
    }
    if (replay?.length) this.queue(replay);
    this.stream = stream;
    stream.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      this.queue(chunk);
    });
    stream.on('end', () => void this.streamEnded(stream));
    stream.on('error', () => void this.streamEnded(stream));
    if (this.options.mode === 'attach') void this.redraw(stream);
    else await this.applySize();
  }

  /**
   * The engine's log never holds a prompt (no trailing newline), and the same size again
   * sends no SIGWINCH: one column less, then the real size, makes the shell redraw it. Nudged
   * again while nothing arrives (a process that never redraws just sees a few resizes).
   */
  private async redraw(stream: Duplex): Promise<void> {
    for (const wait of REDRAW_WAITS_MS) {
      const before = this.received;
      await this.applySize(true);
      await new Promise((r) => setTimeout(r, wait));
      if (this.closed || this.stream !== stream || this.received > before) return;
    }
  }

  /** A non-TTY attach multiplexes stdout and stderr; the console shows both. */
  private demux(raw: Duplex): Duplex {
    const out = new PassThrough();
    this.state.docker.modem.demuxStream(raw, out, out);
    raw.on('end', () => out.end());
    return Duplex.from({ readable: out, writable: raw });
  }

  private async recentOutput(
    container: Dockerode.Container,
    startedAt: string | null,
  ): Promise<Buffer | null> {
    // Podman (4.3) answers `tail` on a TTY's log with its partial lines out of order ("hold my
    // word" came back as "drow my dloh"): there the whole log is read and cut here.
    const podman = this.state.status().info?.kind === 'podman';
    try {
      const log = (await container.logs({
        stdout: true,
        stderr: true,
        follow: false,
        ...(podman ? {} : { tail: REPLAY_LINES }),
        ...(startedAt ? { since: (Date.parse(startedAt) / 1000).toFixed(3) } : {}),
      })) as Buffer;
      return podman ? lastLines(log, REPLAY_LINES) : log;
    } catch {
      // Replay is a courtesy; the live stream is what matters.
      return null;
    }
  }

  private async applySize(nudge = false): Promise<void> {
    // A resize that arrives before the console is connected is applied on connect.
    if (!this.containerId || this.closed) return;
    const { rows: h, cols: w } = this.options;
    const resize = (size: { h: number; w: number }) =>
      this.options.mode === 'exec'
        ? this.exec?.resize(size)
        : this.state.docker.getContainer(this.containerId).resize(size);
    try {
      if (nudge) await resize({ h, w: w > 2 ? w - 1 : w + 1 });
      await resize({ h, w });
    } catch {
      // A resize racing a stopping container is harmless.
    }
  }

  private queue(chunk: Buffer): void {
    this.batch.push(chunk);
    this.batchBytes += chunk.length;
    if (this.batchBytes >= MAX_BATCH) return this.flush();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (!this.batchBytes || this.closed) return;
    const data =
      this.batch.length === 1 ? this.batch[0]! : Buffer.concat(this.batch, this.batchBytes);
    this.batch = [];
    this.batchBytes = 0;
    this.flow.sent(data.length);
    this.sink.output(data);
  }

  private async streamEnded(stream: Duplex): Promise<void> {
    if (this.stream !== stream || this.closed) return;
    this.stream = null;
    this.flush();
    const seen = await this.lookUp();
    // A restart's start event may already have reattached us while we asked.
    if (this.stream !== null || this.closed) return;
    this.sayWhyEnded(seen);
  }

  /**
   * The container as the engine sees it now: its view, 'removed' (the engine says no such
   * container), or 'unreachable' (the engine does not answer: it is down, not the container).
   * An exec shell killed with its container can end before the engine marks the container
   * stopped; its signal exit makes us look again until the container's state catches up.
   */
  private async lookUp(): Promise<Dockerode.ContainerInspectInfo | 'removed' | 'unreachable'> {
    for (let i = 0; ; i++) {
      let view: Dockerode.ContainerInspectInfo;
      try {
        view = await this.state.docker.getContainer(this.containerId).inspect();
      } catch (error) {
        return engineStatus(error) === 404 ? 'removed' : 'unreachable';
      }
      if (this.options.mode !== 'exec' || !view.State.Running || i >= SETTLE_TRIES) return view;
      const code = await this.shellExitCode();
      if (code !== null && code < 128) return view;
      await new Promise((r) => setTimeout(r, SETTLE_MS));
    }
  }

  private async shellExitCode(): Promise<number | null> {
    const info = await this.exec?.inspect().catch(() => null);
    return info && !info.Running ? (info.ExitCode ?? null) : null;
  }

  private sayWhyEnded(seen: Dockerode.ContainerInspectInfo | 'removed' | 'unreachable'): void {
    const name = this.containerName;
    if (seen === 'removed') return this.sink.status('ended', `"${name}" was removed.`);
    if (seen === 'unreachable') {
      this.awaitingEngine = true;
      return this.sink.status(
        'detached',
        `The Docker engine is unreachable (stopped or restarting), so the console lost "${name}"; it reattaches when the engine answers again.`,
      );
    }
    const view = seen;
    if (view.State.Running && view.State.StartedAt !== this.startedAt) {
      this.sink.status('detached', `"${name}" restarted; reattaching.`);
    } else if (view.State.Running && this.options.mode === 'exec') {
      void this.shellExitCode().then((code) =>
        this.sink.status(
          'ended',
          `The shell exited${code === null ? '' : ` with code ${code}`}. Open a new console to continue.`,
        ),
      );
    } else if (view.State.Running) {
      this.sink.status('ended', 'The container closed its terminal.');
    } else {
      this.sink.status(
        'detached',
        `"${name}" exited with code ${view.State.ExitCode}; the console reattaches when it starts again.`,
      );
    }
  }

  private async containerChanged(ev: ContainerEvent): Promise<void> {
    if (ev.id !== this.containerId || this.closed) return;
    if (ev.action === 'destroy') {
      this.sink.status('ended', `"${this.containerName}" was removed.`);
      return;
    }
    if (ev.action !== 'start' && ev.action !== 'reconnect') return;
    // The engine is back: only a console that lost it looks again. One reattach at a time
    // (the engine's replayed start event and its return arrive together).
    if (ev.action === 'reconnect' && !this.awaitingEngine) return;
    if (this.reattaching) return;
    this.reattaching = true;
    try {
      const view = await this.inspect(this.containerId).catch(() => null);
      if (!view?.State.Running || this.closed) return;
      // The same process we are already attached to (its start event arrived late).
      if (this.stream && view.State.StartedAt === this.startedAt) return;
      const restarted = view.State.StartedAt !== this.startedAt;
      const old = this.stream;
      this.stream = null;
      old?.destroy();
      this.awaitingEngine = false;
      await this.connect(view, true);
      this.sink.status(
        'reattached',
        restarted
          ? `"${this.containerName}" restarted; the console reattached.`
          : `The engine answers again; the console reattached to "${this.containerName}".`,
      );
    } catch (error) {
      this.sink.status('error', fromEngine(error, 'Reattaching').message);
    } finally {
      this.reattaching = false;
    }
  }

  /** Ends the exec'd shell (once, however often it is asked). */
  private hangUp(): Promise<void> {
    return (this.hungUp ??= this.endShell());
  }

  /**
   * Hangs up the shell until the engine reports it ended. A shell the engine has not yet
   * started (a console closed as it opened, on a busy engine) is waited for, within bounds,
   * so the hang-up cannot run before the shell exists and miss it.
   */
  private async endShell(): Promise<void> {
    const exec = this.exec;
    if (!exec) return; // no shell was started
    const deadline = Date.now() + HANG_UP_MS;
    try {
      for (;;) {
        const { Running, ExitCode } = await exec.inspect();
        if (!Running && ExitCode !== null) return;
        if (Running) await this.sendHangUp();
        if (Date.now() > deadline) return;
        await new Promise((r) => setTimeout(r, Running ? 100 : 25));
      }
    } catch {
      // The container or the engine is gone, which ends the shell too.
    }
  }

  private async sendHangUp(): Promise<void> {
    const exec = await this.state.docker.getContainer(this.containerId).exec({
      Cmd: ['sh', '-c', hangUpScript(this.id)],
      AttachStdout: true,
      AttachStderr: true,
    });
    const stream = await exec.start({ hijack: true, stdin: false });
    await new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('error', resolve);
      stream.resume();
    });
  }
}
