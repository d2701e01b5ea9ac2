import { spawnSync } from 'node:child_process';
import { KNOWN_ANSWERS } from './known-answer-vectors';
import {
  cryptoSelfTestOrExit,
  describeSelfTestFailures,
  PLATFORM_PRIMITIVES,
  runCryptoSelfTests,
  SELF_TESTS,
  type CryptoPrimitives,
} from './self-test';

function flipFirstBit(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy[0] ^= 0x01;
  return copy;
}

const failedNames = (failures: ReturnType<typeof runCryptoSelfTests>) => failures.map((failure) => failure.test.en);

describe('the cryptographic self-tests', () => {
  it('pass on the platform primitives against the published vectors', () => {
    expect(runCryptoSelfTests()).toEqual([]);
    expect(SELF_TESTS.length).toBe(9);
  });

  it('fail the SM3 tests, and the HMAC built from SM3, when SM3 is broken', () => {
    const broken: CryptoPrimitives = {
      ...PLATFORM_PRIMITIVES,
      sm3: (data) => flipFirstBit(PLATFORM_PRIMITIVES.sm3(data)),
    };
    const failed = failedNames(runCryptoSelfTests(broken));
    expect(failed).toEqual([
      'SM3 hash (GB/T 32905-2016 Annex A, example 1)',
      'SM3 hash (GB/T 32905-2016 Annex A, example 2)',
      'HMAC-SM3 (GM/T 0042-2015 Annex D.3, example 1), and equal to RFC 2104 built from SM3',
      'HMAC-SM3 (GM/T 0042-2015 Annex D.3, example 2), and equal to RFC 2104 built from SM3',
    ]);
  });

  it('fail the SM4 test of the cipher mode that is broken, and name it', () => {
    const broken: CryptoPrimitives = {
      ...PLATFORM_PRIMITIVES,
      sm4: (cipher, direction, key, iv, data) =>
        cipher === 'sm4-cbc' && direction === 'decrypt'
          ? flipFirstBit(PLATFORM_PRIMITIVES.sm4(cipher, direction, key, iv, data))
          : PLATFORM_PRIMITIVES.sm4(cipher, direction, key, iv, data),
    };
    const failures = runCryptoSelfTests(broken);
    expect(failedNames(failures)).toEqual([
      'SM4-CBC encryption and decryption, zero IV, one block (GB/T 32907-2016 Annex A, example 1)',
    ]);
    expect(failures[0].problem).toBe('expected 0123456789abcdeffedcba9876543210, got 0023456789abcdeffedcba9876543210');
  });

  it('fail on a corrupted vector: the published answer no longer matches', () => {
    const corrupted = {
      ...KNOWN_ANSWERS,
      sm4: { ...KNOWN_ANSWERS.sm4, ciphertext: '681edf34d206965e86b3e94f536e4247' },
    };
    expect(failedNames(runCryptoSelfTests(PLATFORM_PRIMITIVES, corrupted))).toEqual([
      'SM4-ECB encryption and decryption (GB/T 32907-2016 Annex A, example 1)',
      'SM4-CBC encryption and decryption, zero IV, one block (GB/T 32907-2016 Annex A, example 1)',
    ]);
    const wrongSignature = {
      ...KNOWN_ANSWERS,
      sm2: { ...KNOWN_ANSWERS.sm2, signature: `${KNOWN_ANSWERS.sm2.signature.slice(0, 127)}b` },
    };
    expect(failedNames(runCryptoSelfTests(PLATFORM_PRIMITIVES, wrongSignature))).toEqual([
      'SM2 verifies the published signature (GB/T 32918.5 example, signer ID 1234567812345678)',
    ]);
  });

  it('fail when SM2 verification accepts anything, or signing throws', () => {
    const lenient: CryptoPrimitives = { ...PLATFORM_PRIMITIVES, sm2Verify: () => true };
    expect(failedNames(runCryptoSelfTests(lenient))).toEqual([
      'SM2 sign then verify; a signature with one bit flipped fails',
    ]);
    const throwing: CryptoPrimitives = {
      ...PLATFORM_PRIMITIVES,
      sm2Sign: () => {
        throw new Error('no entropy');
      },
    };
    const [failure, ...others] = runCryptoSelfTests(throwing);
    expect(others).toEqual([]);
    expect(failure.problem).toBe('it threw: no entropy');
  });

  it('fail when the public key is derived wrongly', () => {
    const wrong: CryptoPrimitives = { ...PLATFORM_PRIMITIVES, sm2PublicPoint: () => `04${'11'.repeat(64)}` };
    expect(failedNames(runCryptoSelfTests(wrong))).toEqual([
      'SM2 public key derived from the private key (GB/T 32918.5 example)',
    ]);
  });

  it('stop the process with a bilingual message naming the failed test', () => {
    const printed: string[] = [];
    const broken: CryptoPrimitives = { ...PLATFORM_PRIMITIVES, hmacSm3: () => Buffer.alloc(32) };
    expect(() =>
      cryptoSelfTestOrExit('gateway', {
        primitives: broken,
        print: (text) => printed.push(text),
        exit: (code) => {
          throw new Error(`exit ${code}`);
        },
      }),
    ).toThrow('exit 1');
    expect(printed[0]).toBe(describeSelfTestFailures('gateway', runCryptoSelfTests(broken)));
    expect(printed[0]).toMatch(
      /^密码算法自检失败，gateway 拒绝启动 \/ cryptographic self-test failed: gateway refuses to start\n/,
    );
    expect(printed[0]).toContain('HMAC-SM3（GM/T 0042-2015 附录D.3 示例1）');
    expect(printed[0]).toContain('HMAC-SM3 (GM/T 0042-2015 Annex D.3, example 1)');
  });

  it('exit a real process with code 1 and no stack trace', () => {
    const script = `
      const { cryptoSelfTestOrExit, PLATFORM_PRIMITIVES } = require(${JSON.stringify(require.resolve('./self-test'))});
      cryptoSelfTestOrExit('probe', { primitives: { ...PLATFORM_PRIMITIVES, sm3: () => Buffer.alloc(32) } });
      console.log('started');
    `;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.status).toBe(1);
    expect(child.stdout).toBe('');
    expect(child.stderr).toContain('SM3 hash (GB/T 32905-2016 Annex A, example 1): expected 66c7f0f4');
    expect(child.stderr).not.toMatch(/\n\s+at /);
  });
});
