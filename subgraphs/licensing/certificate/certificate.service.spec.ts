import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { expect } from '@jest/globals';
import { inTransaction, openDataSource } from '../../../platform/database/data-source.factory';
import { createLogger } from '../../../platform/observability/logger';
import { Counters } from '../../../platform/observability/metrics';
import { Enterprise } from '../enterprise/enterprise.entity';
import { licensingSubgraph } from '../licensing.subgraph';
import { PermitKind } from '../permit/permit-kind';
import { Permit, PermitStatus } from '../permit/permit.entity';
import { canonicalEncoding } from './canonical-encoding';
import { CertificateKeyRing, generateKeyFile } from './certificate-key-ring';
import { CertificateStatus } from './certificate-verification';
import { CertificateService } from './certificate.service';
import { contentOf, PermitCertificate } from './permit-certificate.entity';
import { SIGNATURE_SCHEMES, SignatureAlgorithm } from './signature-scheme';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const NOW = new Date('2026-11-24T02:15:09.400Z');
const TODAY = '2026-11-24';

async function openLicensingDatabase(): Promise<DataSource> {
  return openDataSource({
    settings: { kind: 'embedded', schema: 'certificate_spec', poolSize: 1 },
    dataDir: mkdtempSync(join(tmpdir(), 'certificate-spec-')),
    entities: licensingSubgraph.entities,
    migrations: licensingSubgraph.migrations,
    counters: new Counters(),
    logger: createLogger('spec', 'error'),
  });
}

/** Keys for every authority; Zhejiang signs with ECDSA P-256, the rest with SM2. */
function keyRing(): CertificateKeyRing {
  const directory = mkdtempSync(join(tmpdir(), 'certificate-spec-keys-'));
  const zhejiang = generateKeyFile(
    { regionCode: '330000', name: '浙江省交通运输厅' },
    TODAY,
    SignatureAlgorithm.ECDSA_P256_SHA256,
  );
  writeFileSync(join(directory, `${zhejiang.keyId}.json`), JSON.stringify(zhejiang), { mode: 0o600 });
  return CertificateKeyRing.load({ directory, production: false, today: TODAY });
}

let serial = 0;

async function issuedPermit(
  dataSource: DataSource,
  service: CertificateService,
  regionCode: string,
): Promise<{ permit: Permit; certificateId: string }> {
  serial += 1;
  const creditCode = regionCode.startsWith('33') ? '91330106MA27XL0R8F' : '91320102MA1MY0R10Q';
  if (!(await dataSource.getRepository(Enterprise).existsBy({ creditCode }))) {
    await dataSource.getRepository(Enterprise).save({
      creditCode,
      name: '南京顺达物流有限公司',
      legalRepresentative: '张三',
      regionCode,
      address: '中山路1号',
      registeredAt: NOW,
    });
  }
  const permit = await dataSource.getRepository(Permit).save(
    dataSource.getRepository(Permit).create({
      number: `${regionCode}2026HY${String(serial).padStart(6, '0')}`,
      kind: PermitKind.ROAD_FREIGHT_TRANSPORT,
      scope: '普通货运、货物专用运输(集装箱)',
      creditCode,
      regionCode,
      applicationNumber: `XK${regionCode}20261124${String(serial).padStart(6, '0')}`,
      recordedStatus: PermitStatus.VALID,
      issuedAt: NOW,
      validFrom: TODAY,
      validUntil: '2030-11-23',
    }),
  );
  const { certificateId } = await inTransaction(dataSource, (manager) => service.issue(manager, permit));
  return { permit, certificateId };
}

describe('electronic certificates', () => {
  let dataSource: DataSource;
  let keys: CertificateKeyRing;
  let service: CertificateService;
  let now: Date;

  beforeAll(async () => {
    dataSource = await openLicensingDatabase();
    keys = keyRing();
    now = NOW;
    service = new CertificateService(dataSource, keys, () => now);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });
  afterEach(() => {
    now = NOW;
  });

  it("are issued with the permit's content, signed by the province's key, and verify as VALID", async () => {
    const { permit, certificateId } = await issuedPermit(dataSource, service, '320102');
    expect(certificateId).toMatch(/^ZZ-320000-2026-[0-9A-HJKMNP-TV-Z]{16}$/);
    const verification = await service.verify(certificateId);
    expect(verification.status).toBe(CertificateStatus.VALID);
    expect(verification.certificate).toMatchObject({
      certificateId,
      permitNumber: permit.number,
      permitKind: PermitKind.ROAD_FREIGHT_TRANSPORT,
      scope: '普通货运、货物专用运输(集装箱)',
      holderCreditCode: '91320102MA1MY0R10Q',
      holderName: '南京顺达物流有限公司',
      permitRegionCode: '320102',
      validFrom: TODAY,
      validUntil: '2030-11-23',
      authorityName: '江苏省交通运输厅',
      authorityRegionCode: '320000',
      issuedAtText: '2026-11-24T02:15:09.000Z',
      algorithm: SignatureAlgorithm.SM2_SM3,
      keyId: keys.signingKeyFor('320000', TODAY)!.keyId,
    });
    // The published key alone verifies it: what an offline verifier does with signedContent.
    const certificate = verification.certificate!;
    const publicKey = SIGNATURE_SCHEMES.SM2_SM3.loadPublicKey(keys.key(certificate.keyId)!.publicKeyPem);
    expect(
      publicKey.verify(Buffer.from(certificate.signedContent, 'utf8'), Buffer.from(certificate.signature, 'base64')),
    ).toBe(true);
    expect(certificate.signedContent).toBe(canonicalEncoding(contentOf(certificate)).toString('utf8'));
  });

  it("are signed with the algorithm the authority's key file names", async () => {
    const { certificateId } = await issuedPermit(dataSource, service, '330106');
    const verification = await service.verify(certificateId);
    expect(verification).toMatchObject({
      status: CertificateStatus.VALID,
      certificate: { authorityRegionCode: '330000', algorithm: SignatureAlgorithm.ECDSA_P256_SHA256 },
    });
  });

  it('accept an identifier in lower case, answer NOT_FOUND for an unknown one and refuse a malformed one', async () => {
    const { certificateId } = await issuedPermit(dataSource, service, '320102');
    expect((await service.verify(` ${certificateId.toLowerCase()} `)).status).toBe(CertificateStatus.VALID);
    const unknown = await service.verify('ZZ-320000-2026-0000000000000000');
    expect(unknown).toMatchObject({
      certificateId: 'ZZ-320000-2026-0000000000000000',
      status: CertificateStatus.NOT_FOUND,
      certificate: null,
    });
    await expect(service.verify("ZZ-320000-2026-' OR 1=1 --")).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'id' },
    });
  });

  // Each column as an intruder with database access would change it; any change must fail the signature.
  const TAMPERING: Array<[string, string, (row: Record<string, string>) => string]> = [
    ['permit_number', 'another permit', (row) => `${row.permit_number.slice(0, -1)}9`],
    ['permit_kind', 'another kind', () => PermitKind.HAZARDOUS_GOODS_TRANSPORT],
    ['scope', 'a wider scope', (row) => `${row.scope}、危险货物运输`],
    ['holder_credit_code', 'another holder', () => '91330106MA27XL0R8F'],
    ['holder_name', 'a trailing space', () => '南京顺达物流有限公司 '],
    ['permit_region_code', 'another county', () => '320104'],
    ['valid_from', 'an earlier start', () => '2026-01-01'],
    ['valid_until', 'a later end', () => '2099-12-31'],
    ['authority_name', 'another authority', () => '浙江省交通运输厅'],
    ['authority_region_code', 'another province', () => '330000'],
    ['issued_at', 'one second later', () => '2026-11-24T02:15:10.000Z'],
    ['key_id', "the ministry's key", () => keys.signingKeyFor('000000', TODAY)!.keyId],
    ['algorithm', 'ECDSA', () => SignatureAlgorithm.ECDSA_P256_SHA256],
    [
      'signature',
      'one bit flipped',
      (row) =>
        Buffer.from(
          Buffer.from(row.signature, 'base64').map((byte, index) => (index === 10 ? byte ^ 1 : byte)),
        ).toString('base64'),
    ],
    // Unused low bits of the last base64 character set: a lenient decoder reads the same bytes.
    [
      'signature',
      'the same bytes spelt differently',
      (row) => `${row.signature.slice(0, -3)}${BASE64[BASE64.indexOf(row.signature.at(-3)!) ^ 1]}==`,
    ],
  ];

  it.each(TAMPERING)(
    'fail verification with INVALID_SIGNATURE when %s is changed in the database (%s), and pass again when it is restored',
    async (column, _how, change) => {
      const { certificateId } = await issuedPermit(dataSource, service, '320102');
      const [row] = await dataSource.query<Array<Record<string, string>>>(
        'SELECT * FROM permit_certificate WHERE certificate_id = ?',
        [certificateId],
      );
      const original = row[column];
      await dataSource.query(`UPDATE permit_certificate SET ${column} = ? WHERE certificate_id = ?`, [
        change(row),
        certificateId,
      ]);
      const tampered = await service.verify(certificateId);
      expect(tampered).toMatchObject({ status: CertificateStatus.INVALID_SIGNATURE, certificate: null });
      await dataSource.query(`UPDATE permit_certificate SET ${column} = ? WHERE certificate_id = ?`, [
        original,
        certificateId,
      ]);
      expect((await service.verify(certificateId)).status).toBe(CertificateStatus.VALID);
    },
  );

  it("fail verification when the identifier is changed or another certificate's valid signature is copied in", async () => {
    const first = await issuedPermit(dataSource, service, '320102');
    const second = await issuedPermit(dataSource, service, '320102');
    const forged = `${first.certificateId.slice(0, -1)}${first.certificateId.endsWith('A') ? 'B' : 'A'}`;
    await dataSource.query('UPDATE permit_certificate SET certificate_id = ? WHERE certificate_id = ?', [
      forged,
      first.certificateId,
    ]);
    expect((await service.verify(forged)).status).toBe(CertificateStatus.INVALID_SIGNATURE);
    expect((await service.verify(first.certificateId)).status).toBe(CertificateStatus.NOT_FOUND);
    await dataSource.query('UPDATE permit_certificate SET certificate_id = ? WHERE certificate_id = ?', [
      first.certificateId,
      forged,
    ]);
    const [{ signature }] = await dataSource.query<Array<{ signature: string }>>(
      'SELECT signature FROM permit_certificate WHERE certificate_id = ?',
      [second.certificateId],
    );
    await dataSource.query('UPDATE permit_certificate SET signature = ? WHERE certificate_id = ?', [
      signature,
      first.certificateId,
    ]);
    expect((await service.verify(first.certificateId)).status).toBe(CertificateStatus.INVALID_SIGNATURE);
  });

  it('read SUSPENDED, REVOKED and EXPIRED from the permit register and the last day of validity in China time', async () => {
    const { permit, certificateId } = await issuedPermit(dataSource, service, '320102');
    const setStatus = (status: PermitStatus) =>
      dataSource.getRepository(Permit).update({ id: permit.id }, { recordedStatus: status });
    await setStatus(PermitStatus.SUSPENDED);
    expect((await service.verify(certificateId)).status).toBe(CertificateStatus.SUSPENDED);
    await setStatus(PermitStatus.VALID);
    expect((await service.verify(certificateId)).status).toBe(CertificateStatus.VALID);
    await setStatus(PermitStatus.REVOKED);
    const revoked = await service.verify(certificateId);
    expect(revoked.status).toBe(CertificateStatus.REVOKED);
    expect(revoked.certificate?.certificateId).toBe(certificateId);
    await setStatus(PermitStatus.VALID);
    // 2030-11-23 is the last day: valid until midnight China time (16:00 UTC), expired after.
    now = new Date('2030-11-23T15:59:59Z');
    expect((await service.verify(certificateId)).status).toBe(CertificateStatus.VALID);
    now = new Date('2030-11-23T16:00:00Z');
    expect((await service.verify(certificateId)).status).toBe(CertificateStatus.EXPIRED);
  });

  it('refuse to issue, writing nothing, when the authority has no valid key', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'certificate-spec-keys-'));
    const noKeys = new CertificateService(
      dataSource,
      CertificateKeyRing.load({ directory, production: false, today: '2026-11-24' }),
      () => new Date('2032-01-01T00:00:00Z'),
    );
    const before = await dataSource.getRepository(PermitCertificate).count();
    await expect(issuedPermit(dataSource, noKeys, '320102')).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'NO_SIGNING_KEY' },
    });
    expect(await dataSource.getRepository(PermitCertificate).count()).toBe(before);
  });

  it('are issued for permits that have none (a demo database from before certificates)', async () => {
    const { permit } = await issuedPermit(dataSource, service, '320102');
    await service.issueMissing(); // permits other tests left without one
    await dataSource.getRepository(PermitCertificate).delete({ permitNumber: permit.number });
    expect(await service.issueMissing()).toBe(1);
    const [issued] = await dataSource.getRepository(PermitCertificate).findBy({ permitNumber: permit.number });
    expect((await service.verify(issued.certificateId)).status).toBe(CertificateStatus.VALID);
    expect(await service.issueMissing()).toBe(0);
  });

  it('publish every public key with its authority, algorithm and validity', () => {
    const published = service.signingKeys();
    expect(published).toHaveLength(32);
    expect(published.find((key) => key.authorityRegionCode === '320000')).toMatchObject({
      authorityName: '江苏省交通运输厅',
      algorithm: SignatureAlgorithm.SM2_SM3,
      signerId: '1234567812345678',
      publicKeyHex: expect.stringMatching(/^04[0-9a-f]{128}$/),
      publicKeyPem: expect.stringContaining('-----BEGIN PUBLIC KEY-----'),
    });
    expect(JSON.stringify(published)).not.toContain('PRIVATE');
  });
});
