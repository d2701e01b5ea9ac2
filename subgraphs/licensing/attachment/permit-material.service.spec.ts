import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_SCOPE } from '../../../platform/auth/region-scope';
import { DEMO_ENTERPRISES } from '../../../platform/demo/demo-dataset';
import { sm3Hex } from '../../../platform/storage/file-store';
import { scopeIn } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { licensingStandIns, type LicensingStandIns, OFFICER } from '../licensing.fixture';
import { licensingSubgraph } from '../licensing.subgraph';
import type { PermitApplication } from '../permit/permit-application.entity';
import { PermitKind } from '../permit/permit-kind';
import type { AttachPermitMaterialInput } from './inputs/attach-permit-material.input';
import { PermitMaterial } from './permit-material.entity';
import { MAX_MATERIAL_BYTES } from './permit-material.service';
import { attachStandInMaterials } from './stand-in-materials';

const CARRIER = DEMO_ENTERPRISES[0];
const JIANGSU = scopeIn('320000');
const ZHEJIANG = scopeIn('330000');
const SCAN = Buffer.from('%PDF-1.7\n道路危险货物运输经营申请表（扫描件）\n');

describe('PermitMaterialService: attachments with SM3 digests', () => {
  let testbed: TestbedOf<typeof licensingSubgraph>;
  let outside: LicensingStandIns;
  let application: PermitApplication;
  const attach = (overrides: Partial<AttachPermitMaterialInput> = {}) =>
    testbed.services.materials.attach(
      JIANGSU,
      {
        applicationNumber: application.applicationNumber,
        materialCode: 'APPLICATION_FORM',
        fileName: '申请表.pdf',
        contentBase64: SCAN.toString('base64'),
        ...overrides,
      },
      OFFICER,
    );

  beforeEach(async () => {
    outside = licensingStandIns();
    testbed = await openSubgraphTestbed(licensingSubgraph, { externals: outside.externals });
    await testbed.services.enterprises.register(SYSTEM_SCOPE, CARRIER);
    application = await testbed.services.permits.submit(
      JIANGSU,
      {
        creditCode: CARRIER.creditCode,
        kind: PermitKind.HAZARDOUS_GOODS_TRANSPORT,
        scope: '危险货物运输(3类)',
        hazardClasses: ['3'],
        regionCode: '320102',
      },
      OFFICER,
    );
  });
  afterEach(async () => {
    await testbed.close();
  });

  it('stores the bytes in the file store and the metadata with the SM3 digest, and reads them back checked', async () => {
    const { material } = await attach();
    expect(material).toMatchObject({
      materialCode: 'APPLICATION_FORM',
      materialName: '道路危险货物运输经营申请表',
      fileName: '申请表.pdf',
      sizeBytes: SCAN.length,
      sm3Digest: sm3Hex(SCAN),
      uploadedBy: 'js-licensing-officer',
    });
    expect(material.storageReference).toMatch(/^local:licensing\//);
    expect(readFileSync(join(testbed.filesDirectory, material.storageReference.slice('local:'.length)))).toEqual(SCAN);
    expect(Buffer.from((await testbed.services.materials.content(JIANGSU, String(material.id)))!, 'base64')).toEqual(
      SCAN,
    );
    const listed = await testbed.services.materials.createMaterialsLoader(JIANGSU).load(application.id);
    expect(listed.map((item) => item.sm3Digest)).toEqual([sm3Hex(SCAN)]);
  });

  it('refuses to hand out a material whose bytes were altered, naming it', async () => {
    const { material } = await attach();
    writeFileSync(
      join(testbed.filesDirectory, material.storageReference.slice('local:'.length)),
      '%PDF-1.7 伪造的申请表',
    );
    const refusal = await expectDomainError(testbed.services.materials.content(JIANGSU, String(material.id)));
    expect(refusal.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DIGEST_MISMATCH' });
    expect(refusal.message).toBe(
      `Material ${material.id} (APPLICATION_FORM, 申请表.pdf) of application ${application.applicationNumber} does not match its recorded SM3 digest: it was altered after it was stored`,
    );
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const oversized = Buffer.alloc(MAX_MATERIAL_BYTES + 1, 1).toString('base64');
    const cases: Array<[Partial<AttachPermitMaterialInput>, string, RegExp]> = [
      [
        { contentBase64: oversized },
        'contentBase64',
        /is 5\.0 MiB \(5242881 bytes\); a material may be at most 5\.0 MiB \(5242880 bytes\)/,
      ],
      [{ contentBase64: '这不是base64' }, 'contentBase64', /is not base64/],
      [{ contentBase64: '' }, 'contentBase64', /must not be empty/],
      [{ fileName: '../../etc/passwd' }, 'fileName', /plain file name/],
      [{ materialCode: 'ROUTE_PLAN' }, 'materialCode', /is not a material HAZARDOUS_GOODS_TRANSPORT requires/],
    ];
    for (const [overrides, field, message] of cases) {
      const refusal = await expectDomainError(attach(overrides));
      expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(refusal.message).toMatch(message);
    }
    expect(await testbed.dataSource.getRepository(PermitMaterial).count()).toBe(0);
  });

  it('accepts exactly 5 MiB', async () => {
    const { material } = await attach({ contentBase64: Buffer.alloc(MAX_MATERIAL_BYTES, 7).toString('base64') });
    expect(material.sizeBytes).toBe(MAX_MATERIAL_BYTES);
  });

  it('keeps materials within the region scope and closes them at acceptance', async () => {
    const { material } = await attach();
    expect(await testbed.services.materials.content(ZHEJIANG, String(material.id))).toBeNull();
    expect(await testbed.services.materials.createMaterialsLoader(ZHEJIANG).load(application.id)).toEqual([]);
    expect(
      (
        await expectDomainError(
          testbed.services.materials.attach(
            ZHEJIANG,
            {
              applicationNumber: application.applicationNumber,
              materialCode: 'APPLICATION_FORM',
              fileName: 'a.pdf',
              contentBase64: 'YQ==',
            },
            OFFICER,
          ),
        )
      ).extensions,
    ).toMatchObject({ code: 'NOT_FOUND' });
    await attachStandInMaterials(testbed.services.materials, JIANGSU, application, OFFICER);
    await testbed.services.permits.accept(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER);
    expect((await expectDomainError(attach())).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'MATERIALS_CLOSED',
    });
    expect((await expectDomainError(testbed.services.materials.content(JIANGSU, 'x1'))).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
  });
});
