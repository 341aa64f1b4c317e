import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { badRequest, M, notFound } from '../../server/errors.js';
import { CLASS_TYPES, classTypesForAge } from '../../standards/childcare-classes.js';
import * as repo from './directory.repo.js';
import type { DirectoryItemView, DirectoryPageView, DirectoryQuery } from './directory.schema.js';
import { XM } from './import.messages.js';
import { KIND_KEYS } from './institutions.kinds.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const truthy = (flag: string | undefined) =>
  flag === undefined ? undefined : flag === 'true' || flag === '1';

/** The public fields of a directory entry, and nothing else. */
export function presentDirectoryItem(row: repo.DirectoryRow): DirectoryItemView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    address: row.address,
    regionCode: row.regionCode,
    regionName: row.regionName,
    lat: row.lat,
    lng: row.lng,
    distanceKm: row.distanceKm,
    affordable: row.affordable,
    priceCap: row.priceCap,
    prices: row.prices ?? {},
    careForms: row.careForms ?? [],
    grade: row.grade,
    stars: row.stars,
    capacity: row.capacity,
    freePlaces: row.freePlaces,
    minAgeMonths: row.minAgeMonths,
    maxAgeMonths: row.maxAgeMonths,
    phone: row.phone,
    openingHours: row.openingHours ?? {},
  };
}

/**
 * The repository filters a directory query means, checked: known kinds, lat and lng together,
 * a location for distance sorting (400 naming the field otherwise). Exported for the benchmark,
 * which sends the very same statement straight to PostgreSQL.
 */
export function toDirectoryFilters(query: DirectoryQuery): repo.DirectoryFilters {
  const kinds = query.kind?.split(',');
  const unknown = kinds?.find((k) => !(KIND_KEYS as readonly string[]).includes(k));
  if (unknown)
    throw badRequest(M['validation.enum'], { field: 'kind', options: KIND_KEYS.join(', ') }, 'kind');
  const hasLat = query.lat !== undefined;
  if (hasLat !== (query.lng !== undefined)) {
    throw badRequest(XM['directory.location_pair'], {}, hasLat ? 'lng' : 'lat');
  }
  if (query.sort === 'distance' && !hasLat) throw badRequest(XM['directory.sort_needs_location'], {}, 'sort');
  const near = hasLat ? { lat: query.lat!, lng: query.lng!, radiusKm: query.radiusKm } : undefined;
  return {
    q: query.q || undefined,
    regionCode: query.regionCode,
    kinds,
    careForm: query.careForm,
    ageMonths: query.ageMonths,
    classTypes: query.ageMonths === undefined ? undefined : classTypesForAge(query.ageMonths),
    affordable: truthy(query.affordable),
    grade: query.grade,
    hasPlaces: truthy(query.hasPlaces) === true,
    near,
    sort: query.sort ?? (near ? 'distance' : 'name'),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  };
}

/**
 * Search the public directory: filed institutions only, anyone may ask. With a location the
 * list keeps those within the radius (straight-line) and sorts nearest first by default;
 * without one it sorts by name. Several kinds may be asked for at once (comma-separated).
 */
export async function searchPublicDirectory(db: Db, _ctx: RequestContext, query: DirectoryQuery) {
  const { total, rows } = await repo.searchDirectory(db, toDirectoryFilters(query));
  return { items: rows.map(presentDirectoryItem), total, page: query.page, pageSize: query.pageSize };
}

/**
 * The public page of one filed institution: its entry, what it offers, places per class type,
 * photos. Anything not filed (a draft, a withdrawn or unknown id) is a 404, never a 403, so the
 * directory does not reveal what exists.
 */
export async function getDirectoryPage(db: Db, ctx: RequestContext, id: string): Promise<DirectoryPageView> {
  const missing = () => notFound(ctx.lang === 'en' ? 'institution' : '机构');
  if (!UUID.test(id)) throw missing();
  const { rows } = await repo.searchDirectory(db, { ids: [id], sort: 'name', limit: 1, offset: 0 });
  const row = rows[0];
  if (!row) throw missing();
  const [functions, classes, photos] = await Promise.all([
    repo.listPublicFunctions(db, id),
    repo.listClassPlaces(db, id),
    repo.listPhotoIds(db, id),
  ]);
  const order = (type: string) => {
    const at = (CLASS_TYPES as readonly string[]).indexOf(type);
    return at < 0 ? CLASS_TYPES.length : at;
  };
  return {
    ...presentDirectoryItem(row),
    description: row.description,
    functions: functions.map((f) => ({ function: f.function, capacity: f.capacity, unit: f.unit })),
    classes: classes
      .sort((a, b) => order(a.type) - order(b.type))
      .map((c) => ({ type: c.type, capacity: c.capacity, free: c.free })),
    photos,
    inspectionSummary: null,
  };
}

export interface PublicPhoto {
  mime: string;
  size: number;
  etag: string;
  stream: Readable;
}

/**
 * A photo of a filed institution, for anyone. Other uploads (filing materials, certificates)
 * and photos of institutions not filed are 404, as is a photo whose file is gone.
 */
export async function openDirectoryPhoto(
  db: Db,
  ctx: RequestContext,
  dataDir: string,
  uploadId: string,
): Promise<PublicPhoto> {
  const missing = () => notFound(ctx.lang === 'en' ? 'photo' : '照片');
  if (!UUID.test(uploadId)) throw missing();
  const photo = await repo.findPublicPhoto(db, uploadId);
  if (!photo) throw missing();
  const file = path.isAbsolute(photo.storagePath) ? photo.storagePath : path.join(dataDir, photo.storagePath);
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) throw missing();
  return { mime: photo.mime, size: found.size, etag: `"${photo.sha256}"`, stream: createReadStream(file) };
}
