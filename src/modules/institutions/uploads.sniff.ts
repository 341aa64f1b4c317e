/**
 * What a file really is, from its first bytes: the only judge of an upload's type. The file name
 * and the client's content type are never trusted; a PDF named `.png` is stored as a PDF.
 */

export const SNIFFED_TYPES = {
  'application/pdf': { extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  'image/jpeg': { extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
  'image/png': { extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
} as const;
export type SniffedMime = keyof typeof SNIFFED_TYPES;

/** The type the bytes start with, or null for anything but PDF, JPEG and PNG. */
export function sniffMime(bytes: Uint8Array): SniffedMime | null {
  for (const [mime, { magic }] of Object.entries(SNIFFED_TYPES)) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return mime as SniffedMime;
  }
  return null;
}

/** Whether a sniffed type is an image (photos must be). */
export const isImage = (mime: SniffedMime) => mime !== 'application/pdf';

/**
 * A file name safe to store and show: the base name only, control and path characters removed,
 * at most 120 characters, with the extension of the type actually found (`licence.pdf` that is a
 * PNG becomes `licence.png`).
 */
export function safeFilename(original: string | undefined, mime: SniffedMime): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
  const stem = clean.replace(/\.[^.]*$/, '').slice(0, 100) || 'file';
  return `${stem}.${SNIFFED_TYPES[mime].extension}`;
}

/**
 * A Content-Disposition header for a download: an ASCII fallback name and the UTF-8 name
 * (RFC 6266 / 5987), so Chinese names survive and nothing can break out of the header.
 */
export function contentDisposition(
  filename: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
