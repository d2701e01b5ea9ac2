import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { attachStandInMaterials } from '../attachment/stand-in-materials';
import { OFFICER } from '../licensing.fixture';
import { ApplicationStatus } from './application-status';
import type { SubmitPermitApplicationInput } from './inputs/permit-application.inputs';
import {
  actions,
  ACCEPTANCE_DAY,
  everything,
  freight,
  HANGZHOU_CARRIER,
  JIANGSU,
  KUNSHAN_CARRIER,
  NANJING,
  permitsPerTest,
  type PermitSpec,
  ZHEJIANG,
} from './permit.fixture';

// Submitting an application: the region it may go to, the input it refuses, and the return with one notice
// (一次性告知) of missing materials until they are attached.

const PDF = Buffer.from('%PDF-1.7 材料扫描件').toString('base64');

describe('PermitService: the procedure', () => {
  let testbed: PermitSpec['testbed'],
    outside: PermitSpec['outside'],
    permits: PermitSpec['permits'],
    submitted: PermitSpec['submitted'];
  permitsPerTest((spec) => ({ testbed, outside, permits, submitted } = spec));

  it('keeps applications within region scope: outside it they do not exist, and nobody submits to another region', async () => {
    const application = await submitted();
    expect(await permits.findApplication(ZHEJIANG, application.applicationNumber)).toBeNull();
    expect(
      (await expectDomainError(permits.accept(ZHEJIANG, { applicationNumber: application.applicationNumber }, OFFICER)))
        .extensions,
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (
        await expectDomainError(
          permits.submit(JIANGSU, freight({ creditCode: HANGZHOU_CARRIER.creditCode, regionCode: '330106' }), OFFICER),
        )
      ).extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    // Nanjing's officer does not see Kunshan's enterprise, so cannot apply for it.
    expect(
      (
        await expectDomainError(
          permits.submit(NANJING, freight({ creditCode: KUNSHAN_CARRIER.creditCode, regionCode: '320583' }), OFFICER),
        )
      ).extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = await everything(testbed.dataSource);
    const cases: Array<[Partial<SubmitPermitApplicationInput>, string]> = [
      [{ scope: '  ' }, 'scope'],
      [{ routeProvinceCodes: ['320000', '330000'] }, 'routeProvinceCodes'],
      [{ investmentProjectCode: '2025-320500-48-01-000123' }, 'investmentProjectCode'],
      [{ regionCode: '329999' }, 'regionCode'],
    ];
    for (const [overrides, field] of cases) {
      expect((await expectDomainError(permits.submit(JIANGSU, freight(overrides), OFFICER))).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    expect(await everything(testbed.dataSource)).toEqual(before);
  });

  describe('return with one notice (一次性告知) and resubmission', () => {
    it('returns once with every missing material, and takes the resubmission only when they are attached', async () => {
      const application = await permits.submit(JIANGSU, freight(), OFFICER);
      await attachStandInMaterials(testbed.services.materials, JIANGSU, application, OFFICER, [
        'DRIVER_QUALIFICATIONS',
        'SAFETY_MANAGEMENT_RULES',
      ]);
      const returned = await permits.returnForCorrection(
        JIANGSU,
        {
          applicationNumber: application.applicationNumber,
          expectedVersion: 1,
          missingMaterialCodes: ['DRIVER_QUALIFICATIONS', 'SAFETY_MANAGEMENT_RULES'],
          note: '驾驶员从业资格证已过期；缺安全生产管理制度',
        },
        OFFICER,
      );
      expect(returned).toMatchObject({
        status: ApplicationStatus.RETURNED,
        returnedMaterialCodes: 'DRIVER_QUALIFICATIONS,SAFETY_MANAGEMENT_RULES',
        handlingOfficer: 'js-licensing-officer',
      });

      const early = await expectDomainError(
        permits.resubmit(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER),
      );
      expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MATERIALS_STILL_MISSING' });
      expect(early.message).toBe(
        `Attach DRIVER_QUALIFICATIONS, SAFETY_MANAGEMENT_RULES to application ${application.applicationNumber} before resubmitting it`,
      );

      outside.clock.now = new Date(ACCEPTANCE_DAY.getTime() + 3600_000);
      await testbed.services.materials.attach(
        JIANGSU,
        {
          applicationNumber: application.applicationNumber,
          materialCode: 'DRIVER_QUALIFICATIONS',
          fileName: '从业资格证.pdf',
          contentBase64: PDF,
        },
        OFFICER,
      );
      const stillOne = await expectDomainError(
        permits.resubmit(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER),
      );
      expect(stillOne.message).toMatch(/^Attach SAFETY_MANAGEMENT_RULES to/);
      await testbed.services.materials.attach(
        JIANGSU,
        {
          applicationNumber: application.applicationNumber,
          materialCode: 'SAFETY_MANAGEMENT_RULES',
          fileName: '安全生产管理制度.pdf',
          contentBase64: PDF,
        },
        OFFICER,
      );
      const resubmitted = await permits.resubmit(
        JIANGSU,
        { applicationNumber: application.applicationNumber, comment: '已补正' },
        OFFICER,
      );
      expect(resubmitted.status).toBe(ApplicationStatus.SUBMITTED);

      const again = await expectDomainError(
        permits.returnForCorrection(
          JIANGSU,
          {
            applicationNumber: application.applicationNumber,
            missingMaterialCodes: ['APPLICATION_FORM'],
            note: '申请表未盖章',
          },
          OFFICER,
        ),
      );
      expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_RETURNED' });
      expect(await actions(testbed.dataSource, application.id)).toEqual([
        'SUBMIT:->SUBMITTED',
        'RETURN:SUBMITTED>RETURNED',
        'RESUBMIT:RETURNED>SUBMITTED',
      ]);
    });

    it('refuses a notice naming materials the kind does not require, writing nothing', async () => {
      const application = await submitted();
      const before = await everything(testbed.dataSource);
      const refusal = await expectDomainError(
        permits.returnForCorrection(
          JIANGSU,
          {
            applicationNumber: application.applicationNumber,
            missingMaterialCodes: ['EMERGENCY_PLAN', 'APPLICATION_FORM'],
            note: '缺应急预案',
          },
          OFFICER,
        ),
      );
      expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'missingMaterialCodes' });
      expect(refusal.message).toMatch(/does not require: EMERGENCY_PLAN/);
      expect(
        (
          await expectDomainError(
            permits.returnForCorrection(
              JIANGSU,
              { applicationNumber: application.applicationNumber, missingMaterialCodes: [], note: 'x' },
              OFFICER,
            ),
          )
        ).extensions,
      ).toMatchObject({
        field: 'missingMaterialCodes',
      });
      expect(await everything(testbed.dataSource)).toEqual(before);
    });
  });
});
