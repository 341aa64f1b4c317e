import type { Database } from '../db/client.js';
import type { FieldCipher } from '../lib/secrets.js';
import type { Config } from './config.js';

/** What every module's routes get: the database, the settings and the field cipher for personal data. */
export interface AppDeps {
  database: Database;
  config: Config;
  cipher: FieldCipher;
}
