import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db, Executor } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, conflict, forbidden, notFound, outOfScope } from '../../server/errors.js';
import { FILING_MATERIAL_KINDS } from '../../standards/filing-materials.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { requireActor, scopeOf } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import { FM, statusName } from './filing.messages.js';
import { presentUpload } from './filing.presenter.js';
import * as filingRepo from './filing.repo.js';
import { UNDER_REVIEW_STATUSES } from './filing.workflow.js';
import { canEditInstitution, canReadInstitution } from './institutions.policy.js';
import type { InstitutionRow } from './institutions.repo.js';
import { loadInstitution } from './institutions.service.js';
import * as repo from './uploads.repo.js';
import { isImage, safeFilename, sniffMime } from './uploads.sniff.js';

/** Largest file accepted (413 above it). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = '10 MB';
/** What an upload may be: a filing material, a photo (public once filed) or a certificate scan. */
export const UPLOAD_KINDS = [...FILING_MATERIAL_KINDS, 'photo', 'certificate'] as const;

const tooLarge = () => new AppError(413, FM['uploads.too_large'], { limit: MAX_UPLOAD_LABEL }, 'file');

export { tooLarge as uploadTooLarge };

/** Where content with this hash lives, relative to the data directory. */
const relativePath = (sha256: string) => path.join('uploads', sha256.slice(0, 2), sha256);

/**
 * The institution the caller may upload to: its own users (admin and staff), or a supervising
 * official in scope. Checked before the body is read.
 */
export async function assertCanUpload(
  db: Executor,
  ctx: RequestContext,
  institutionId: string,
): Promise<InstitutionRow> {
  const actor = requireActor(ctx.actor);
  const institution = await loadInstitution(db, ctx, institutionId);
  const ownUser = actor.institutionId === institutionId;
  if (!ownUser && !canEditInstitution(actor, institution)) throw forbidden();
  return institution;
}

async function storeContent(dataDir: string, sha256: string, bytes: Buffer): Promise<string> {
  const relative = relativePath(sha256);
  const target = path.join(dataDir, relative);
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, bytes, { mode: 0o600 });
    await rename(temp, target);
  }
  return relative;
}

/**
 * Store an uploaded file: the type sniffed from its bytes (PDF, JPEG, PNG; photos images only),
 * kept once per content under `<dataDir>/uploads/<2 hex>/<sha256>`. The same content uploaded again
 * as the same kind returns the existing record.
 */
export async function createUpload(
  db: Db,
  dataDir: string,
  ctx: RequestContext,
  institutionId: string,
  file: { kind: (typeof UPLOAD_KINDS)[number]; filename: string | undefined; bytes: Buffer },
) {
  const actor = requireActor(ctx.actor);
  const institution = await assertCanUpload(db, ctx, institutionId);
  if (file.bytes.length === 0) throw new AppError(400, FM['uploads.empty'], { field: 'file' }, 'file');
  if (file.bytes.length > MAX_UPLOAD_BYTES) throw tooLarge();
  const mime = sniffMime(file.bytes);
  if (!mime) throw new AppError(415, FM['uploads.type_not_allowed'], { field: 'file' }, 'file');
  if (file.kind === 'photo' && !isImage(mime))
    throw new AppError(415, FM['uploads.photo_must_be_image'], {}, 'file');
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const same = await repo.findSameUpload(db, institutionId, file.kind, sha256);
  if (same) return presentUpload(same);
  const storagePath = await storeContent(dataDir, sha256, file.bytes);
  const open = await filingRepo.findOpenFiling(db, institutionId);
  const row = await mutate(db, ctx, async (tx, audit) => {
    const created = await repo.insertUpload(tx, {
      institutionId,
      kind: file.kind,
      filingId: open?.id ?? null,
      filename: safeFilename(file.filename, mime),
      mime,
      size: file.bytes.length,
      sha256,
      storagePath,
      uploadedBy: actor.id,
    });
    await audit({
      action: 'upload.create',
      entityType: 'upload',
      entityId: created.id,
      regionCode: institution.regionCode,
      institutionId,
      after: { kind: created.kind, filename: created.filename, mime, size: created.size, sha256 },
    });
    return created;
  });
  return presentUpload(row);
}

/** The uploads of an institution the caller may see, newest first. */
export async function listUploads(db: Db, ctx: RequestContext, institutionId: string) {
  await loadInstitution(db, ctx, institutionId);
  return { items: (await repo.listUploadsOf(db, institutionId)).map(presentUpload) };
}

/** An upload the caller may see: 404 when none exists, 403 when its institution lies outside the scope. */
async function loadUpload(
  db: Executor,
  ctx: RequestContext,
  id: string,
): Promise<repo.UploadWithInstitution> {
  const actor = requireActor(ctx.actor);
  const row = await repo.findUploadInScope(db, scopeOf(actor), id);
  if (
    row?.institutionId &&
    canReadInstitution(actor, {
      id: row.institutionId,
      kind: row.institutionKind,
      regionCode: row.regionCode,
    })
  ) {
    return row;
  }
  requirePermission(actor, 'institutions.read');
  if (await repo.uploadExists(db, id)) throw outOfScope(actor.regionCode || actor.institutionId || '');
  throw notFound(ctx.lang === 'en' ? 'file' : '文件');
}

/** Read a stored file for download; the download itself is audited. */
export async function downloadUpload(db: Db, dataDir: string, ctx: RequestContext, id: string) {
  const row = await loadUpload(db, ctx, id);
  const bytes = await readFile(path.join(dataDir, row.storagePath)).catch(() => null);
  if (!bytes) throw notFound(ctx.lang === 'en' ? 'file content' : '文件内容');
  await mutate(db, ctx, (_tx, audit) =>
    audit({
      action: 'upload.download',
      entityType: 'upload',
      entityId: row.id,
      regionCode: row.regionCode,
      institutionId: row.institutionId,
    }),
  );
  return { filename: row.filename, mime: row.mime, bytes };
}

/**
 * Delete an upload (the institution's administrator only). Filing materials stay
 * while the filing is with the authority (submitted, acknowledged, resubmitted): 409.
 */
export async function deleteUpload(db: Db, dataDir: string, ctx: RequestContext, id: string): Promise<void> {
  const actor = requireActor(ctx.actor);
  const row = await loadUpload(db, ctx, id);
  const institution = { id: row.institutionId!, kind: row.institutionKind, regionCode: row.regionCode };
  if (actor.role !== 'institution_admin' || actor.institutionId !== institution.id) throw forbidden();
  if ((FILING_MATERIAL_KINDS as readonly string[]).includes(row.kind)) {
    const open = await filingRepo.findOpenFiling(db, institution.id);
    if (open && (UNDER_REVIEW_STATUSES as readonly string[]).includes(open.status)) {
      throw conflict(
        FM['uploads.locked_under_review'],
        { status: statusName(open.status, ctx.lang) },
        { status: open.status },
      );
    }
  }
  await mutate(db, ctx, async (tx, audit) => {
    await repo.deleteUpload(tx, id);
    await audit({
      action: 'upload.delete',
      entityType: 'upload',
      entityId: id,
      regionCode: row.regionCode,
      institutionId: institution.id,
      before: { kind: row.kind, filename: row.filename, mime: row.mime, size: row.size, sha256: row.sha256 },
    });
  });
  if ((await repo.countBySha(db, row.sha256)) === 0) {
    await unlink(path.join(dataDir, row.storagePath)).catch(() => undefined);
  }
}
