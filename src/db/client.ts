import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The Drizzle handle, the same type on PGlite and on a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Bulk-load CSV (no header) into `table(columns)` with COPY; returns rows loaded. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<number>;
  /** Run the committed SQL migrations. */
  migrate(): Promise<void>;
  /** PGlite only: the whole database as an image, for `image` below (tests start from a migrated one). */
  image?(): Promise<Blob>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenDatabaseOptions {
  /** `postgres://…`; when absent the embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory; `memory://` for a throw-away database. */
  dataDir?: string;
  /** Pool size for a PostgreSQL server. */
  poolSize?: number;
  /** PGlite only: start from this image (from `Database.image`) instead of an empty cluster. */
  image?: Blob;
}

/** Open PGlite (default) or a PostgreSQL server when a URL is given. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 20);
  return openPglite(options.dataDir ?? 'memory://', options.image);
}

async function openPglite(dataDir: string, image?: Blob): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, {
    extensions: { pg_trgm },
    ...(image ? { loadDataDir: image } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async copyCsv(table, columns, csv) {
      const result = await client.query(
        `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`,
        [],
        { blob: new Blob([csv]) },
      );
      return result.affectedRows ?? 0;
    },
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    image: () => client.dumpDataDir('none'),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async copyCsv(table, columns, csv) {
      const client = await pool.connect();
      try {
        const stream = client.query(
          copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`),
        );
        await pipeline(Readable.from([csv]), stream);
        return Number(stream.rowCount ?? 0);
      } finally {
        client.release();
      }
    },
    migrate: () => migrateNodePg(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => pool.end(),
  };
}

/**
 * The rows of a statement prepared under `name` (on a PostgreSQL server, a named statement each
 * connection parses and plans once; PGlite runs it like any other). `text` uses $1, $2, …; the
 * same name must always carry the same text.
 */
export async function queryPrepared<T>(
  ex: Executor,
  name: string,
  text: string,
  params: readonly unknown[],
): Promise<T[]> {
  const prepared = ex._.session.prepareQuery({ sql: text, params: [...params] }, undefined, name, false);
  return ((await prepared.execute()) as { rows: T[] }).rows;
}

/**
 * The SQLSTATE of an error the database server reported (Drizzle may wrap the driver's error), or
 * undefined for any other error (a lost connection, a bug).
 */
export function sqlStateOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  if (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  if (typeof e?.cause?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.cause.code)) return e.cause.code;
  return undefined;
}
