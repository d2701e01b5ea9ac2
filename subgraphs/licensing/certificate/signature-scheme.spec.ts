import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sm2 } from 'sm-crypto-v2';
import { SIGNATURE_SCHEMES, SignatureAlgorithm, SM2_SIGNER_ID } from './signature-scheme';
import {
  sm2PrivateKeyOf,
  sm2PrivateKeyPem,
  sm2PublicKeyPem,
  sm2PublicPointOf,
} from '../../../platform/crypto/sm2-key-encoding';

// Published vectors, not computed here:
// - SM2: the digital signature example on the recommended 256-bit curve of GM/T 0003.5-2012 /
//   GB/T 32918.5-2017 (appendix), signer ID "1234567812345678", message "message digest".
// - ECDSA: RFC 6979 appendix A.2.5 (P-256, SHA-256), messages "sample" and "test".
const SM2_VECTOR = {
  privateKey: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
  publicX: '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020',
  publicY: 'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  message: 'message digest',
  e: 'f0b43e94ba45accaace692ed534382eb17e6ab5a19ce7b31f4486fdfc0d28640',
  k: '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21',
  r: 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3',
  s: 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
};

const P256_VECTOR = {
  privateKey: 'c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721',
  publicX: '60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6',
  publicY: '7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299',
  sample: {
    r: 'efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716',
    s: 'f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8',
  },
  test: {
    r: 'f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367',
    s: '019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083',
  },
};

const P256_ORDER = BigInt('0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551');
const SM2_ORDER_HEX = 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123';

/** The vector's key pair as PEM, the form key files hold. */
function sm2VectorPem(): { privateKeyPem: string; publicKeyPem: string } {
  const point = `04${SM2_VECTOR.publicX}${SM2_VECTOR.publicY}`;
  return { privateKeyPem: sm2PrivateKeyPem(SM2_VECTOR.privateKey, point), publicKeyPem: sm2PublicKeyPem(point) };
}

function p256VectorPem(): { privateKeyPem: string; publicKeyPem: string } {
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    x: Buffer.from(P256_VECTOR.publicX, 'hex').toString('base64url'),
    y: Buffer.from(P256_VECTOR.publicY, 'hex').toString('base64url'),
  };
  return {
    publicKeyPem: createPublicKey({ key: jwk, format: 'jwk' }).export({ format: 'pem', type: 'spki' }).toString(),
    privateKeyPem: createPrivateKey({
      key: { ...jwk, d: Buffer.from(P256_VECTOR.privateKey, 'hex').toString('base64url') },
      format: 'jwk',
    })
      .export({ format: 'pem', type: 'pkcs8' })
      .toString(),
  };
}

const hex = (value: string) => Buffer.from(value, 'hex');

describe('SM2 with SM3 (GB/T 32918), against the published example', () => {
  const scheme = SIGNATURE_SCHEMES[SignatureAlgorithm.SM2_SM3];
  const pem = sm2VectorPem();
  const publicKey = scheme.loadPublicKey(pem.publicKeyPem);
  const message = Buffer.from(SM2_VECTOR.message);
  const signature = hex(`${SM2_VECTOR.r}${SM2_VECTOR.s}`);

  it('uses the standard signer ID', () => {
    expect(scheme.signerId).toBe('1234567812345678');
    expect(SM2_SIGNER_ID).toBe('1234567812345678');
  });

  it('reads the example key pair from PEM: the public key is the private key times G', () => {
    expect(publicKey.hex).toBe(`04${SM2_VECTOR.publicX}${SM2_VECTOR.publicY}`);
    expect(() => scheme.loadPrivateKey(pem.privateKeyPem, publicKey)).not.toThrow();
  });

  it('hashes Z and the message to the published e', () => {
    const messageHex = message.toString('hex');
    expect(sm2.getHash(messageHex, publicKey.hex, SM2_SIGNER_ID)).toBe(SM2_VECTOR.e);
  });

  it('signs with the published random k to the published (r, s)', () => {
    const kPoint = sm2.getPublicKeyFromPrivateKey(SM2_VECTOR.k);
    const x1 = BigInt(`0x${kPoint.slice(2, 66)}`);
    const signed = sm2.doSignature(message, SM2_VECTOR.privateKey, {
      hash: true,
      userId: SM2_SIGNER_ID,
      publicKey: publicKey.hex,
      pointPool: [{ k: BigInt(`0x${SM2_VECTOR.k}`), x1 }],
    });
    expect(signed).toBe(`${SM2_VECTOR.r}${SM2_VECTOR.s}`);
  });

  it('verifies the published signature, and refuses it for another message or with any part changed', () => {
    expect(publicKey.verify(message, signature)).toBe(true);
    expect(publicKey.verify(Buffer.from('message digesT'), signature)).toBe(false);
    for (const index of [0, 31, 32, 63]) {
      const altered = Buffer.from(signature);
      altered[index] ^= 0x01;
      expect(publicKey.verify(message, altered)).toBe(false);
    }
    expect(publicKey.verify(message, signature.subarray(0, 63))).toBe(false);
    expect(publicKey.verify(message, hex(`${'00'.repeat(32)}${SM2_VECTOR.s}`))).toBe(false);
    expect(publicKey.verify(message, hex(`${SM2_VECTOR.r}${SM2_ORDER_HEX}`))).toBe(false);
  });

  it('signs and verifies with a generated key; each signature is fresh', () => {
    const pair = scheme.generateKeyPair();
    const generatedPublic = scheme.loadPublicKey(pair.publicKeyPem);
    const privateKey = scheme.loadPrivateKey(pair.privateKeyPem, generatedPublic);
    const first = privateKey.sign(Buffer.from('道路运输经营许可证'));
    const second = privateKey.sign(Buffer.from('道路运输经营许可证'));
    expect(first).toHaveLength(64);
    expect(first.equals(second)).toBe(false);
    expect(generatedPublic.verify(Buffer.from('道路运输经营许可证'), first)).toBe(true);
    expect(generatedPublic.verify(Buffer.from('道路运输经营许可证'), second)).toBe(true);
    expect(publicKey.verify(Buffer.from('道路运输经营许可证'), first)).toBe(false);
  });

  it('refuses a private key that does not belong to the public key, and a key of another curve', () => {
    const other = scheme.generateKeyPair();
    expect(() => scheme.loadPrivateKey(other.privateKeyPem, publicKey)).toThrow(/does not belong/);
    expect(() => scheme.loadPublicKey(p256VectorPem().publicKeyPem)).toThrow(/not an SM2 public key/);
  });
});

describe('SM2 key files (PKCS#8 and SubjectPublicKeyInfo PEM)', () => {
  it('reads what OpenSSL writes, and writes it byte for byte the same', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const opensslPrivate = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const opensslPublic = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const { scalarHex, pointHex } = sm2PrivateKeyOf(opensslPrivate);
    expect(sm2PublicPointOf(opensslPublic)).toBe(pointHex);
    expect(sm2.getPublicKeyFromPrivateKey(scalarHex)).toBe(pointHex);
    expect(sm2PrivateKeyPem(scalarHex, pointHex!)).toBe(opensslPrivate);
    expect(sm2PublicKeyPem(pointHex!)).toBe(opensslPublic);
  });

  it('writes keys OpenSSL reads as SM2 keys', () => {
    const pair = SIGNATURE_SCHEMES[SignatureAlgorithm.SM2_SM3].generateKeyPair();
    expect(() => createPrivateKey(pair.privateKeyPem)).not.toThrow();
    expect(() => createPublicKey(pair.publicKeyPem)).not.toThrow();
  });

  it('refuses a P-256 key', () => {
    const p256 = p256VectorPem();
    expect(() => sm2PublicPointOf(p256.publicKeyPem)).toThrow(/not an SM2 public key/);
    expect(() => sm2PrivateKeyOf(p256.privateKeyPem)).toThrow(/not an SM2 private key/);
  });
});

describe('ECDSA P-256 with SHA-256, against RFC 6979 A.2.5', () => {
  const scheme = SIGNATURE_SCHEMES[SignatureAlgorithm.ECDSA_P256_SHA256];
  const pem = p256VectorPem();
  const publicKey = scheme.loadPublicKey(pem.publicKeyPem);

  it('reads the vector key pair', () => {
    expect(publicKey.hex).toBe(`04${P256_VECTOR.publicX}${P256_VECTOR.publicY}`);
    expect(() => scheme.loadPrivateKey(pem.privateKeyPem, publicKey)).not.toThrow();
    expect(scheme.signerId).toBeNull();
  });

  it('verifies the published signatures, accepting only the low-S form of each', () => {
    const sample = Buffer.from('sample');
    const published = hex(`${P256_VECTOR.sample.r}${P256_VECTOR.sample.s}`);
    // The RFC's "sample" signature has a high S: OpenSSL accepts it; the scheme wants its low-S twin.
    expect(
      verify('sha256', sample, { key: createPublicKey(pem.publicKeyPem), dsaEncoding: 'ieee-p1363' }, published),
    ).toBe(true);
    expect(publicKey.verify(sample, published)).toBe(false);
    const lowS = (P256_ORDER - BigInt(`0x${P256_VECTOR.sample.s}`)).toString(16).padStart(64, '0');
    expect(publicKey.verify(sample, hex(`${P256_VECTOR.sample.r}${lowS}`))).toBe(true);
    expect(publicKey.verify(Buffer.from('test'), hex(`${P256_VECTOR.test.r}${P256_VECTOR.test.s}`))).toBe(true);
    expect(publicKey.verify(Buffer.from('test'), hex(`${P256_VECTOR.sample.r}${lowS}`))).toBe(false);
  });

  it('signs in low-S form with the vector key, verifiably by plain OpenSSL too', () => {
    const privateKey = scheme.loadPrivateKey(pem.privateKeyPem, publicKey);
    for (let round = 0; round < 20; round += 1) {
      const message = Buffer.from(`许可证 ${round}`);
      const signature = privateKey.sign(message);
      expect(BigInt(`0x${signature.subarray(32).toString('hex')}`) <= P256_ORDER / 2n).toBe(true);
      expect(publicKey.verify(message, signature)).toBe(true);
      expect(
        verify('sha256', message, { key: createPublicKey(pem.publicKeyPem), dsaEncoding: 'ieee-p1363' }, signature),
      ).toBe(true);
    }
  });
});

// OpenSSL 3's own SM2 (with the signer ID set) is an independent implementation: signatures must
// cross both ways. Skipped only where no OpenSSL 3 command is installed.
const openssl = (() => {
  try {
    return /^OpenSSL 3\./.test(execFileSync('openssl', ['version'], { encoding: 'utf8' })) ? 'openssl' : null;
  } catch {
    return null;
  }
})();

function derSignature(signature: Buffer): Buffer {
  const integer = (bytes: Buffer) => {
    let value = bytes;
    while (value.length > 1 && value[0] === 0 && !(value[1] & 0x80)) value = value.subarray(1);
    if (value[0] & 0x80) value = Buffer.concat([Buffer.from([0]), value]);
    return Buffer.concat([Buffer.from([0x02, value.length]), value]);
  };
  const body = Buffer.concat([integer(signature.subarray(0, 32)), integer(signature.subarray(32))]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

function rawSignature(der: Buffer): Buffer {
  const r = der.subarray(4, 4 + der[3]);
  const sStart = 4 + der[3] + 2;
  const s = der.subarray(sStart, sStart + der[sStart - 1]);
  const fixed = (bytes: Buffer) =>
    Buffer.from(
      BigInt(`0x${bytes.toString('hex')}`)
        .toString(16)
        .padStart(64, '0'),
      'hex',
    );
  return Buffer.concat([fixed(r), fixed(s)]);
}

(openssl ? describe : describe.skip)('SM2 signatures and OpenSSL 3 (signer ID 1234567812345678)', () => {
  const scheme = SIGNATURE_SCHEMES[SignatureAlgorithm.SM2_SM3];
  const directory = mkdtempSync(join(tmpdir(), 'sm2-openssl-'));
  const pair = scheme.generateKeyPair();
  const publicKey = scheme.loadPublicKey(pair.publicKeyPem);
  const privateKey = scheme.loadPrivateKey(pair.privateKeyPem, publicKey);
  const message = Buffer.from('["SW-CERT-1","ZZ-320000-2026-7K3M9QX2HD4PNB8R","江苏省交通运输厅"]');
  writeFileSync(join(directory, 'private.pem'), pair.privateKeyPem, { mode: 0o600 });
  writeFileSync(join(directory, 'public.pem'), pair.publicKeyPem);
  writeFileSync(join(directory, 'message'), message);
  const pkeyutl = (...args: string[]) =>
    spawnSync(openssl!, ['pkeyutl', '-rawin', '-digest', 'sm3', '-in', join(directory, 'message'), ...args], {
      encoding: 'utf8',
    });

  it('OpenSSL verifies ours, and not under another signer ID', () => {
    writeFileSync(join(directory, 'ours.der'), derSignature(privateKey.sign(message)));
    const verifyWith = (id: string) =>
      pkeyutl(
        '-verify',
        '-pubin',
        '-inkey',
        join(directory, 'public.pem'),
        '-pkeyopt',
        `distid:${id}`,
        '-sigfile',
        join(directory, 'ours.der'),
      );
    expect(verifyWith('1234567812345678').stdout).toContain('Signature Verified Successfully');
    expect(verifyWith('1234567812345679').status).not.toBe(0);
  });

  it("we verify OpenSSL's", () => {
    const signed = pkeyutl(
      '-sign',
      '-inkey',
      join(directory, 'private.pem'),
      '-pkeyopt',
      'distid:1234567812345678',
      '-out',
      join(directory, 'theirs.der'),
    );
    expect(signed.status).toBe(0);
    const theirs = rawSignature(readFileSync(join(directory, 'theirs.der')));
    expect(publicKey.verify(message, theirs)).toBe(true);
    expect(publicKey.verify(Buffer.concat([message, Buffer.from(' ')]), theirs)).toBe(false);
  });
});
