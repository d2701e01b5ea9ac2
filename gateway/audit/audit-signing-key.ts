import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  generateSm2KeyPair,
  loadSm2PrivateKey,
  loadSm2PublicKey,
  sm2PublicKeyPemOf,
  type Sm2PrivateKey,
  type Sm2PublicKey,
} from '../../platform/crypto/sm2-signature';
import type { Logger } from '../../platform/observability/logger';
import type { AuditSigningSettings } from '../gateway.config';

/** The gateway's key for signing the audit chain's head, and the public key it publishes for audit:verify. */
export interface AuditSigningKey {
  readonly publicKey: Sm2PublicKey;
  readonly privateKey: Sm2PrivateKey;
}

/** Writes a file that did not exist, readable by its owner only; false when another process wrote it first. */
function writeNewFile(path: string, text: string, mode: number): boolean {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.part`;
  writeFileSync(temporary, text, { mode, flag: 'wx' });
  try {
    chmodSync(temporary, mode);
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function readKeyFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${what} ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * Reads the audit signing key (PKCS#8 PEM, SM2), generating the development one into DATA_DIR the first
 * time (configured files are never generated; production needs one, see gateway.config.ts). Publishes the
 * public key beside it when it is not there yet, and refuses a published key that is not this key's.
 */
export function loadAuditSigningKey(
  settings: AuditSigningSettings,
  logger: Logger,
  production: boolean,
): AuditSigningKey {
  if (settings.generateWhenMissing && !existsSync(settings.keyFile)) {
    mkdirSync(dirname(settings.keyFile), { recursive: true, mode: 0o700 });
    const pair = generateSm2KeyPair();
    if (writeNewFile(settings.keyFile, pair.privateKeyPem, 0o600))
      logger.warn('generated a development audit signing key (set AUDIT_SIGNING_KEY_FILE in production)', {
        keyFile: settings.keyFile,
      });
  }
  const privateKeyPem = readKeyFile(settings.keyFile, 'the audit signing key (AUDIT_SIGNING_KEY_FILE)');
  if ((statSync(settings.keyFile).mode & 0o077) !== 0) {
    const problem = `the audit signing key ${settings.keyFile} is readable by others than its owner (chmod 600)`;
    if (production) throw new Error(problem);
    logger.warn(problem);
  }
  let publicKeyPem: string;
  try {
    publicKeyPem = sm2PublicKeyPemOf(privateKeyPem);
  } catch (error) {
    throw new Error(
      `the audit signing key ${settings.keyFile} is not an SM2 private key: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const publicKey = loadSm2PublicKey(publicKeyPem);
  const privateKey = loadSm2PrivateKey(privateKeyPem, publicKey);
  if (existsSync(settings.publicKeyFile)) {
    const published = loadAuditPublicKey(settings.publicKeyFile);
    if (published.fingerprint !== publicKey.fingerprint)
      throw new Error(
        `the published audit public key ${settings.publicKeyFile} (fingerprint ${published.fingerprint}) is not the signing key's (${publicKey.fingerprint}): every signature would fail to verify`,
      );
  } else {
    try {
      writeNewFile(settings.publicKeyFile, publicKeyPem, 0o644);
    } catch (error) {
      logger.warn('the audit public key could not be published; place it there for audit:verify', {
        publicKeyFile: settings.publicKeyFile,
        error: (error as NodeJS.ErrnoException).code ?? String(error),
      });
    }
  }
  return { publicKey, privateKey };
}

/** The published public key (SubjectPublicKeyInfo PEM, SM2) that audit:verify checks signed checkpoints with. */
export function loadAuditPublicKey(publicKeyFile: string): Sm2PublicKey {
  const pem = readKeyFile(publicKeyFile, 'the audit public key (AUDIT_SIGNING_PUBLIC_KEY_FILE)');
  try {
    return loadSm2PublicKey(pem);
  } catch (error) {
    throw new Error(
      `the audit public key ${publicKeyFile} is not an SM2 public key: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
