/**
 * The canonical encoding of an electronic certificate: the exact bytes its signature covers.
 * Specified in canonical-encoding.md beside this file; a verifier in any language can rebuild it.
 *
 * A JSON array (RFC 8259) of strings, no whitespace, each string escaped as RFC 8785 (JCS) does
 * (which is what ECMAScript's JSON.stringify does), encoded in UTF-8. The first element names the
 * format, the rest are the fields in CERTIFICATE_FIELDS order. Every value is a string, so no number
 * formatting is involved. The key ID and the algorithm are signed too, so neither can be swapped.
 */
export const CERTIFICATE_FORMAT = 'SW-CERT-1';

/** What a certificate states, all as text. */
export interface CertificateContent {
  /** ZZ-<authority region>-<year>-<16 random Crockford base32 characters>. */
  certificateId: string;
  permitNumber: string;
  /** PermitKind code, e.g. ROAD_FREIGHT_TRANSPORT. */
  permitKind: string;
  scope: string;
  holderCreditCode: string;
  holderName: string;
  /** GB/T 2260 code of the authority that granted the permit. */
  permitRegionCode: string;
  /** YYYY-MM-DD, China Standard Time. */
  validFrom: string;
  validUntil: string;
  /** The signing authority (a provincial transport department or the ministry). */
  authorityName: string;
  authorityRegionCode: string;
  /** UTC instant, YYYY-MM-DDTHH:MM:SS.000Z (whole seconds). */
  issuedAt: string;
  keyId: string;
  /** SignatureAlgorithm code. */
  algorithm: string;
}

/** The order of the fields after the format name. Never reorder: a new order is a new format. */
export const CERTIFICATE_FIELDS: ReadonlyArray<keyof CertificateContent> = [
  'certificateId',
  'permitNumber',
  'permitKind',
  'scope',
  'holderCreditCode',
  'holderName',
  'permitRegionCode',
  'validFrom',
  'validUntil',
  'authorityName',
  'authorityRegionCode',
  'issuedAt',
  'keyId',
  'algorithm',
];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The text a certificate's signature covers (its UTF-8 bytes are what is signed). */
export function canonicalText(content: CertificateContent): string {
  const values = CERTIFICATE_FIELDS.map((field) => {
    const value = content[field];
    if (typeof value !== 'string') throw new Error(`certificate field ${field} is not text`);
    // A lone surrogate has no UTF-8 form; JSON.stringify would escape it, other encoders might not.
    if (LONE_SURROGATE.test(value)) throw new Error(`certificate field ${field} is not well-formed Unicode`);
    return value;
  });
  return JSON.stringify([CERTIFICATE_FORMAT, ...values]);
}

export function canonicalEncoding(content: CertificateContent): Buffer {
  return Buffer.from(canonicalText(content), 'utf8');
}
