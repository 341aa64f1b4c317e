import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { type Lang, translate } from '../../server/i18n.js';
import { type ClassType, checkClassSize, checkRatio } from '../../standards/childcare-classes.js';
import { checkSiting, SITING_RULE_NAMES } from '../../standards/fire-siting.js';
import { healthStaffRequired } from '../../standards/staff-requirements.js';
import { chinaToday } from '../../standards/working-days.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { requireActor, scopeOf } from '../accounts/scope.js';
import * as classesRepo from './classes.repo.js';
import { daysBetween, presentCertificate, presentIssue } from './staff.presenter.js';
import * as staffRepo from './staff.repo.js';
import type { ExpiringQuery } from './staff.schema.js';
import { staffIssues } from './staff.service.js';
import {
  classRulesFor,
  classTypeName,
  healthStaffRatioFor,
  requireInstitution,
  staffingKindsOf,
  warningDaysFor,
} from './staffing.access.js';
import { isChildcareKind, SM } from './staffing.messages.js';

/** One finding: the rule broken, how serious, in the caller's language, and what it is about. */
export interface ComplianceIssue {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  params: Record<string, string | number | boolean | null>;
  subject: { type: 'institution' | 'class' | 'staff'; id: string; name: string };
}

function issue(
  rule: string,
  severity: ComplianceIssue['severity'],
  code: string,
  params: ComplianceIssue['params'],
  subject: ComplianceIssue['subject'],
  lang: Lang,
): ComplianceIssue {
  return { rule, severity, message: translate(code, lang, params), params, subject };
}

/**
 * Everything about an institution that breaks, or is about to break, STANDARDS §1 and the
 * fire-safety siting rules: classes over size or out of ratio, staff certificates and the head's
 * qualifications, a missing head, too few health staff, care rooms on the wrong floor.
 * `ok` is true when no finding is an error.
 */
export async function getCompliance(db: Db, ctx: RequestContext, institutionId: string) {
  const { institution } = await requireInstitution(db, ctx, institutionId, 'institutions.staffing.read');
  const { lang } = ctx;
  const today = chinaToday();
  const [rules, warnDays, perChildren] = await Promise.all([
    classRulesFor(db, institution.regionCode),
    warningDaysFor(db, institution.regionCode),
    healthStaffRatioFor(db, institution.regionCode),
  ]);
  const issues: ComplianceIssue[] = [];
  const self = { type: 'institution' as const, id: institution.id, name: institution.name };

  const classes = await classesRepo.listClasses(db, institution.id);
  const carers = await classesRepo.listAssignedCarers(
    db,
    classes.map((c) => c.id),
  );
  for (const cls of classes) {
    const type = cls.type as ClassType;
    const subject = { type: 'class' as const, id: cls.id, name: cls.name };
    const named = { typeName: classTypeName(type, lang) };
    const size = checkClassSize(type, Math.max(cls.capacity, cls.enrolled), rules);
    if (size)
      issues.push(
        issue(size.rule, 'error', SM['class.max_size'], { ...size.params, ...named }, subject, lang),
      );
    if (cls.enrolled > cls.capacity) {
      const params = { enrolled: cls.enrolled, capacity: cls.capacity };
      issues.push(issue('class.over_capacity', 'error', SM['class.over_capacity'], params, subject, lang));
    }
    const present = carers.filter((c) => c.classId === cls.id).length;
    const ratio = checkRatio(type, cls.enrolled, present, rules);
    if (ratio)
      issues.push(
        issue(ratio.rule, 'error', SM['class.ratio'], { ...ratio.params, ...named }, subject, lang),
      );
  }

  const staff = (await staffRepo.listStaff(db, institution.id)).map((r) => r.staff);
  const certificates = await staffRepo.listCertificates(
    db,
    staff.map((s) => s.id),
  );
  for (const member of staff) {
    const own = certificates.filter((c) => c.staffId === member.id);
    const subject = { type: 'staff' as const, id: member.id, name: member.name };
    for (const found of staffIssues(member, own, institution.kind, today, warnDays)) {
      const { message, params } = presentIssue(found, lang);
      issues.push({ rule: found.rule, severity: found.severity, message, params, subject });
    }
  }

  const active = staff.filter((s) => s.status === 'active');
  const runsChildcare =
    isChildcareKind(institution.kind) && (institution.kind !== 'service_complex' || classes.length > 0);
  if (runsChildcare) {
    if (!active.some((s) => s.role === 'head')) {
      issues.push(issue('compliance.head_missing', 'error', SM['compliance.head_missing'], {}, self, lang));
    }
    const children = classes.reduce((total, c) => total + c.enrolled, 0);
    const required = healthStaffRequired(children, perChildren);
    const present = active.filter((s) => s.role === 'health').length;
    if (present < required) {
      const params = { children, required, present, perChildren };
      issues.push(
        issue('compliance.health_staff', 'error', SM['compliance.health_staff'], params, self, lang),
      );
    }
    if (institution.floor === null) {
      issues.push(
        issue('compliance.floor_unknown', 'warning', SM['compliance.floor_unknown'], {}, self, lang),
      );
    } else {
      for (const violation of checkSiting({ floor: institution.floor })) {
        const params = { ...violation.params, ruleName: SITING_RULE_NAMES[violation.rule][lang] };
        issues.push(issue(violation.rule, 'error', SM['compliance.siting'], params, self, lang));
      }
    }
  }
  return { ok: !issues.some((i) => i.severity === 'error'), issues };
}

/**
 * Certificates that run out within `days` (or already have, unless renewed) in the caller's
 * scope: officials their region, institution users their own institution. Soonest first.
 */
export async function listExpiring(db: Db, ctx: RequestContext, query: ExpiringQuery) {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'institutions.staffing.read');
  const today = chinaToday();
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) + query.days * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const { items, total } = await staffRepo.listExpiring(
    db,
    scopeOf(actor),
    cutoff,
    query.page,
    query.pageSize,
    staffingKindsOf(actor),
  );
  return {
    items: items.map((row) => {
      const expiresOn = row.certificate.expiresOn!;
      const daysLeft = daysBetween(today, expiresOn);
      return {
        ...presentCertificate(row.certificate, today, ctx.lang),
        expiresOn,
        daysLeft,
        expired: daysLeft < 0,
        staffName: row.staffName,
        staffRole: row.staffRole,
        institutionId: row.institutionId,
        institutionName: row.institutionName,
        regionCode: row.regionCode,
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
    days: query.days,
  };
}
