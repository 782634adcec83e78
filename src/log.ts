import { pino, type Logger } from 'pino';

export type { Logger };

// Secrets never reach the logs: the session cookie both ways (a logged session id is a stolen session), lenders'
// bearer tokens, the CSRF header and any password field.
const REDACTED = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
];

/** The only place output happens (stdout unless a destination is given). Tests pass level 'silent'. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, redact: { paths: REDACTED, remove: true } };
  return destination ? pino(options, destination) : pino(options);
}

/** For CLI scripts: human-readable lines on stdout. */
export function say(line: string): void {
  console.log(line);
}

export function complain(line: string): void {
  console.error(line);
}
