import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { openDatabase } from '../db/client.js';
import { createFieldCipher, loadMasterKey } from '../lib/secrets.js';
import { CreateAccountBody } from '../modules/accounts/accounts.schema.js';
import { createAccount } from '../modules/accounts/accounts.service.js';
import { importInstitutionsFile } from '../modules/institutions/import.service.js';
import { SOURCES, type Source } from '../modules/people/roster.schema.js';
import { importRoster } from '../modules/people/roster.service.js';
import { importPopulationFile, loadRegionYearFromCsv } from '../modules/regions/regions.service.js';
import { loadConfig } from '../server/config.js';
import type { RequestContext } from '../server/context.js';
import { AppError } from '../server/errors.js';
import { translate } from '../server/i18n.js';
import { parseOrThrow } from '../server/validation.js';
import { demoAccountsTable, prepareDatabase } from './prepare.js';
import { terminalProgress } from './progress.js';

/** The operator acting from the command line: a system administrator over the whole country. */
function cliContext(): RequestContext {
  return {
    actor: {
      id: '00000000-0000-0000-0000-000000000000',
      username: 'cli',
      displayName: `cli (${process.env.USER ?? 'operator'})`,
      role: 'sysadmin',
      regionCode: '',
      institutionId: null,
      mustChangePassword: false,
    },
    lang: process.env.LANG?.startsWith('en') ? 'en' : 'zh-CN',
    ip: null,
    userAgent: 'doorstep-cli',
  };
}

async function withDatabase<T>(
  work: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const program = new Command('doorstep').description(
  'doorstep — community childcare and elderly care platform',
);

program
  .command('migrate')
  .description('apply the database migrations')
  .action(() => withDatabase((database) => database.migrate().then(() => console.log('migrated'))));

program
  .command('seed')
  .description('load the division tree and (unless --no-demo) the Hebei demo')
  .option('--no-demo', 'load reference data only')
  .action((options: { demo: boolean }) =>
    withDatabase(async (database) => {
      const progress = terminalProgress();
      const cipher = createFieldCipher(loadMasterKey(loadConfig().dataDir));
      await prepareDatabase(database, { demo: options.demo, cipher, onProgress: progress, log: console.log });
      progress.stop();
      if (options.demo) console.log(demoAccountsTable());
    }),
  );

const importCommand = program.command('import').description('import data files');

importCommand
  .command('regions <file>')
  .description('load a year of the division code table (CSV: code,name[,parent_code]) beside the current one')
  .requiredOption('--year <year>', 'year of the code table', (v) => Number(v))
  .action((file: string, options: { year: number }) =>
    withDatabase(async (database) => {
      const result = await loadRegionYearFromCsv(database, path.resolve(file), options.year);
      console.log(JSON.stringify(result, null, 2));
    }),
  );

importCommand
  .command('population <file>')
  .description(
    'import population figures (CSV or XLSX: code, year, residents, children_under_3, aged_60_plus, aged_80_plus)',
  )
  .option('--dry-run', 'check every row and write nothing')
  .action((file: string, options: { dryRun?: boolean }) =>
    withDatabase(async (database) => {
      const buffer = await readFile(file);
      const progress = terminalProgress();
      const result = await importPopulationFile(
        database,
        cliContext(),
        { filename: path.basename(file), buffer },
        {
          dryRun: Boolean(options.dryRun),
          onProgress: (done, total) => progress('population rows', done, total),
        },
      );
      progress.stop();
      console.log(JSON.stringify(result, null, 2));
      if (result.errors.length > 0) process.exitCode = 1;
    }),
  );

importCommand
  .command('institutions <file>')
  .description(
    'import the institution register (CSV or XLSX: 名称/name, 类型/kind, 地址/address, 区划代码/region_code or 区划名称/region_name, …)',
  )
  .option('--dry-run', 'check every row and write nothing')
  .action((file: string, options: { dryRun?: boolean }) =>
    withDatabase(async (database) => {
      const buffer = await readFile(file);
      const progress = terminalProgress();
      try {
        const result = await importInstitutionsFile(
          database,
          cliContext(),
          { filename: path.basename(file), buffer },
          {
            dryRun: Boolean(options.dryRun),
            onProgress: (done, total, stage) => progress(`institutions: ${stage}`, done, total),
          },
        );
        progress.stop();
        console.log(JSON.stringify(result, null, 2));
        if (result.errors.length > 0) process.exitCode = 1;
      } catch (err) {
        progress.stop();
        // A refused import (any bad row) lists every row's problem before the error line.
        if (err instanceof AppError && err.details?.errors) console.log(JSON.stringify(err.details, null, 2));
        throw err;
      }
    }),
  );

importCommand
  .command('roster <file>')
  .description(
    "import a department's file into the roster of older people (CSV or XLSX: 身份证号/id_number, 姓名/name, 区划代码/region_code, flag columns); applied in chunks, and run again after an interruption it resumes",
  )
  .requiredOption('--source <department>', `the department the file comes from: ${SOURCES.join(', ')}`)
  .option('--dry-run', 'check every row and write nothing')
  .action((file: string, options: { source: string; dryRun?: boolean }) =>
    withDatabase(async (database) => {
      if (!(SOURCES as readonly string[]).includes(options.source)) {
        throw new Error(`--source must be one of: ${SOURCES.join(', ')}`);
      }
      const cipher = createFieldCipher(loadMasterKey(loadConfig().dataDir));
      const progress = terminalProgress();
      let applied = 0;
      try {
        // Streamed from disk twice (check, then apply in chunks); a killed run resumes when run again.
        const result = await importRoster(
          database,
          cipher,
          cliContext(),
          { filename: path.basename(file), path: path.resolve(file) },
          {
            source: options.source as Source,
            dryRun: Boolean(options.dryRun),
            onProgress: (done, total, stage) => {
              if (stage === 'write') applied = done;
              progress(stage === 'read' ? 'roster: check (bytes)' : `roster: ${stage} (rows)`, done, total);
            },
          },
        );
        progress.stop();
        console.log(JSON.stringify(result, null, 2));
        if (result.errors.length > 0) process.exitCode = 1;
      } catch (err) {
        progress.stop();
        if (applied > 0)
          console.error(`${applied} rows are applied; run the same command again to resume after them`);
        throw err;
      }
    }),
  );

const users = program.command('users').description('manage accounts');
users
  .command('create')
  .description('create an account (as the system administrator)')
  .requiredOption('--username <username>')
  .requiredOption('--role <role>')
  .requiredOption('--password <password>')
  .option('--name <displayName>')
  .option('--region <code>', 'region code of an official', '')
  .option('--institution <id>', 'institution of an institution user')
  .option('--phone <phone>')
  .action((options: Record<string, string | undefined>) =>
    withDatabase(async (database) => {
      const input = parseOrThrow(CreateAccountBody, {
        username: options.username!,
        displayName: options.name ?? options.username!,
        role: options.role!,
        regionCode: options.region ?? '',
        institutionId: options.institution ?? null,
        phone: options.phone ?? null,
        password: options.password!,
      });
      const account = await createAccount(database.db, cliContext(), input);
      console.log(JSON.stringify(account, null, 2));
    }),
  );

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof AppError) {
    console.error(
      `error: ${translate(err.code, cliContext().lang, err.params)}${err.field ? ` (${err.field})` : ''}`,
    );
  } else {
    console.error(err);
  }
  process.exit(1);
});
