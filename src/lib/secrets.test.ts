import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, loadMasterKey } from './secrets.js';

describe('field encryption', () => {
  const cipher = createFieldCipher(randomBytes(32));

  it('round-trips and never stores the plain text', () => {
    const sealed = cipher.encrypt('11010519491231002X');
    expect(sealed).not.toContain('11010519491231002X');
    expect(cipher.decrypt(sealed)).toBe('11010519491231002X');
  });

  it('encrypts the same value differently each time, but indexes it the same', () => {
    expect(cipher.encrypt('a')).not.toBe(cipher.encrypt('a'));
    expect(cipher.blindIndex('a')).toBe(cipher.blindIndex('a'));
    expect(cipher.blindIndex('a')).not.toBe(cipher.blindIndex('b'));
  });

  it('refuses tampered ciphertext and another key', () => {
    const sealed = cipher.encrypt('secret');
    const parts = sealed.split('.');
    parts[2] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
    expect(() => createFieldCipher(randomBytes(32)).decrypt(sealed)).toThrow();
  });

  it('creates a private key file once and reuses it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'doorstep-key-'));
    const first = loadMasterKey(dir, {});
    expect(loadMasterKey(dir, {}).equals(first)).toBe(true);
    expect(statSync(path.join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(
      loadMasterKey(dir, { DOORSTEP_MASTER_KEY: randomBytes(32).toString('base64') }).equals(first),
    ).toBe(false);
  });
});
