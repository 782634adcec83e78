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
  }
}

export {};
