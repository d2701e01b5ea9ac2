import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { chinaToday } from '../../../platform/time/china-time';
import { ISSUING_AUTHORITIES, isIssuingAuthority } from './issuing-authority';
import {
  SIGNATURE_SCHEMES,
  SignatureAlgorithm,
  type PrivateSigningKey,
  type PublicSigningKey,
} from './signature-scheme';

export const KEY_FILE_FORMAT = 'single-window-certificate-key/1';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

/**
 * One key file, `<keyId>.json` in the key directory: an authority's key pair and the algorithm it
 * signs with. Without `privateKeyPem` the key only verifies (a retired key kept for what it signed).
 */
const keyFileSchema = z
  .object({
    format: z.literal(KEY_FILE_FORMAT),
    keyId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-"'),
    authorityName: z.string().min(1).max(100),
    authorityRegionCode: z
      .string()
      .refine(isIssuingAuthority, 'must be 000000 (the ministry) or a provincial-level GB/T 2260 code'),
    algorithm: z.nativeEnum(SignatureAlgorithm),
    validFrom: isoDate,
    validUntil: isoDate,
    publicKeyPem: z.string().min(1),
    privateKeyPem: z.string().min(1).optional(),
  })
  .strict()
  .refine((file) => file.validFrom <= file.validUntil, {
    message: 'validFrom must not be after validUntil',
    path: ['validUntil'],
  });

export type KeyFile = z.infer<typeof keyFileSchema>;

/** A loaded key: what is published, and the means to verify and (when held) to sign. */
export interface SigningKey {
  keyId: string;
  authorityName: string;
  authorityRegionCode: string;
  algorithm: SignatureAlgorithm;
  signerId: string | null;
  validFrom: string;
  validUntil: string;
  publicKeyPem: string;
  publicKey: PublicSigningKey;
  privateKey: PrivateSigningKey | null;
}

export class CertificateKeyError extends Error {
  constructor(readonly problems: string[]) {
    super(`Certificate signing keys are not usable:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export interface KeyRingOptions {
  directory: string;
  /** In production a missing or unprotected key stops the start; elsewhere missing keys are generated. */
  production: boolean;
  /** The China date the keys must be valid on (today). */
  today?: string;
  /** Told about each key generated for development. */
  onGenerated?: (key: SigningKey, file: string) => void;
}

function addYearsLessOneDay(isoDate: string, years: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function loadKey(file: KeyFile): SigningKey {
  const scheme = SIGNATURE_SCHEMES[file.algorithm];
  const publicKey = scheme.loadPublicKey(file.publicKeyPem);
  return {
    keyId: file.keyId,
    authorityName: file.authorityName,
    authorityRegionCode: file.authorityRegionCode,
    algorithm: file.algorithm,
    signerId: scheme.signerId,
    validFrom: file.validFrom,
    validUntil: file.validUntil,
    publicKeyPem: file.publicKeyPem,
    publicKey,
    privateKey: file.privateKeyPem ? scheme.loadPrivateKey(file.privateKeyPem, publicKey) : null,
  };
}

/** Writes a new file readable by its owner only; never replaces an existing one. */
function writeKeyFile(path: string, file: KeyFile): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.part`;
  writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    chmodSync(temporary, 0o600);
    linkSync(temporary, path);
  } finally {
    unlinkSync(temporary);
  }
}

/** A development key for an authority: SM2, valid five years from today. */
export function generateKeyFile(
  authority: { regionCode: string; name: string },
  today: string,
  algorithm = SignatureAlgorithm.SM2_SM3,
): KeyFile {
  const pair = SIGNATURE_SCHEMES[algorithm].generateKeyPair();
  return {
    format: KEY_FILE_FORMAT,
    keyId: `${authority.regionCode}-${today.replace(/-/g, '')}-${randomBytes(3).toString('hex')}`,
    authorityName: authority.name,
    authorityRegionCode: authority.regionCode,
    algorithm,
    validFrom: today,
    validUntil: addYearsLessOneDay(today, 5),
    publicKeyPem: pair.publicKeyPem,
    privateKeyPem: pair.privateKeyPem,
  };
}

/**
 * The signing keys of every issuing authority, read once at start from the key directory. Several
 * keys per authority may be present (rotation): the newest valid one signs, all of them verify.
 */
export class CertificateKeyRing {
  private readonly byId: Map<string, SigningKey>;

  constructor(keys: readonly SigningKey[]) {
    this.byId = new Map(keys.map((key) => [key.keyId, key]));
  }

  static load(options: KeyRingOptions): CertificateKeyRing {
    const directory = resolve(options.directory);
    const today = options.today ?? chinaToday();
    const problems: string[] = [];
    if (!existsSync(directory)) {
      if (options.production)
        throw new CertificateKeyError([`key directory ${directory} does not exist (CERTIFICATE_KEY_DIR)`]);
      mkdirSync(directory, { recursive: true, mode: 0o700 });
    }
    const keys: SigningKey[] = [];
    for (const name of readdirSync(directory)
      .filter((entry) => entry.endsWith('.json'))
      .sort()) {
      const path = join(directory, name);
      let parsed: KeyFile;
      try {
        const result = keyFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        if (!result.success) {
          problems.push(
            ...result.error.issues.map((issue) => `${name}: ${issue.path.join('.') || 'file'}: ${issue.message}`),
          );
          continue;
        }
        parsed = result.data;
        keys.push(loadKey(parsed));
      } catch (error) {
        problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (options.production && parsed.privateKeyPem && (statSync(path).mode & 0o077) !== 0) {
        problems.push(`${name}: holds a private key but is readable by others than its owner (chmod 600)`);
      }
    }
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key.keyId)) problems.push(`key id ${key.keyId} is used by more than one key file`);
      seen.add(key.keyId);
    }
    const ring = new CertificateKeyRing(keys);
    for (const authority of ISSUING_AUTHORITIES) {
      if (ring.signingKeyFor(authority.regionCode, today)) continue;
      if (options.production) {
        problems.push(`no signing key valid on ${today} for ${authority.name} (${authority.regionCode})`);
        continue;
      }
      const file = generateKeyFile(authority, today);
      const path = join(directory, `${file.keyId}.json`);
      writeKeyFile(path, file);
      const key = loadKey(file);
      ring.byId.set(key.keyId, key);
      options.onGenerated?.(key, path);
    }
    if (problems.length > 0) throw new CertificateKeyError(problems);
    return ring;
  }

  /** The key an authority signs with on `date`: the newest valid one holding its private key. */
  signingKeyFor(authorityRegionCode: string, date: string): SigningKey | null {
    let chosen: SigningKey | null = null;
    for (const key of this.byId.values()) {
      if (key.authorityRegionCode !== authorityRegionCode || !key.privateKey) continue;
      if (key.validFrom > date || key.validUntil < date) continue;
      if (
        !chosen ||
        key.validFrom > chosen.validFrom ||
        (key.validFrom === chosen.validFrom && key.keyId > chosen.keyId)
      )
        chosen = key;
    }
    return chosen;
  }

  key(keyId: string): SigningKey | undefined {
    return this.byId.get(keyId);
  }

  /** Every key, by authority then newest first: what the graph publishes. */
  all(): SigningKey[] {
    return [...this.byId.values()].sort(
      (left, right) =>
        left.authorityRegionCode.localeCompare(right.authorityRegionCode) ||
        right.validFrom.localeCompare(left.validFrom) ||
        left.keyId.localeCompare(right.keyId),
    );
  }
}
