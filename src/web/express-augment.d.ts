import type { Actor } from '../services/actor.js';
import type { Lang, Translate } from './i18n.js';

declare global {
  namespace Express {
    interface Request {
      lang: Lang;
      t: Translate;
      actor?: Actor;
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    userId?: number;
    csrfToken?: string;
    /** Where to go after logging in (a local path only). */
    returnTo?: string;
    /** Quick-check answers carried into sign-up, to become the new owner's first enterprise. */
    quickCheck?: { name: string; answers: Record<string, string> };
  }
}

export {};
