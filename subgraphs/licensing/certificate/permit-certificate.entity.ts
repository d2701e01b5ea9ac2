import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PermitKind } from '../permit/permit-kind';
import { canonicalText, type CertificateContent } from './canonical-encoding';
import { SignatureAlgorithm } from './signature-scheme';

/**
 * A permit's electronic certificate as issued: every stated field, and the signature over their
 * canonical encoding. Rows are only ever inserted; verification rebuilds the encoding from the stored
 * columns, so a change to any of them (or to the signature) fails it.
 */
@ObjectType('ElectronicCertificate', {
  description: 'The electronic certificate (电子证照) of a permit, signed by the issuing authority.',
})
@Entity({ name: 'permit_certificate' })
export class PermitCertificate {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({
    description:
      'Certificate identifier, printed and in the QR code: ZZ-<authority region>-<year>-<16 characters>. Never reused.',
  })
  @Index('uq_certificate_id', { unique: true })
  @Column({ name: 'certificate_id', type: 'varchar', length: 40 })
  certificateId: string;

  @Field({ description: 'Number of the permit it certifies.' })
  @Index('ix_certificate_permit')
  @Column({ name: 'permit_number', type: 'varchar', length: 32 })
  permitNumber: string;

  @Field(() => PermitKind, { description: 'What the permit allows.' })
  @Column({ name: 'permit_kind', type: 'varchar', length: 40 })
  permitKind: PermitKind;

  @Field({ description: 'Business scope granted (经营范围).' })
  @Column({ type: 'varchar', length: 500 })
  scope: string;

  @Field({ description: 'Unified social credit code of the holder.' })
  @Column({ name: 'holder_credit_code', type: 'varchar', length: 18 })
  holderCreditCode: string;

  @Field({ description: 'Registered name of the holder (业户名称) when the certificate was issued.' })
  @Column({ name: 'holder_name', type: 'varchar', length: 200 })
  holderName: string;

  @Field({ description: 'GB/T 2260 code of the authority that granted the permit.' })
  @Column({ name: 'permit_region_code', type: 'varchar', length: 6 })
  permitRegionCode: string;

  @Field({ description: 'First day of validity, YYYY-MM-DD, China Standard Time.' })
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field({ description: 'Last day of validity, YYYY-MM-DD, China Standard Time.' })
  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  @Field({
    description: 'Name of the signing authority (发证机关): a provincial transport department or the ministry.',
  })
  @Column({ name: 'authority_name', type: 'varchar', length: 100 })
  authorityName: string;

  @Field({ description: 'GB/T 2260 code of the signing authority (000000 for the ministry).' })
  @Column({ name: 'authority_region_code', type: 'varchar', length: 6 })
  authorityRegionCode: string;

  // Kept as the signed text, so no driver or time-zone setting can change what is verified.
  @Column({ name: 'issued_at', type: 'varchar', length: 24 })
  issuedAtText: string;

  @Field({ description: 'Identifier of the signing key (see certificateSigningKeys).' })
  @Column({ name: 'key_id', type: 'varchar', length: 64 })
  keyId: string;

  @Field(() => SignatureAlgorithm, { description: 'Signature algorithm.' })
  @Column({ type: 'varchar', length: 32 })
  algorithm: SignatureAlgorithm;

  @Field({ description: 'The signature, r || s (32 bytes each, big-endian), base64.' })
  @Column({ type: 'varchar', length: 128 })
  signature: string;

  @Field({ description: 'When the certificate was issued (UTC).' })
  get issuedAt(): Date {
    return new Date(this.issuedAtText);
  }

  @Field({
    description:
      'The exact text signed (UTF-8): the canonical encoding SW-CERT-1 of the fields above, for verifying offline with the published key.',
  })
  get signedContent(): string {
    return canonicalText(contentOf(this));
  }
}

/** The certificate's stated fields, as they are signed. */
export function contentOf(certificate: PermitCertificate): CertificateContent {
  return {
    certificateId: certificate.certificateId,
    permitNumber: certificate.permitNumber,
    permitKind: certificate.permitKind,
    scope: certificate.scope,
    holderCreditCode: certificate.holderCreditCode,
    holderName: certificate.holderName,
    permitRegionCode: certificate.permitRegionCode,
    validFrom: certificate.validFrom,
    validUntil: certificate.validUntil,
    authorityName: certificate.authorityName,
    authorityRegionCode: certificate.authorityRegionCode,
    issuedAt: certificate.issuedAtText,
    keyId: certificate.keyId,
    algorithm: certificate.algorithm,
  };
}
