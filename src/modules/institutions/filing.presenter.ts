import type { Lang } from '../../server/i18n.js';
import { FILING_MATERIAL_KINDS, requiredMaterials } from '../../standards/filing-materials.js';
import { materialName } from './filing.messages.js';
import type { FilingRow } from './filing.repo.js';
import type { FilingView, QueueItemView, UploadView } from './filing.schema.js';
import type { FunctionRow, InstitutionRow } from './institutions.repo.js';
import type { UploadRow } from './uploads.repo.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** An upload as lists show it; the storage path and hash stay on the server. */
export function presentUpload(row: UploadRow): UploadView {
  return {
    id: row.id,
    kind: row.kind,
    filename: row.filename,
    mime: row.mime,
    size: row.size,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

/** Whether the institution serves meals, which adds the food business licence to its materials. */
export function servesMeals(
  institution: Pick<InstitutionRow, 'prices'>,
  functions: readonly FunctionRow[],
): boolean {
  return functions.some((f) => f.function === 'meals') || institution.prices?.meals !== undefined;
}

/** The materials an initial filing needs; change and deregistration filings need none beyond the register. */
export function materialsRequiredFor(
  filingKind: string,
  institution: Pick<InstitutionRow, 'kind' | 'prices'>,
  functions: readonly FunctionRow[],
): string[] {
  if (filingKind !== 'initial') return [];
  return requiredMaterials({ kind: institution.kind, servesMeals: servesMeals(institution, functions) });
}

/** The checklist: every required material, and any other material uploaded, with its uploads. */
export function materialsChecklist(required: readonly string[], uploads: readonly UploadRow[], lang: Lang) {
  return FILING_MATERIAL_KINDS.filter(
    (kind) => required.includes(kind) || uploads.some((u) => u.kind === kind),
  ).map((kind) => {
    const mine = uploads.filter((u) => u.kind === kind);
    return {
      kind,
      name: materialName(kind, lang),
      required: required.includes(kind),
      present: mine.length > 0,
      uploads: mine.map(presentUpload),
    };
  });
}

/** The fields of a filing every view shares. */
export function filingBase(filing: FilingRow, institutionName: string) {
  return {
    id: filing.id,
    institutionId: filing.institutionId,
    institutionName,
    kind: filing.kind,
    status: filing.status,
    countyCode: filing.countyCode,
    changes: filing.changes ?? null,
    missingMaterials: filing.missingMaterials,
    comment: filing.comment,
    submittedAt: iso(filing.submittedAt),
    acknowledgeBy: filing.acknowledgeBy,
    reviewBy: filing.reviewBy,
    acknowledgedAt: iso(filing.acknowledgedAt),
    returnedAt: iso(filing.returnedAt),
    decidedAt: iso(filing.decidedAt),
    round: filing.round,
    createdAt: filing.createdAt.toISOString(),
  };
}

export interface FilingEventRow {
  action: string;
  fromStatus: string;
  toStatus: string;
  actorName: string | null;
  comment: string | null;
  at: Date;
}

/** A filing in full: base fields, checklist, the caller's actions and the history. */
export function presentFiling(
  filing: FilingRow,
  institutionName: string,
  materials: FilingView['materials'],
  allowedActions: readonly string[],
  events: readonly FilingEventRow[],
): FilingView {
  return {
    ...filingBase(filing, institutionName),
    materials,
    allowedActions: [...allowedActions],
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      comment: e.comment,
      at: e.at.toISOString(),
    })),
  };
}

/** A queue row: the filing, where the institution is, and the deadline it is up against. */
export function presentQueueItem(
  filing: FilingRow & { institutionName: string; institutionKind: string; regionCode: string },
  deadline: { nextDeadline: string | null; workingDaysLeft: number | null; overdue: boolean },
): QueueItemView {
  return {
    ...filingBase(filing, filing.institutionName),
    institutionKind: filing.institutionKind,
    regionCode: filing.regionCode,
    ...deadline,
  };
}
