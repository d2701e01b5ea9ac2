import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { LocalDirectoryFileStore, sm3Hex } from './file-store';

describe('the local file store', () => {
  it('stores bytes with their SM3 digest and reads them back checked', async () => {
    const store = new LocalDirectoryFileStore(mkdtempSync(join(tmpdir(), 'files-')), 'licensing');
    const stored = await store.put(Buffer.from('营业执照扫描件'));
    expect(stored.sm3Digest).toBe(sm3Hex(Buffer.from('营业执照扫描件')));
    expect((await store.read(stored.storageReference, stored.sm3Digest, 'Attachment 营业执照')).toString()).toBe(
      '营业执照扫描件',
    );
  });

  it('names the item whose bytes were altered after storing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'files-'));
    const store = new LocalDirectoryFileStore(root, 'enforcement');
    const stored = await store.put(Buffer.from('现场照片'));
    writeFileSync(join(root, stored.storageReference.slice('local:'.length)), '篡改后的照片');
    await expect(store.read(stored.storageReference, stored.sm3Digest, 'Evidence E-7')).rejects.toMatchObject({
      message: expect.stringMatching(/^Evidence E-7 does not match its recorded SM3 digest/),
      extensions: { code: 'CONFLICT', reason: 'DIGEST_MISMATCH' },
    });
  });

  it('refuses a reference that would leave its directory', async () => {
    const store = new LocalDirectoryFileStore(mkdtempSync(join(tmpdir(), 'files-')), 'x');
    await expect(store.read('local:../../etc/passwd', 'a', 'x')).rejects.toThrow(/escapes the store/);
  });
});
