/**
 * Published example vectors of the SM algorithms, for the self-tests every process runs at start
 * (self-test.ts). Taken from the standards, not computed here; each was checked against Node's OpenSSL
 * and sm-crypto-v2 when it was added.
 */
export const KNOWN_ANSWERS = {
  /** GB/T 32905-2016 Annex A (SM3 cryptographic hash), examples 1 and 2. */
  sm3: [
    {
      example: 1,
      message: Buffer.from('abc', 'utf8'),
      digest: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    },
    {
      example: 2,
      message: Buffer.from('abcd'.repeat(16), 'utf8'),
      digest: 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    },
  ],
  /** GB/T 32907-2016 Annex A.1 (SM4 block cipher), example 1: one block, key = plaintext. */
  sm4: {
    key: '0123456789abcdeffedcba9876543210',
    plaintext: '0123456789abcdeffedcba9876543210',
    ciphertext: '681edf34d206965e86b3e94f536e4246',
  },
  /** GM/T 0042-2015 Annex D.3 (HMAC-SM3), examples 1 and 2 (as OpenSSL's evpmac_sm3.txt carries them). */
  hmacSm3: [
    {
      example: 1,
      key: '0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20',
      message: Buffer.from(
        'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopqabcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
        'utf8',
      ),
      mac: 'ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a',
    },
    {
      example: 2,
      key: '0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425',
      message: Buffer.from('cd'.repeat(50), 'hex'),
      mac: '220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae',
    },
  ],
  /**
   * GM/T 0003.5-2012 / GB/T 32918.5-2017 digital signature example on the recommended 256-bit curve,
   * signer ID 1234567812345678, message "message digest".
   */
  sm2: {
    privateKey: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
    publicKey:
      '04' +
      '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
      'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
    message: Buffer.from('message digest', 'utf8'),
    signature:
      'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3' +
      'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
  },
};

export type KnownAnswers = typeof KNOWN_ANSWERS;
