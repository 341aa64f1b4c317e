import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_KINDS,
  certificateExpiry,
  checkStaff,
  healthStaffRequired,
  requiredCertificates,
  type StaffCertificate,
  type StaffForCheck,
} from './staff-requirements.js';

const TODAY = '2026-03-01';
const valid = (kind: StaffCertificate['kind']): StaffCertificate => ({
  kind,
  issuedOn: '2026-01-10',
  expiresOn: null,
});

function buildStaff(overrides: Partial<StaffForCheck> = {}): StaffForCheck {
  const role = overrides.role ?? 'carer';
  return {
    role,
    education: 'college',
    managementYears: 5,
    certificates: requiredCertificates(role).map(valid),
    ...overrides,
  };
}

describe('requiredCertificates', () => {
  it('asks every staff member for a health certificate and a no-criminal-record certificate', () => {
    for (const role of ['cook', 'teacher', 'other'] as const) {
      expect(requiredCertificates(role)).toEqual(['health_certificate', 'no_criminal_record']);
    }
  });

  it('asks carers for care, first-aid, fire-safety and food-safety training', () => {
    expect(requiredCertificates('carer')).toEqual([
      'health_certificate',
      'no_criminal_record',
      'carer_training',
      'first_aid',
      'fire_safety',
      'food_safety',
    ]);
    expect(requiredCertificates('guard')).toContain('guard_licence');
    expect(requiredCertificates('health')).toContain('health_staff_training');
  });
});

describe('checkStaff', () => {
  it('finds nothing wrong with a fully certified carer', () => {
    expect(checkStaff(buildStaff(), TODAY)).toEqual([]);
  });

  it('reports a missing certificate as an error', () => {
    const staff = buildStaff({
      certificates: requiredCertificates('carer')
        .filter((k) => k !== 'first_aid')
        .map(valid),
    });
    expect(checkStaff(staff, TODAY)).toEqual([
      { rule: 'staff.certificate_missing', severity: 'error', params: { kind: 'first_aid' } },
    ]);
  });

  it('reads a health certificate as valid for 12 months from issue', () => {
    expect(certificateExpiry({ kind: 'health_certificate', issuedOn: '2025-03-01' })).toBe('2026-02-28');
    expect(CERTIFICATE_KINDS.health_certificate.validityMonths).toBe(12);
    const staff = buildStaff({
      role: 'cook',
      certificates: [{ kind: 'health_certificate', issuedOn: '2025-03-01' }, valid('no_criminal_record')],
    });
    expect(checkStaff(staff, TODAY)).toEqual([
      {
        rule: 'staff.certificate_expired',
        severity: 'error',
        params: { kind: 'health_certificate', expiresOn: '2026-02-28' },
      },
    ]);
  });

  it('warns before a certificate expires, and counts the renewed one when there are two', () => {
    const expiring: StaffCertificate = {
      kind: 'health_certificate',
      issuedOn: '2025-03-20',
      expiresOn: '2026-03-19',
    };
    const staff = buildStaff({ role: 'cook', certificates: [expiring, valid('no_criminal_record')] });
    expect(checkStaff(staff, TODAY)).toEqual([
      {
        rule: 'staff.certificate_expiring',
        severity: 'warning',
        params: { kind: 'health_certificate', expiresOn: '2026-03-19', daysLeft: 18 },
      },
    ]);
    expect(checkStaff(staff, TODAY, 10)).toEqual([]);
    const renewed = {
      ...staff,
      certificates: [...staff.certificates, { kind: 'health_certificate' as const, expiresOn: '2027-03-01' }],
    };
    expect(checkStaff(renewed, TODAY)).toEqual([]);
  });

  it('checks the head: college diploma or higher and three years of management', () => {
    expect(checkStaff(buildStaff({ role: 'head' }), TODAY)).toEqual([]);
    const issues = checkStaff(
      buildStaff({ role: 'head', education: 'senior_secondary', managementYears: 2 }),
      TODAY,
    );
    expect(issues.map((i) => i.rule)).toEqual(['staff.head_education', 'staff.head_management_years']);
    expect(issues[1]!.params).toEqual({ managementYears: 2, required: 3 });
    const noTraining = buildStaff({ role: 'head', certificates: requiredCertificates('carer').map(valid) });
    expect(
      checkStaff(noTraining, TODAY)
        .filter((i) => i.rule === 'staff.certificate_missing')
        .map((i) => i.params.kind),
    ).toEqual(['head_training', 'diploma']);
  });
});

describe('healthStaffRequired', () => {
  it('needs one health staff member per 150 children or part of it', () => {
    expect(healthStaffRequired(0)).toBe(0);
    expect(healthStaffRequired(80)).toBe(1);
    expect(healthStaffRequired(150)).toBe(1);
    expect(healthStaffRequired(151)).toBe(2);
    expect(healthStaffRequired(151, 200)).toBe(1);
  });
});
