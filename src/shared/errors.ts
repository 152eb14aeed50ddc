// Errors cross every boundary in one shape: what failed, why, and what to do.
export const errorCodes = [
  'invalid-input',
  'not-found',
  'name-in-use',
  'port-allocated',
  'image-missing',
  'engine-unreachable',
  'engine-error',
  'unauthorized',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  hint: string;
}

export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly hint: string;
  constructor(code: ErrorCode, message: string, hint = '') {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.hint = hint;
  }
  toJSON(): AppErrorShape {
    return { code: this.code, message: this.message, hint: this.hint };
  }
  static from(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.hint);
  }
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (errorCodes as readonly string[]).includes(v.code) &&
    typeof v.message === 'string' &&
    typeof v.hint === 'string'
  );
}

/** Any thrown value as the wire shape; unknown errors become `internal`. */
export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toJSON();
  if (isAppErrorShape(error)) return { code: error.code, message: error.message, hint: error.hint };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message, hint: 'This is a bug in Crosstalk; the log has details.' };
}
