import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertificateKeyError, CertificateKeyRing, generateKeyFile, type KeyFile } from './certificate-key-ring';
import { ISSUING_AUTHORITIES } from './issuing-authority';
import { SignatureAlgorithm } from './signature-scheme';

const TODAY = '2026-11-24';
const JIANGSU = { regionCode: '320000', name: '江苏省交通运输厅' };

function keyDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'certificate-keys-'));
}

function writeKey(directory: string, file: KeyFile, mode = 0o600): string {
  const path = join(directory, `${file.keyId}.json`);
  writeFileSync(path, JSON.stringify(file), { mode });
  chmodSync(path, mode);
  return path;
}

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof CertificateKeyError) return error.problems;
    throw error;
  }
  throw new Error('expected the key ring to refuse to load');
}

describe('certificate signing keys', () => {
  it('are generated in development for the ministry and every province, readable by their owner only', () => {
    const directory = keyDirectory();
    const generated: string[] = [];
    const ring = CertificateKeyRing.load({
      directory,
      production: false,
      today: TODAY,
      onGenerated: (key) => generated.push(key.authorityRegionCode),
    });
    expect(ISSUING_AUTHORITIES).toHaveLength(32);
    expect(generated.sort()).toEqual(ISSUING_AUTHORITIES.map((authority) => authority.regionCode).sort());
    const files = readdirSync(directory);
    expect(files).toHaveLength(32);
    for (const file of files) expect((statSync(join(directory, file)).mode & 0o777).toString(8)).toBe('600');
    const jiangsu = ring.signingKeyFor('320000', TODAY)!;
    expect(jiangsu).toMatchObject({
      authorityName: '江苏省交通运输厅',
      algorithm: SignatureAlgorithm.SM2_SM3,
      signerId: '1234567812345678',
      validFrom: TODAY,
      validUntil: '2031-11-23',
    });
    expect(ring.signingKeyFor('000000', TODAY)?.authorityName).toBe('中华人民共和国交通运输部');
    expect(ring.signingKeyFor('310000', TODAY)?.authorityName).toBe('上海市交通委员会');
  });

  it('are read back on the next start, not generated again', () => {
    const directory = keyDirectory();
    const first = CertificateKeyRing.load({ directory, production: false, today: TODAY });
    const generated: string[] = [];
    const second = CertificateKeyRing.load({
      directory,
      production: false,
      today: TODAY,
      onGenerated: (key) => generated.push(key.keyId),
    });
    expect(generated).toEqual([]);
    expect(second.all().map((key) => key.keyId)).toEqual(first.all().map((key) => key.keyId));
    const message = Buffer.from('same key after restart');
    const signature = first.signingKeyFor('320000', TODAY)!.privateKey!.sign(message);
    expect(second.key(first.signingKeyFor('320000', TODAY)!.keyId)!.publicKey.verify(message, signature)).toBe(true);
  });

  it("take the algorithm from each authority's key file", () => {
    const directory = keyDirectory();
    writeKey(
      directory,
      generateKeyFile({ regionCode: '330000', name: '浙江省交通运输厅' }, TODAY, SignatureAlgorithm.ECDSA_P256_SHA256),
    );
    const ring = CertificateKeyRing.load({ directory, production: false, today: TODAY });
    expect(ring.signingKeyFor('330000', TODAY)?.algorithm).toBe(SignatureAlgorithm.ECDSA_P256_SHA256);
    expect(ring.signingKeyFor('330000', TODAY)?.signerId).toBeNull();
    expect(ring.signingKeyFor('320000', TODAY)?.algorithm).toBe(SignatureAlgorithm.SM2_SM3);
    expect(ring.all().filter((key) => key.authorityRegionCode === '330000')).toHaveLength(1);
  });

  it('in production, stop the start when an authority has no key, naming each one', () => {
    const directory = keyDirectory();
    writeKey(directory, generateKeyFile(JIANGSU, TODAY));
    const problems = problemsOf(() => CertificateKeyRing.load({ directory, production: true, today: TODAY }));
    expect(problems).toHaveLength(31);
    expect(problems).toContain(`no signing key valid on ${TODAY} for 浙江省交通运输厅 (330000)`);
    expect(problems.join('\n')).not.toContain('320000');
    expect(readdirSync(directory)).toHaveLength(1);
    expect(
      problemsOf(() =>
        CertificateKeyRing.load({ directory: join(directory, 'missing'), production: true, today: TODAY }),
      )[0],
    ).toMatch(/does not exist/);
  });

  it('in production, refuse a private key file others can read', () => {
    const directory = keyDirectory();
    CertificateKeyRing.load({ directory, production: false, today: TODAY });
    expect(() => CertificateKeyRing.load({ directory, production: true, today: TODAY })).not.toThrow();
    const [first] = readdirSync(directory);
    chmodSync(join(directory, first), 0o644);
    expect(problemsOf(() => CertificateKeyRing.load({ directory, production: true, today: TODAY }))).toEqual([
      `${first}: holds a private key but is readable by others than its owner (chmod 600)`,
    ]);
  });

  it('refuse files with a foreign private key, an unknown setting, an unknown authority or a repeated key id, naming the file', () => {
    const directory = keyDirectory();
    const good = generateKeyFile(JIANGSU, TODAY);
    const other = generateKeyFile(JIANGSU, TODAY);
    writeKey(directory, { ...good, keyId: 'mismatched', privateKeyPem: other.privateKeyPem });
    writeKey(directory, { ...good, keyId: 'typo', signingAlgorithm: 'SM2' } as KeyFile);
    writeKey(directory, { ...good, keyId: 'county', authorityRegionCode: '320102' });
    writeKey(directory, { ...good, keyId: 'wrong-curve', algorithm: SignatureAlgorithm.ECDSA_P256_SHA256 });
    writeFileSync(join(directory, 'copy.json'), JSON.stringify(good));
    writeKey(directory, good);
    const problems = problemsOf(() => CertificateKeyRing.load({ directory, production: false, today: TODAY }));
    expect(problems).toEqual(
      expect.arrayContaining([
        'mismatched.json: the private key does not belong to the public key',
        expect.stringMatching(/^typo\.json: .*Unrecognized key/),
        expect.stringMatching(/^county\.json: authorityRegionCode: must be 000000/),
        expect.stringMatching(/^wrong-curve\.json: /),
        `key id ${good.keyId} is used by more than one key file`,
      ]),
    );
  });

  it('rotate: the newest valid key signs, older and retired keys still verify, an expired key is replaced', () => {
    const directory = keyDirectory();
    const old = { ...generateKeyFile(JIANGSU, '2024-01-01'), keyId: '320000-old' };
    const current = { ...generateKeyFile(JIANGSU, '2026-01-01'), keyId: '320000-current' };
    const retired = { ...generateKeyFile(JIANGSU, '2026-06-01'), keyId: '320000-retired' };
    delete retired.privateKeyPem;
    const expired = {
      ...generateKeyFile({ regionCode: '330000', name: '浙江省交通运输厅' }, '2020-01-01'),
      keyId: '330000-expired',
    };
    for (const file of [old, current, retired, expired]) writeKey(directory, file);
    const generated: string[] = [];
    const ring = CertificateKeyRing.load({
      directory,
      production: false,
      today: TODAY,
      onGenerated: (key) => generated.push(key.authorityRegionCode),
    });
    expect(ring.signingKeyFor('320000', TODAY)?.keyId).toBe('320000-current');
    expect(ring.signingKeyFor('320000', '2025-06-01')?.keyId).toBe('320000-old');
    expect(ring.key('320000-retired')?.privateKey).toBeNull();
    expect(ring.key('330000-expired')).toBeDefined();
    expect(generated).toContain('330000');
    expect(generated).not.toContain('320000');
    expect(JSON.parse(readFileSync(join(directory, '320000-retired.json'), 'utf8'))).not.toHaveProperty(
      'privateKeyPem',
    );
  });
});
