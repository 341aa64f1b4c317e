import type { TFunction } from 'i18next';

/** Region level (1–5) from the length of a GB/T 2260 code: 2 · 4 · 6 · 9 · 12 digits. */
export function levelOfCode(code: string): number {
  const byLength: Record<number, number> = { 2: 1, 4: 2, 6: 3, 9: 4, 12: 5 };
  return byLength[code.length] ?? 0;
}

/** Region level (1–5) of a role's level name (province … community). */
export const LEVEL_NUMBER: Record<string, number> = {
  province: 1,
  city: 2,
  county: 3,
  township: 4,
  community: 5,
};

export function levelLabel(t: TFunction, level: number | string | null | undefined): string {
  const n = typeof level === 'string' ? (LEVEL_NUMBER[level] ?? Number(level)) : level;
  if (!n) return '—';
  return t(`level.${n}`, { defaultValue: String(level) });
}

export function roleLabel(t: TFunction, role: string | null | undefined): string {
  if (!role) return '—';
  return t(`role.${role}`, { defaultValue: role });
}

/** Audit action names are dotted (account.create); unknown ones show as they are. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`auditAction.${action}`, { defaultValue: action });
}

export function entityTypeLabel(t: TFunction, entityType: string): string {
  return t(`entityType.${entityType}`, { defaultValue: entityType });
}

/** Audit actions the UI knows by name, offered as filter suggestions. */
export const KNOWN_ACTIONS = [
  'session.login',
  'session.logout',
  'session.login_failed',
  'session.locked',
  'account.create',
  'account.update',
  'account.disable',
  'account.enable',
  'account.unlock',
  'account.reset_password',
  'account.change_password',
  'population.import',
  'person.reveal_id',
  'institution.register',
  'institution.create',
  'institution.update',
  'institution.functions',
  'institution.import',
  'institution.filed',
  'institution.change_filed',
  'institution.deregistered',
  'filing.create',
  'filing.submit',
  'filing.acknowledge',
  'filing.return',
  'filing.approve',
  'filing.resubmit',
  'filing.withdraw',
  'upload.create',
  'upload.download',
  'upload.delete',
  'class.create',
  'class.update',
  'class.delete',
  'staff.create',
  'staff.update',
  'staff.delete',
  'certificate.create',
  'certificate.delete',
  'settings.create',
  'settings.replace',
  'accounts.export',
  'audit.export',
  'institutions.export',
  'filing_queue.export',
  'certificates_expiring.export',
] as const;

export const KNOWN_ENTITY_TYPES = [
  'account',
  'region_population',
  'institution',
  'person',
  'filing',
  'upload',
  'class',
  'staff',
  'staff_certificate',
  'setting',
] as const;

/** Entries written without a signed-in actor (e.g. a failed sign-in) read as "system". */
export function actorLabel(
  t: TFunction,
  entry: { actorId: string | null; actorName: string | null },
): string {
  return entry.actorId ? (entry.actorName ?? '—') : t('audit.system');
}
