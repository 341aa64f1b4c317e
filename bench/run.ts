// `npm run bench -- NAME`: run bench/NAME.ts (each prints its figures beside an anchor from the same run).
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.replace(/\.ts$/, ''));
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.log(`usage: npm run bench -- <${available.join('|')}>`);
  process.exit(name ? 1 : 0);
}
await import(path.join(dir, `${name}.ts`));
