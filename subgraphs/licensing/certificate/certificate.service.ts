import { randomInt } from 'node:crypto';
import DataLoader from 'dataloader';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { invalidInput, notFound } from '../../../platform/errors/domain-error';
import { unavailable } from '../licensing.errors';
import { chinaDate, chinaToday } from '../../../platform/time/china-time';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Permit, PermitStatus } from '../permit/permit.entity';
import { canonicalEncoding } from './canonical-encoding';
import type { CertificateIssuer } from './certificate-issuer';
import type { CertificateKeyRing, SigningKey } from './certificate-key-ring';
import { CertificateSigningKey, CertificateStatus, CertificateVerification } from './certificate-verification';
import { signingAuthorityOf } from './issuing-authority';
import { contentOf, PermitCertificate } from './permit-certificate.entity';
import { wholeSeconds } from '../../../platform/time/whole-seconds';

// Crockford base32: no I, L, O or U, so an identifier read off paper is not mistyped into another.
const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_RANDOM_LENGTH = 16; // 80 bits: identifiers cannot be guessed or enumerated
export const CERTIFICATE_ID_PATTERN = /^ZZ-\d{6}-\d{4}-[0-9A-HJKMNP-TV-Z]{16}$/;

function newCertificateId(authorityRegionCode: string, issuedAt: Date): string {
  const random = Array.from({ length: ID_RANDOM_LENGTH }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');
  return `ZZ-${authorityRegionCode}-${chinaDate(issuedAt).slice(0, 4)}-${random}`;
}

/** Base64 of exactly 64 bytes in its one canonical spelling, or null. */
function decodeSignature(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/**
 * Issues electronic certificates (许可证件电子化) inside the transaction that issues a permit, and
 * verifies them for anyone holding an identifier: the signature over the stored content first, then
 * the permit's standing in the register.
 */
export class CertificateService implements CertificateIssuer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: CertificateKeyRing,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async issue(manager: EntityManager, permit: Permit): Promise<{ certificateId: string }> {
    // Whole seconds: the instant is signed as text and must read back the same from any database.
    const issuedAt = wholeSeconds(this.now());
    const authorityRegionCode = signingAuthorityOf(permit.regionCode);
    const key = this.keys.signingKeyFor(authorityRegionCode, chinaDate(issuedAt));
    if (!key?.privateKey) {
      throw unavailable(
        'NO_SIGNING_KEY',
        `No certificate signing key is valid today for authority ${authorityRegionCode}; the permit was not issued`,
      );
    }
    const holder = await manager.findOneBy(Enterprise, { creditCode: permit.creditCode });
    if (!holder) throw notFound('Enterprise', permit.creditCode);
    const certificate = manager.create(PermitCertificate, {
      certificateId: newCertificateId(authorityRegionCode, issuedAt),
      permitNumber: permit.number,
      permitKind: permit.kind,
      scope: permit.scope,
      holderCreditCode: permit.creditCode,
      holderName: holder.name,
      permitRegionCode: permit.regionCode,
      validFrom: permit.validFrom,
      validUntil: permit.validUntil,
      authorityName: key.authorityName,
      authorityRegionCode,
      issuedAtText: issuedAt.toISOString(),
      keyId: key.keyId,
      algorithm: key.algorithm,
    });
    const encoding = canonicalEncoding(contentOf(certificate));
    const signature = key.privateKey.sign(encoding);
    // A signature that does not verify (a faulty signer) must never reach a holder.
    if (!key.publicKey.verify(encoding, signature))
      throw new Error(`signing key ${key.keyId} produced a signature that does not verify`);
    certificate.signature = signature.toString('base64');
    await manager.insert(PermitCertificate, certificate);
    return { certificateId: certificate.certificateId };
  }

  /** Verifies a certificate by identifier; open to the public, so it reveals nothing beyond the certificate. */
  async verify(id: string): Promise<CertificateVerification> {
    const certificateId = id.trim().toUpperCase();
    if (certificateId.length > 64 || !CERTIFICATE_ID_PATTERN.test(certificateId)) {
      throw invalidInput(
        'id',
        'must be a certificate identifier: ZZ-<six-digit region>-<year>-<16 letters and digits>',
      );
    }
    const answer = (
      status: CertificateStatus,
      certificate: PermitCertificate | null = null,
    ): CertificateVerification => ({
      certificateId,
      status,
      checkedAt: this.now(),
      certificate,
    });
    const certificate = await this.dataSource.getRepository(PermitCertificate).findOneBy({ certificateId });
    if (!certificate) return answer(CertificateStatus.NOT_FOUND);
    if (!this.signatureHolds(certificate)) return answer(CertificateStatus.INVALID_SIGNATURE);
    const permit = await this.dataSource.getRepository(Permit).findOneBy({ number: certificate.permitNumber });
    if (!permit) return answer(CertificateStatus.NOT_FOUND);
    if (permit.recordedStatus === PermitStatus.REVOKED) return answer(CertificateStatus.REVOKED, certificate);
    if (permit.recordedStatus === PermitStatus.SUSPENDED) return answer(CertificateStatus.SUSPENDED, certificate);
    if (permit.recordedStatus === PermitStatus.EXPIRED || certificate.validUntil < chinaToday(this.now()))
      return answer(CertificateStatus.EXPIRED, certificate);
    return answer(CertificateStatus.VALID, certificate);
  }

  /**
   * True when the stored signature is the named key's signature over the stored content, the key
   * belongs to the authority the certificate names, and the stored algorithm is the key's.
   */
  signatureHolds(certificate: PermitCertificate): boolean {
    const key: SigningKey | undefined = this.keys.key(certificate.keyId);
    if (!key || key.algorithm !== certificate.algorithm || key.authorityRegionCode !== certificate.authorityRegionCode)
      return false;
    const signature = decodeSignature(certificate.signature);
    if (!signature) return false;
    try {
      return key.publicKey.verify(canonicalEncoding(contentOf(certificate)), signature);
    } catch {
      return false;
    }
  }

  /** The latest certificate of many permits in one statement; only permits granted within the caller's scope. */
  createPermitLoader(scope: RegionScope): DataLoader<string, PermitCertificate | null> {
    return new DataLoader(async (permitNumbers) => {
      const found = await this.dataSource.getRepository(PermitCertificate).find({
        where: { permitNumber: In([...permitNumbers]), ...withinPrefix('permitRegionCode', scope.prefix) },
        order: { id: 'ASC' },
      });
      const latest = new Map(found.map((certificate) => [certificate.permitNumber, certificate]));
      return permitNumbers.map((number) => latest.get(number) ?? null);
    });
  }

  /** Every public key, including retired ones that still verify what they signed. */
  signingKeys(): CertificateSigningKey[] {
    return this.keys.all().map((key) => ({
      keyId: key.keyId,
      authorityName: key.authorityName,
      authorityRegionCode: key.authorityRegionCode,
      algorithm: key.algorithm,
      signerId: key.signerId,
      publicKeyPem: key.publicKeyPem,
      publicKeyHex: key.publicKey.hex,
      validFrom: key.validFrom,
      validUntil: key.validUntil,
    }));
  }

  /** Issues certificates for permits that have none (demo data seeded before certificates existed). */
  async issueMissing(): Promise<number> {
    const permits = await this.dataSource
      .getRepository(Permit)
      .createQueryBuilder('permit')
      .where(
        'NOT EXISTS (SELECT 1 FROM permit_certificate certificate WHERE certificate.permit_number = permit.number)',
      )
      .orderBy('permit.id', 'ASC')
      .getMany();
    for (const permit of permits) await inTransaction(this.dataSource, (manager) => this.issue(manager, permit));
    return permits.length;
  }
}
