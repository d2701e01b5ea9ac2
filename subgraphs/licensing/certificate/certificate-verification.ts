import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { PermitCertificate } from './permit-certificate.entity';
import { SignatureAlgorithm } from './signature-scheme';

export enum CertificateStatus {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
  NOT_FOUND = 'NOT_FOUND',
  INVALID_SIGNATURE = 'INVALID_SIGNATURE',
}

registerEnumType(CertificateStatus, {
  name: 'CertificateStatus',
  description:
    'What verifying an electronic certificate found. The signature is checked first; the permit register decides the rest.',
  valuesConfig: {
    VALID: { description: 'Genuine, and its permit is in force today.' },
    EXPIRED: { description: 'Genuine, but past its last day of validity (China Standard Time).' },
    SUSPENDED: { description: 'Genuine, but its permit is suspended (暂扣).' },
    REVOKED: { description: 'Genuine, but its permit is revoked (吊销/撤销).' },
    NOT_FOUND: { description: 'No certificate with this identifier is in the register.' },
    INVALID_SIGNATURE: {
      description:
        'The stored certificate does not match its signature (altered, or signed by an unknown key): do not rely on it.',
    },
  },
});

@ObjectType({ description: 'The result of verifying an electronic certificate (电子证照核验).' })
export class CertificateVerification {
  @Field({ description: 'The identifier verified, as normalised (upper case).' })
  certificateId: string;

  @Field(() => CertificateStatus, { description: 'What was found.' })
  status: CertificateStatus;

  @Field({ description: 'When the verification ran (UTC).' })
  checkedAt: Date;

  @Field(() => PermitCertificate, {
    nullable: true,
    description:
      'The signed content; null when NOT_FOUND or INVALID_SIGNATURE, since then nothing stated can be relied on.',
  })
  certificate: PermitCertificate | null;
}

@ObjectType({
  description: 'A public key that electronic certificates are verified with (one or more per issuing authority).',
})
export class CertificateSigningKey {
  @Field({ description: 'Key identifier, as named in each certificate it signed.' })
  keyId: string;

  @Field({ description: 'Name of the authority holding the key.' })
  authorityName: string;

  @Field({ description: 'GB/T 2260 code of the authority (000000 for the ministry).' })
  authorityRegionCode: string;

  @Field(() => SignatureAlgorithm, { description: 'What the key signs with.' })
  algorithm: SignatureAlgorithm;

  @Field(() => String, {
    nullable: true,
    description: 'For SM2: the signer ID bound into the signature (1234567812345678); null otherwise.',
  })
  signerId: string | null;

  @Field({ description: 'The public key, SubjectPublicKeyInfo PEM.' })
  publicKeyPem: string;

  @Field({ description: 'The public key as an uncompressed point 04 || x || y, hex (the form SM2 tools take).' })
  publicKeyHex: string;

  @Field({ description: 'First day the key signs, YYYY-MM-DD.' })
  validFrom: string;

  @Field({ description: 'Last day the key signs, YYYY-MM-DD; it keeps verifying what it signed.' })
  validUntil: string;
}
