import type { Role } from '../modules/accounts/roles.js';
import type { Lang } from './i18n.js';

/** The signed-in person behind a request. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Region-code prefix of an official's scope ('' = the whole country, for the system administrator). */
  regionCode: string;
  institutionId: string | null;
  mustChangePassword: boolean;
}

/** What a service needs to know about the caller: who, in which language, from where. */
export interface RequestContext {
  actor: Actor | null;
  lang: Lang;
  ip: string | null;
  userAgent: string | null;
}

/** The context of work the system does on its own (seeding, scheduled jobs, CLI). */
export function systemContext(lang: Lang = 'zh-CN'): RequestContext {
  return { actor: null, lang, ip: null, userAgent: 'doorstep-system' };
}
