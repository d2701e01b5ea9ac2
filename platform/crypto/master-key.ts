import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SymmetricKey } from './sm4-envelope';

/**
 * What wraps the departments' data keys. The file-based key is the default; a hardware security module or a
 * key management service plugs in by implementing this interface (its secret never leaves it: it is asked
 * to wrap and unwrap, never for the master key).
 */
export interface MasterKeyProvider {
  /** A fingerprint stored beside each wrapped key, so a key wrapped by another master key is named, not garbled. */
  readonly id: string;
  wrap(secret: Buffer, label: string): Promise<string>;
  unwrap(wrapped: string, label: string): Promise<Buffer>;
}

// The development master key: fine for a laptop and the tests, refused when APP_ENV=production.
export const DEVELOPMENT_MASTER_KEY_HEX = 'dede0123456789abcdef0123456789abcdef0123456789abcdef0123456789de';

const MASTER_KEY_PATTERN = /^[0-9a-f]{64}$/;

export class MasterKeyError extends Error {}

/** A 32-byte master key (64 hex characters) kept in a file outside the database. */
export class FileMasterKey implements MasterKeyProvider {
  readonly id: string;
  private readonly key: SymmetricKey;

  constructor(secretHex: string) {
    const secret = Buffer.from(secretHex, 'hex');
    this.id = `mk-${createHash('sm3').update(secret).digest('hex').slice(0, 16)}`;
    this.key = new SymmetricKey(this.id, secret);
  }

  wrap(secret: Buffer, label: string): Promise<string> {
    return Promise.resolve(this.key.seal(secret, `wrap\0${label}`).toString('base64'));
  }

  unwrap(wrapped: string, label: string): Promise<Buffer> {
    return Promise.resolve(this.key.open(Buffer.from(wrapped, 'base64'), `wrap\0${label}`));
  }
}

export interface MasterKeySettings {
  /** The key file, or null for the development key. */
  file: string | null;
  production: boolean;
}

/** Reads the master key file (or takes the development key), refusing the development key in production. */
export function loadMasterKey(settings: MasterKeySettings): MasterKeyProvider {
  if (settings.file === null) {
    if (settings.production)
      throw new MasterKeyError(
        'PII_MASTER_KEY_FILE 未配置：生产环境不得使用开发主密钥。PII_MASTER_KEY_FILE must name the master key file in production',
      );
    return new FileMasterKey(DEVELOPMENT_MASTER_KEY_HEX);
  }
  let text: string;
  try {
    text = readFileSync(settings.file, 'utf8').trim().toLowerCase();
  } catch (error) {
    throw new MasterKeyError(
      `主密钥文件无法读取。The master key file ${settings.file} cannot be read: ${(error as Error).message}`,
    );
  }
  if (!MASTER_KEY_PATTERN.test(text))
    throw new MasterKeyError(
      `主密钥文件格式错误。The master key file ${settings.file} must hold 64 hex characters (32 random bytes), e.g. from \`openssl rand -hex 32\``,
    );
  if (settings.production && text === DEVELOPMENT_MASTER_KEY_HEX)
    throw new MasterKeyError(
      `生产环境不得使用开发主密钥。The master key file ${settings.file} holds the development master key, refused in production`,
    );
  return new FileMasterKey(text);
}
