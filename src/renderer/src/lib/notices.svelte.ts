// Messages for the person: every failed action lands here with what failed,
// why, and what to do.
import { AppError, toErrorShape } from '../../../shared/errors';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  hint: string;
}

class Notices {
  list = $state<Notice[]>([]);
  private next = 1;

  error(error: unknown): void {
    const shape = error instanceof AppError ? error : toErrorShape(error);
    this.push('error', shape.message, shape.hint);
  }

  info(message: string, hint = ''): void {
    this.push('info', message, hint);
  }

  dismiss(id: number): void {
    this.list = this.list.filter((n) => n.id !== id);
  }

  private push(kind: Notice['kind'], message: string, hint: string): void {
    const id = this.next++;
    this.list = [...this.list.slice(-4), { id, kind, message, hint }];
    if (kind === 'info') setTimeout(() => this.dismiss(id), 4000);
  }
}

export const notices = new Notices();

/** Runs an action, reporting its failure; returns whether it succeeded. */
export async function attempt(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    notices.error(error);
    return false;
  }
}
