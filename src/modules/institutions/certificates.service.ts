import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import { type CertificateKind, certificateExpiry } from '../../standards/staff-requirements.js';
import { chinaToday } from '../../standards/working-days.js';
import { mutate } from '../audit/audit.service.js';
import { presentCertificate } from './staff.presenter.js';
import * as repo from './staff.repo.js';
import type { CertificateView, CreateCertificateInput } from './staff.schema.js';
import { lockStaff, requireStaffInstitution } from './staff.service.js';
import { requireCaller, requireInstitution } from './staffing.access.js';
import { SM } from './staffing.messages.js';

/** Record a certificate; without `expiresOn` its kind's validity decides (health certificate: 12 months). */
export async function addCertificate(
  db: Db,
  ctx: RequestContext,
  staffId: string,
  input: CreateCertificateInput,
): Promise<CertificateView> {
  const { institution } = await requireStaffInstitution(db, ctx, staffId);
  const kind = input.kind as CertificateKind;
  const expiresOn = input.expiresOn ?? certificateExpiry({ kind, issuedOn: input.issuedOn });
  if (expiresOn && expiresOn < input.issuedOn) {
    throw new AppError(
      400,
      SM['certificate.expires_before_issued'],
      { expiresOn, issuedOn: input.issuedOn },
      'expiresOn',
    );
  }
  const row = await mutate(db, ctx, async (tx, audit) => {
    await lockStaff(tx, institution, staffId, ctx.lang);
    const created = await repo.insertCertificate(tx, {
      staffId,
      kind,
      number: input.number ?? null,
      issuedOn: input.issuedOn,
      expiresOn,
    });
    await audit({
      action: 'certificate.create',
      entityType: 'staff_certificate',
      entityId: created.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      after: created,
    });
    return created;
  });
  return presentCertificate(row, chinaToday(), ctx.lang);
}

/** Delete a certificate recorded in error. */
export async function deleteCertificate(db: Db, ctx: RequestContext, certificateId: string): Promise<void> {
  requireCaller(ctx, 'institutions.staffing.manage');
  const found = await repo.findCertificate(db, certificateId);
  if (!found) throw notFound(ctx.lang === 'en' ? 'certificate' : '证书');
  const { institution } = await requireInstitution(
    db,
    ctx,
    found.institutionId,
    'institutions.staffing.manage',
  );
  await mutate(db, ctx, async (tx, audit) => {
    await repo.deleteCertificate(tx, certificateId);
    await audit({
      action: 'certificate.delete',
      entityType: 'staff_certificate',
      entityId: certificateId,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before: found.certificate,
    });
  });
}
