import { describe, expect, it } from 'vitest';
import { contentDisposition, safeFilename, sniffMime } from './uploads.sniff.js';

describe('sniffing an upload', () => {
  it('knows PDF, JPEG and PNG by their first bytes, and nothing else', () => {
    expect(sniffMime(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffMime(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0x00]))).toBe('image/jpeg');
    expect(sniffMime(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))).toBe('image/png');
    expect(sniffMime(Buffer.from('%PDF'))).toBeNull();
    expect(sniffMime(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffMime(Buffer.from('<html><script>'))).toBeNull();
    expect(sniffMime(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
    expect(sniffMime(Buffer.alloc(0))).toBeNull();
  });

  it('names the stored file after what it really is, without paths or control characters', () => {
    expect(safeFilename('licence.pdf', 'image/png')).toBe('licence.png');
    expect(safeFilename('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFilename('C:\\scans\\照片.JPG', 'image/jpeg')).toBe('照片.jpg');
    expect(safeFilename('a\r\nb".pdf', 'application/pdf')).toBe('ab.pdf');
    expect(safeFilename(undefined, 'image/png')).toBe('file.png');
  });

  it('writes a Content-Disposition that keeps Chinese names and cannot be broken out of', () => {
    expect(contentDisposition('营业执照.pdf')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf`,
    );
    expect(contentDisposition('a";b.pdf')).toBe(
      `attachment; filename="a__b.pdf"; filename*=UTF-8''a%22%3Bb.pdf`,
    );
  });
});
