import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { KNOWN_ANSWERS, type KnownAnswers } from './known-answer-vectors';
import { sm2PrivateKeyPem, sm2PublicKeyPem } from './sm2-key-encoding';
import { loadSm2PrivateKey, loadSm2PublicKey, type Sm2PublicKey } from './sm2-signature';

/**
 * Known-answer tests of SM2, SM3, SM4 and HMAC-SM3 (GB/T 39786 level 3 asks each process to check its
 * cryptography before using it). Every process runs them at start and refuses to start when one fails.
 * The primitives are the ones the code uses (Node's OpenSSL for SM3, SM4 and HMAC-SM3; the platform's SM2
 * on sm-crypto-v2), behind an interface so a test can hand in a broken one.
 */
export interface CryptoPrimitives {
  sm3(data: Buffer): Buffer;
  hmacSm3(key: Buffer, data: Buffer): Buffer;
  /** One pass of Node's OpenSSL cipher over whole blocks, without padding. */
  sm4(
    cipher: 'sm4-ecb' | 'sm4-cbc',
    direction: 'encrypt' | 'decrypt',
    key: Buffer,
    iv: Buffer | null,
    data: Buffer,
  ): Buffer;
  /** The public point 04 || x || y (hex) of a private scalar (hex). */
  sm2PublicPoint(privateKeyHex: string): string;
  sm2Sign(privateKeyPem: string, publicKeyPem: string, message: Buffer): Buffer;
  sm2Verify(publicKeyPem: string, message: Buffer, signature: Buffer): boolean;
}

// A loaded public key keeps its precomputed table (~40 ms to build): the tests verify with one key thrice.
const publicKeys = new Map<string, Sm2PublicKey>();
function publicKeyOf(publicKeyPem: string): Sm2PublicKey {
  let key = publicKeys.get(publicKeyPem);
  if (!key) publicKeys.set(publicKeyPem, (key = loadSm2PublicKey(publicKeyPem)));
  return key;
}

export const PLATFORM_PRIMITIVES: CryptoPrimitives = {
  sm3: (data) => createHash('sm3').update(data).digest(),
  hmacSm3: (key, data) => createHmac('sm3', key).update(data).digest(),
  sm4(cipher, direction, key, iv, data) {
    const operation = direction === 'encrypt' ? createCipheriv(cipher, key, iv) : createDecipheriv(cipher, key, iv);
    operation.setAutoPadding(false);
    return Buffer.concat([operation.update(data), operation.final()]);
  },
  sm2PublicPoint: (privateKeyHex) => sm2.getPublicKeyFromPrivateKey(privateKeyHex),
  sm2Sign: (privateKeyPem, publicKeyPem, message) =>
    loadSm2PrivateKey(privateKeyPem, publicKeyOf(publicKeyPem)).sign(message),
  sm2Verify: (publicKeyPem, message, signature) => publicKeyOf(publicKeyPem).verify(message, signature),
};

export interface SelfTest {
  /** What is tested and against which vector, in Chinese and in English. */
  zh: string;
  en: string;
  /** Null when the primitive gave the published answer; else what went wrong. */
  run(primitives: CryptoPrimitives, vectors: KnownAnswers): string | null;
}

export interface SelfTestFailure {
  test: SelfTest;
  problem: string;
}

function expectHex(actual: Buffer | string, expected: string): string | null {
  const actualHex = typeof actual === 'string' ? actual.toLowerCase() : actual.toString('hex');
  return actualHex === expected ? null : `expected ${expected}, got ${actualHex}`;
}

const hex = (value: string) => Buffer.from(value, 'hex');

/** HMAC (RFC 2104) built by hand from SM3: ties Node's HMAC-SM3 to the SM3 that passed its vectors. */
function hmacFromSm3(primitives: CryptoPrimitives, key: Buffer, message: Buffer): Buffer {
  const blockBytes = 64;
  const block = Buffer.alloc(blockBytes);
  (key.length > blockBytes ? primitives.sm3(key) : key).copy(block);
  const pad = (byte: number) => Buffer.from(block.map((value) => value ^ byte));
  const inner = primitives.sm3(Buffer.concat([pad(0x36), message]));
  return primitives.sm3(Buffer.concat([pad(0x5c), inner]));
}

function sm2VectorPems(vectors: KnownAnswers): { privateKeyPem: string; publicKeyPem: string } {
  return {
    privateKeyPem: sm2PrivateKeyPem(vectors.sm2.privateKey, vectors.sm2.publicKey),
    publicKeyPem: sm2PublicKeyPem(vectors.sm2.publicKey),
  };
}

export const SELF_TESTS: readonly SelfTest[] = [
  ...KNOWN_ANSWERS.sm3.map((_, index): SelfTest => ({
    zh: `SM3 杂凑（GB/T 32905-2016 附录A 示例${index + 1}）`,
    en: `SM3 hash (GB/T 32905-2016 Annex A, example ${index + 1})`,
    run: (primitives, vectors) => expectHex(primitives.sm3(vectors.sm3[index].message), vectors.sm3[index].digest),
  })),
  {
    zh: 'SM4-ECB 加密与解密（GB/T 32907-2016 附录A 示例1）',
    en: 'SM4-ECB encryption and decryption (GB/T 32907-2016 Annex A, example 1)',
    run: (primitives, { sm4 }) =>
      expectHex(primitives.sm4('sm4-ecb', 'encrypt', hex(sm4.key), null, hex(sm4.plaintext)), sm4.ciphertext) ??
      expectHex(primitives.sm4('sm4-ecb', 'decrypt', hex(sm4.key), null, hex(sm4.ciphertext)), sm4.plaintext),
  },
  {
    zh: 'SM4-CBC 加密与解密，零初始向量，一个分组（GB/T 32907-2016 附录A 示例1）',
    en: 'SM4-CBC encryption and decryption, zero IV, one block (GB/T 32907-2016 Annex A, example 1)',
    run: (primitives, { sm4 }) =>
      expectHex(
        primitives.sm4('sm4-cbc', 'encrypt', hex(sm4.key), Buffer.alloc(16), hex(sm4.plaintext)),
        sm4.ciphertext,
      ) ??
      expectHex(
        primitives.sm4('sm4-cbc', 'decrypt', hex(sm4.key), Buffer.alloc(16), hex(sm4.ciphertext)),
        sm4.plaintext,
      ),
  },
  ...KNOWN_ANSWERS.hmacSm3.map((_, index): SelfTest => ({
    zh: `HMAC-SM3（GM/T 0042-2015 附录D.3 示例${index + 1}），并与由 SM3 按 RFC 2104 构造的结果一致`,
    en: `HMAC-SM3 (GM/T 0042-2015 Annex D.3, example ${index + 1}), and equal to RFC 2104 built from SM3`,
    run(primitives, vectors) {
      const { key, message, mac } = vectors.hmacSm3[index];
      return (
        expectHex(primitives.hmacSm3(hex(key), message), mac) ??
        expectHex(hmacFromSm3(primitives, hex(key), message), mac)
      );
    },
  })),
  {
    zh: 'SM2 由私钥导出公钥（GB/T 32918.5 示例）',
    en: 'SM2 public key derived from the private key (GB/T 32918.5 example)',
    run: (primitives, { sm2: vector }) => expectHex(primitives.sm2PublicPoint(vector.privateKey), vector.publicKey),
  },
  {
    zh: 'SM2 验证已公布的签名（GB/T 32918.5 示例，签名者 ID 1234567812345678）',
    en: 'SM2 verifies the published signature (GB/T 32918.5 example, signer ID 1234567812345678)',
    run(primitives, vectors) {
      const { publicKeyPem } = sm2VectorPems(vectors);
      return primitives.sm2Verify(publicKeyPem, vectors.sm2.message, hex(vectors.sm2.signature))
        ? null
        : 'the published signature did not verify';
    },
  },
  {
    zh: 'SM2 签名后验证；改动一位的签名验证不通过',
    en: 'SM2 sign then verify; a signature with one bit flipped fails',
    run(primitives, vectors) {
      const { privateKeyPem, publicKeyPem } = sm2VectorPems(vectors);
      const signature = primitives.sm2Sign(privateKeyPem, publicKeyPem, vectors.sm2.message);
      if (!primitives.sm2Verify(publicKeyPem, vectors.sm2.message, signature))
        return 'a fresh signature did not verify';
      const flipped = Buffer.from(signature);
      flipped[flipped.length - 1] ^= 0x01;
      return primitives.sm2Verify(publicKeyPem, vectors.sm2.message, flipped)
        ? 'a signature with one bit flipped verified'
        : null;
    },
  },
];

/** Runs every self-test; a test that throws has failed. */
export function runCryptoSelfTests(
  primitives: CryptoPrimitives = PLATFORM_PRIMITIVES,
  vectors: KnownAnswers = KNOWN_ANSWERS,
): SelfTestFailure[] {
  const failures: SelfTestFailure[] = [];
  for (const test of SELF_TESTS) {
    let problem: string | null;
    try {
      problem = test.run(primitives, vectors);
    } catch (error) {
      problem = `it threw: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (problem !== null) failures.push({ test, problem });
  }
  return failures;
}

/** What an operator reads when a process refuses to start: every failed test, in Chinese and English. */
export function describeSelfTestFailures(processName: string, failures: readonly SelfTestFailure[]): string {
  return [
    `密码算法自检失败，${processName} 拒绝启动 / cryptographic self-test failed: ${processName} refuses to start`,
    ...failures.map(({ test, problem }) => `  - ${test.zh} / ${test.en}: ${problem}`),
  ].join('\n');
}

/**
 * Runs the self-tests before a process starts; when any fails, prints which (no stack trace) and exits
 * with code 1. `options` are for tests.
 */
export function cryptoSelfTestOrExit(
  processName: string,
  options: { primitives?: CryptoPrimitives; print?: (text: string) => void; exit?: (code: number) => never } = {},
): void {
  const failures = runCryptoSelfTests(options.primitives);
  if (failures.length === 0) return;
  (options.print ?? ((text: string) => console.error(text)))(describeSelfTestFailures(processName, failures));
  (options.exit ?? ((code: number) => process.exit(code)))(1);
}
