import { pino, type Logger } from 'pino';

export type { Logger };

/** The only place output happens. Tests pass level 'silent'. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password'], remove: true },
  });
}

/** For CLI scripts: human-readable lines on stdout. */
export function say(line: string): void {
  console.log(line);
}

export function complain(line: string): void {
  console.error(line);
}
