import { and, count, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Scope } from '../accounts/scope.js';
import { uploads } from './filing.table.js';
import { scopeCondition } from './institutions.repo.js';
import { institutions } from './institutions.table.js';

export type UploadRow = typeof uploads.$inferSelect;
export type UploadWithInstitution = UploadRow & { institutionKind: string; regionCode: string };

/** Whether an upload with this id exists at all (to tell 404 from 403). */
export async function uploadExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: uploads.id }).from(uploads).where(eq(uploads.id, id)).limit(1);
  return Boolean(row);
}

/** One upload, if the institution it belongs to lies inside the caller's scope. */
export async function findUploadInScope(
  db: Executor,
  scope: Scope,
  id: string,
): Promise<UploadWithInstitution | undefined> {
  const [row] = await db
    .select({ upload: uploads, institutionKind: institutions.kind, regionCode: institutions.regionCode })
    .from(uploads)
    .innerJoin(institutions, eq(institutions.id, uploads.institutionId))
    .where(and(eq(uploads.id, id), scopeCondition(scope)))
    .limit(1);
  return row
    ? { ...row.upload, institutionKind: row.institutionKind, regionCode: row.regionCode }
    : undefined;
}

/** Every upload of an institution (known to be in scope), newest first. */
export async function listUploadsOf(db: Executor, institutionId: string): Promise<UploadRow[]> {
  return db
    .select()
    .from(uploads)
    .where(eq(uploads.institutionId, institutionId))
    .orderBy(desc(uploads.uploadedAt), desc(uploads.id));
}

/** The same content already uploaded as the same kind for the same institution, if any. */
export async function findSameUpload(
  db: Executor,
  institutionId: string,
  kind: string,
  sha256: string,
): Promise<UploadRow | undefined> {
  const [row] = await db
    .select()
    .from(uploads)
    .where(and(eq(uploads.institutionId, institutionId), eq(uploads.kind, kind), eq(uploads.sha256, sha256)))
    .limit(1);
  return row;
}

export async function insertUpload(db: Executor, values: typeof uploads.$inferInsert): Promise<UploadRow> {
  const [row] = await db.insert(uploads).values(values).returning();
  return row!;
}

export async function deleteUpload(db: Executor, id: string): Promise<void> {
  await db.delete(uploads).where(eq(uploads.id, id));
}

/** How many upload rows still point at this content (the file is removed at zero). */
export async function countBySha(db: Executor, sha256: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(uploads).where(eq(uploads.sha256, sha256));
  return Number(row?.n ?? 0);
}
