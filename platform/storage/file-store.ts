import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { DomainError } from '../errors/domain-error';
import { PLATFORM_ERRORS } from '../errors/platform.errors';

/** What is kept in the database about a stored file: where it is and the SM3 digest of its bytes. */
export interface StoredFile {
  /** Opaque reference for the store, e.g. `local:licensing/2026/11/<uuid>`. */
  storageReference: string;
  /** SM3 (GB/T 32905-2016) of the bytes, lower-case hex. */
  sm3Digest: string;
  sizeBytes: number;
}

/**
 * Where attachments and evidence live. The local directory store is the default; an S3-compatible
 * store implements the same interface. Every read checks the bytes against the recorded digest.
 */
export interface FileStore {
  put(bytes: Buffer): Promise<StoredFile>;
  /** The bytes, after checking them against `expectedDigest`; `itemName` names the item in the error. */
  read(reference: string, expectedDigest: string, itemName: string): Promise<Buffer>;
}

export function sm3Hex(bytes: Buffer | string): string {
  return createHash('sm3').update(bytes).digest('hex');
}

/** Thrown when stored bytes no longer match their recorded digest: the file was altered or replaced. */
export function digestMismatch(itemName: string): DomainError {
  return PLATFORM_ERRORS.conflict(
    'DIGEST_MISMATCH',
    `${itemName} does not match its recorded SM3 digest: it was altered after it was stored`,
  );
}

const LOCAL_PREFIX = 'local:';

/** Files under one directory, written atomically (temp file, then rename), named by a random id. */
export class LocalDirectoryFileStore implements FileStore {
  private readonly root: string;

  constructor(
    root: string,
    private readonly namespace: string,
  ) {
    this.root = resolve(root);
  }

  async put(bytes: Buffer): Promise<StoredFile> {
    const now = new Date();
    const relative = `${this.namespace}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    const path = this.pathOf(relative);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.part`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, path);
    return { storageReference: `${LOCAL_PREFIX}${relative}`, sm3Digest: sm3Hex(bytes), sizeBytes: bytes.length };
  }

  async read(reference: string, expectedDigest: string, itemName: string): Promise<Buffer> {
    if (!reference.startsWith(LOCAL_PREFIX)) throw new Error(`not a local file reference: ${reference}`);
    const path = this.pathOf(reference.slice(LOCAL_PREFIX.length));
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw PLATFORM_ERRORS.conflict('FILE_MISSING', `${itemName} is missing from the file store`);
    }
    if (sm3Hex(bytes) !== expectedDigest) throw digestMismatch(itemName);
    return bytes;
  }

  /** Resolves a relative reference inside the root, refusing any path that would leave it. */
  private pathOf(relative: string): string {
    const path = resolve(join(this.root, relative));
    if (!path.startsWith(`${this.root}${sep}`)) throw new Error(`file reference escapes the store: ${relative}`);
    return path;
  }
}
