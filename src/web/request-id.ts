import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A request id for logs and the audit trail; a proxy's id is kept when it looks sane. */
export function genRequestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && /^[\w.-]{8,100}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

export function requestIdOf(req: Request): string {
  // genRequestId always makes a string; pino-http's type allows numbers and objects too.
  return typeof req.id === 'string' ? req.id : JSON.stringify(req.id);
}
