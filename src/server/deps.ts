import type { Database } from '../db/client.js';
import type { Config } from './config.js';

/** What every module's routes get: the database and the settings. */
export interface AppDeps {
  database: Database;
  config: Config;
}
