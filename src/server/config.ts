import path from 'node:path';

/** Runtime settings, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Minutes a session lives without activity. */
  sessionIdleMinutes: number;
  /** Hours a session lives at most. */
  sessionMaxHours: number;
  /** Failed logins in a row before the account is locked. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Set `Secure` on cookies (behind HTTPS). */
  secureCookies: boolean;
  /** Load the demo (Hebei) on first start. */
  loadDemo: boolean;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DOORSTEP_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    sessionIdleMinutes: Number(env.DOORSTEP_SESSION_IDLE_MINUTES ?? 120),
    sessionMaxHours: Number(env.DOORSTEP_SESSION_MAX_HOURS ?? 12),
    lockoutThreshold: Number(env.DOORSTEP_LOCKOUT_THRESHOLD ?? 5),
    lockoutMinutes: Number(env.DOORSTEP_LOCKOUT_MINUTES ?? 15),
    secureCookies: env.DOORSTEP_SECURE_COOKIES === 'true',
    loadDemo: env.DOORSTEP_DEMO !== 'false',
    logLevel: env.LOG_LEVEL ?? 'warn',
  };
}
