import { defineConfig } from 'drizzle-kit';

/** Migrations are generated from the module tables and committed under src/db/migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
