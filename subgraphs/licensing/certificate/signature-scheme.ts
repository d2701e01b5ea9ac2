import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { registerEnumType } from 'type-graphql';
import {
  fixedLength,
  generateSm2KeyPair,
  loadSm2PrivateKey,
  loadSm2PublicKey,
  signatureParts,
  SM2_SIGNER_ID,
} from '../../../platform/crypto/sm2-signature';

/** How a certificate is signed; chosen per issuing authority in its key file. */
export enum SignatureAlgorithm {
  SM2_SM3 = 'SM2_SM3',
  ECDSA_P256_SHA256 = 'ECDSA_P256_SHA256',
}

registerEnumType(SignatureAlgorithm, {
  name: 'SignatureAlgorithm',
  description: 'Signature algorithm of an electronic certificate; each issuing authority signs with one.',
  valuesConfig: {
    SM2_SM3: {
      description: 'SM2 digital signature with SM3 (GB/T 32918.2, GB/T 32905), signer ID 1234567812345678 (GM/T 0009).',
    },
    ECDSA_P256_SHA256: { description: 'ECDSA on NIST P-256 with SHA-256 (FIPS 186-4), low-S form.' },
  },
});

// Kept here for the certificate code and its readers; the SM2 implementation is shared (platform/crypto).
export { SM2_SIGNER_ID };

const P256_ORDER = BigInt('0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551');

export interface PublicSigningKey {
  /** Uncompressed point 04 || x || y, lower-case hex: the form SM2 tools take. */
  readonly hex: string;
  verify(message: Buffer, signature: Buffer): boolean;
}

export interface PrivateSigningKey {
  sign(message: Buffer): Buffer;
}

export interface SignatureScheme {
  readonly algorithm: SignatureAlgorithm;
  /** The SM2 signer ID bound into every signature, or null for algorithms without one. */
  readonly signerId: string | null;
  generateKeyPair(): { privateKeyPem: string; publicKeyPem: string };
  loadPublicKey(publicKeyPem: string): PublicSigningKey;
  /** The private key, checked to belong to `publicKey`. */
  loadPrivateKey(privateKeyPem: string, publicKey: PublicSigningKey): PrivateSigningKey;
}

/** The uncompressed point ending a SubjectPublicKeyInfo: BIT STRING { 00 04 x y }. */
function publicPointHex(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  const point = der.subarray(der.length - 65);
  if (der[der.length - 66] !== 0x00 || point[0] !== 0x04) throw new Error('public key is not an uncompressed EC point');
  return point.toString('hex');
}

function namedCurveOf(key: KeyObject): string | undefined {
  return key.asymmetricKeyType === 'ec' ? key.asymmetricKeyDetails?.namedCurve : undefined;
}

function checkCurve(key: KeyObject, curve: string, algorithm: SignatureAlgorithm): void {
  const found = namedCurveOf(key);
  if (found !== curve)
    throw new Error(`${algorithm} needs an EC key on curve ${curve}, not ${found ?? key.asymmetricKeyType}`);
}

/** SM2 (GB/T 32918.2) with SM3 and the standard signer ID (platform/crypto/sm2-signature.ts). */
const SM2_SCHEME: SignatureScheme = {
  algorithm: SignatureAlgorithm.SM2_SM3,
  signerId: SM2_SIGNER_ID,
  generateKeyPair: generateSm2KeyPair,
  loadPublicKey: loadSm2PublicKey,
  loadPrivateKey: loadSm2PrivateKey,
};

/**
 * ECDSA P-256 / SHA-256 by Node's OpenSSL. Signatures are normalised to low S and only low S is
 * accepted, so a stored signature has exactly one valid form: changing any byte of it fails.
 */
const ECDSA_P256_SCHEME: SignatureScheme = {
  algorithm: SignatureAlgorithm.ECDSA_P256_SHA256,
  signerId: null,
  generateKeyPair() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    return {
      privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    };
  },
  loadPublicKey(publicKeyPem) {
    const key = createPublicKey(publicKeyPem);
    checkCurve(key, 'prime256v1', SignatureAlgorithm.ECDSA_P256_SHA256);
    return {
      hex: publicPointHex(key),
      verify(message, signature) {
        const parts = signatureParts(signature, P256_ORDER);
        if (!parts || parts.s > P256_ORDER / 2n) return false;
        return verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, signature);
      },
    };
  },
  loadPrivateKey(privateKeyPem, publicKey) {
    const key = createPrivateKey(privateKeyPem);
    checkCurve(key, 'prime256v1', SignatureAlgorithm.ECDSA_P256_SHA256);
    if (publicPointHex(createPublicKey(key)) !== publicKey.hex)
      throw new Error('the private key does not belong to the public key');
    return {
      sign(message) {
        const signature = sign('sha256', message, { key, dsaEncoding: 'ieee-p1363' });
        const s = BigInt(`0x${signature.subarray(32).toString('hex')}`);
        if (s <= P256_ORDER / 2n) return signature;
        return Buffer.concat([signature.subarray(0, 32), Buffer.from(fixedLength(P256_ORDER - s), 'hex')]);
      },
    };
  },
};

export const SIGNATURE_SCHEMES: Readonly<Record<SignatureAlgorithm, SignatureScheme>> = {
  [SignatureAlgorithm.SM2_SM3]: SM2_SCHEME,
  [SignatureAlgorithm.ECDSA_P256_SHA256]: ECDSA_P256_SCHEME,
};
