export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, detail?: Record<string, unknown>): void;
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

/** One JSON line per entry on stderr, so stdout stays free for what a command prints. */
export function createLogger(component: string, level: LogLevel): Logger {
  const write = (entryLevel: LogLevel, message: string, detail?: Record<string, unknown>) => {
    if (ORDER[entryLevel] < ORDER[level]) return;
    const entry = { time: new Date().toISOString(), level: entryLevel, component, message, ...detail };
    process.stderr.write(`${JSON.stringify(entry)}\n`);
  };
  return {
    debug: (message, detail) => write('debug', message, detail),
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}

export function describeError(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
}
