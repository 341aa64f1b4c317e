import type { LightMyRequestResponse } from 'fastify';
import type { TestApp, TestClient } from '../../test/app.js';

/**
 * Factories for the register and filing tests: valid institutions, real file headers, multipart
 * bodies, and an institution taken through registration to a submitted filing.
 */

let counter = 0;

/** A minimal valid PDF, PNG and JPEG (their real magic numbers), and text that is none of them. */
export const FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('0000000d4948445200000001000000010806000000', 'hex'),
  ]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF test')]),
  text: Buffer.from('just some text pretending to be a PDF\n'),
};

/** A valid InstitutionInput (a childcare centre in 棉一东社区, Chang'an). */
export function buildInstitutionInput(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    name: `测试托育中心${counter}`,
    kind: 'childcare_centre',
    operator: 'private_nonprofit',
    affordable: true,
    priceCap: 2000,
    regionCode: '130102001001',
    address: '石家庄市长安区建北街道测试路1号',
    lat: 38.05,
    lng: 114.52,
    floor: 1,
    phone: '0311-86001234',
    careForms: ['full_day', 'hourly'],
    prices: { full_day: 1800, hourly: 40 },
    minAgeMonths: 6,
    maxAgeMonths: 36,
    functions: [{ function: 'childcare', capacity: 60 }],
    ...overrides,
  };
}

/** A registration body: the institution and its administrator. */
export function buildRegistration(
  overrides: Record<string, unknown> = {},
  admin: Record<string, unknown> = {},
) {
  counter += 1;
  return {
    institution: buildInstitutionInput(overrides),
    admin: {
      username: `op${counter}_${Date.now().toString(36)}`,
      displayName: `运营者${counter}`,
      phone: '13800138000',
      password: 'Passw0rd!',
      ...admin,
    },
  };
}

/** A multipart body with a `kind` field and one `file`. */
export function multipart(
  kind: string | null,
  file: Buffer | null,
  filename = 'file.pdf',
  contentType = 'application/pdf',
) {
  const boundary = `----doorstep${Date.now().toString(36)}`;
  const parts: Buffer[] = [];
  if (kind !== null) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
      ),
      file,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Upload a file as `client`. */
export function upload(
  client: TestClient,
  institutionId: string,
  kind: string,
  file: Buffer = FILES.pdf,
  filename = `${kind}.pdf`,
): Promise<LightMyRequestResponse> {
  return client.request({
    method: 'POST',
    url: `/api/institutions/${institutionId}/uploads`,
    ...multipart(kind, file, filename),
  });
}

export const CHILDCARE_MATERIALS = [
  'business_licence',
  'premises_proof',
  'staff_qualifications',
  'staff_health_certificates',
  'health_evaluation',
  'fire_safety',
] as const;

/** Register an institution through the API and sign its administrator in. */
export async function registerAndLogin(t: TestApp, overrides: Record<string, unknown> = {}) {
  const body = buildRegistration(overrides);
  const res = await t.anonymous.post('/api/institutions/register', body);
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const { institution } = res.json();
  const admin = await t.login(body.admin.username, body.admin.password);
  return { institution, admin, filingId: institution.currentFiling.id as string };
}

/** Register, upload every required material of a childcare centre, and submit. */
export async function submittedInstitution(t: TestApp, overrides: Record<string, unknown> = {}) {
  const registered = await registerAndLogin(t, overrides);
  for (const kind of CHILDCARE_MATERIALS) {
    const res = await upload(
      registered.admin,
      registered.institution.id,
      kind,
      Buffer.concat([FILES.pdf, Buffer.from(`${kind}${counter}`)]),
    );
    if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  }
  const submit = await registered.admin.post(`/api/filings/${registered.filingId}/actions/submit`, {});
  if (submit.statusCode !== 200) throw new Error(`submit failed: ${submit.statusCode} ${submit.body}`);
  return registered;
}
