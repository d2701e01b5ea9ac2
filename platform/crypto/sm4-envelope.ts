import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Authenticated encryption with the national algorithms through Node's OpenSSL: SM4-CBC (GB/T 32907) with
 * a random IV per value, then HMAC-SM3 (GB/T 32905, RFC 2104) over everything that identifies the value
 * (encrypt-then-MAC). Both keys come from one 32-byte secret by HKDF-SM3 (RFC 5869), so a key is one secret.
 * Node's OpenSSL 3.0 has no SM4-GCM; SM4-CBC + HMAC-SM3 is the construction GB/T 39786 assessments accept,
 * and native it costs about a third of sm-crypto-v2's pure-JS SM4-GCM (see the README's Cryptography section).
 */
export const ENVELOPE_VERSION = 'sm4e1';

const SECRET_BYTES = 32;
const SM4_KEY_BYTES = 16;
const IV_BYTES = 16;
const MAC_BYTES = 32;
const BLOCK_BYTES = 16;

export class SymmetricKey {
  private readonly encryptionKey: Buffer;
  private readonly macKey: Buffer;

  /** `id` names the key beside every ciphertext it makes; `secret` is its 32 random bytes. */
  constructor(
    readonly id: string,
    /** Kept so the ring can store this key in a second schema of its department. */
    readonly secret: Buffer,
  ) {
    if (secret.length !== SECRET_BYTES) throw new Error(`key ${id}: a key secret is ${SECRET_BYTES} bytes`);
    const derived = Buffer.from(hkdfSync('sm3', secret, Buffer.alloc(0), 'single-window sm4-cbc hmac-sm3', 48));
    this.encryptionKey = derived.subarray(0, SM4_KEY_BYTES);
    this.macKey = derived.subarray(SM4_KEY_BYTES);
  }

  static generateSecret(): Buffer {
    return randomBytes(SECRET_BYTES);
  }

  private mac(associatedData: string, iv: Buffer, ciphertext: Buffer): Buffer {
    return createHmac('sm3', this.macKey)
      .update(`${ENVELOPE_VERSION}\0${this.id}\0${associatedData}\0`, 'utf8')
      .update(iv)
      .update(ciphertext)
      .digest();
  }

  /** iv || ciphertext || mac, binding the key id and `associatedData` (what the value is, e.g. table.column). */
  seal(plaintext: Buffer, associatedData: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('sm4-cbc', this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([iv, ciphertext, this.mac(associatedData, iv, ciphertext)]);
  }

  /** The plaintext, or EnvelopeError when anything (key, IV, ciphertext, its length, the associated data) differs. */
  open(sealed: Buffer, associatedData: string): Buffer {
    const ciphertextBytes = sealed.length - IV_BYTES - MAC_BYTES;
    if (ciphertextBytes < BLOCK_BYTES || ciphertextBytes % BLOCK_BYTES !== 0)
      throw new EnvelopeError('truncated or padded: the ciphertext is not a whole number of SM4 blocks');
    const iv = sealed.subarray(0, IV_BYTES);
    const ciphertext = sealed.subarray(IV_BYTES, IV_BYTES + ciphertextBytes);
    const mac = sealed.subarray(IV_BYTES + ciphertextBytes);
    // Checked before decrypting: a wrong key, a swapped IV or an altered byte never yields wrong plaintext.
    if (!timingSafeEqual(mac, this.mac(associatedData, iv, ciphertext)))
      throw new EnvelopeError('the HMAC-SM3 does not match: wrong key, or the value, its IV or its place was altered');
    const decipher = createDecipheriv('sm4-cbc', this.encryptionKey, iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  }
}

export class EnvelopeError extends Error {}

/** A stored text value: `sm4e1:<key id>:<base64 of iv || ciphertext || mac>`. */
export function sealText(key: SymmetricKey, plaintext: string, associatedData: string): string {
  return `${ENVELOPE_VERSION}:${key.id}:${key.seal(Buffer.from(plaintext, 'utf8'), associatedData).toString('base64')}`;
}

export interface ParsedEnvelope {
  keyId: string;
  sealed: Buffer;
}

const ENVELOPE_PATTERN = /^sm4e1:([A-Za-z0-9._-]{1,40}):([A-Za-z0-9+/]+={0,2})$/;

/** True for anything that claims to be an envelope, well-formed or not. */
export function looksSealed(value: string): boolean {
  return value.startsWith(`${ENVELOPE_VERSION}:`);
}

/** The key id and sealed bytes of an envelope, or EnvelopeError when it is malformed. */
export function parseEnvelope(value: string): ParsedEnvelope {
  const match = ENVELOPE_PATTERN.exec(value);
  if (!match) throw new EnvelopeError('not a well-formed sm4e1 envelope');
  return { keyId: match[1], sealed: Buffer.from(match[2], 'base64') };
}

export function openText(key: SymmetricKey, envelope: ParsedEnvelope, associatedData: string): string {
  return key.open(envelope.sealed, associatedData).toString('utf8');
}

/** A keyed blind index (HMAC-SM3) of a value, for exact lookups without decrypting: 64 hex characters. */
export function blindIndexOf(indexKey: Buffer, scope: string, value: string): string {
  return createHmac('sm3', indexKey).update(`${scope}\0`, 'utf8').update(value, 'utf8').digest('hex');
}

/** Characters a stored envelope of `plaintextBytes` bytes takes, with a 40-character key id. */
export function envelopeLength(plaintextBytes: number): number {
  const sealedBytes = IV_BYTES + (Math.floor(plaintextBytes / BLOCK_BYTES) + 1) * BLOCK_BYTES + MAC_BYTES;
  return ENVELOPE_VERSION.length + 1 + 40 + 1 + Math.ceil(sealedBytes / 3) * 4;
}
