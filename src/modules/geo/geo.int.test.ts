import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';

describe('GET /api/geo/:code', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('serves the cities of Hebei to anyone, cacheable', async () => {
    const res = await t.anonymous.get('/api/geo/13');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.headers['cache-control']).toContain('max-age=');
    const body = res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(11);
    expect(body.features[0]).toMatchObject({ id: '1301', properties: { name: '石家庄市' } });
  });

  it("serves Shijiazhuang's counties and answers 304 when the copy is current", async () => {
    const res = await t.anonymous.get('/api/geo/1301');
    expect(res.statusCode).toBe(200);
    expect(res.json().features.map((f: { id: string }) => f.id)).toContain('130102');
    const again = await t.anonymous.get('/api/geo/1301', { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('answers 404 where no boundaries are bundled, in the caller language', async () => {
    const res = await t.anonymous.get('/api/geo/44?lang=en');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'geo.no_boundaries' });
    expect(res.json().error.message).toContain('44');
  });

  it('answers 400 naming the field for something that is not a region code', async () => {
    const res = await t.anonymous.get('/api/geo/1x');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'geo.code_rule', field: 'code' });
  });
});
