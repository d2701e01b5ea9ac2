import { SYSTEM_SCOPE } from '../../../platform/auth/region-scope';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { DEMO_ENTERPRISES } from '../../../platform/demo/demo-dataset';
import { chinaYear } from '../../../platform/time/china-time';
import type { SubgraphDependencies } from '../../../platform/subgraph-server';
import type { CreditServices } from '../credit.context';
import { CreditDisclosure } from '../disclosure/credit-disclosure.entity';
import { addMonths } from '../disclosure/publicity-rules';

const SEED_ACTOR = 'demo-seed';

/** What the demo shows of each older penalty: corrected, with a repair pending, or repaired. */
type DemoOutcome = 'CORRECTED' | 'REPAIR_PENDING' | 'REPAIRED';

interface DemoPenalty {
  creditCode: string;
  regionCode: string;
  cause: string;
  fineFen: number;
  summary: string;
  outcome: DemoOutcome;
}

// Fines decided five months before the demo starts (before the single window; imported with their
// decisions), so each is past its three-month minimum and still public: one corrected by a credit
// officer, one with a repair application waiting, one repaired.
export const DEMO_OLDER_PENALTIES: readonly DemoPenalty[] = [
  {
    creditCode: '91320106MA1P3T8K0L',
    regionCode: '320106',
    cause: '客运车辆未按规定进行安全检查即投入运营',
    fineFen: 200_000,
    summary: '责令改正，处罚款人民币贰仟元。',
    outcome: 'CORRECTED',
  },
  {
    creditCode: '91320100MA1R5D2U0T',
    regionCode: '320100',
    cause: '大件运输车辆未按许可的路线行驶',
    fineFen: 1_500_000,
    summary: '责令改正，处罚款人民币壹万伍仟元。',
    outcome: 'REPAIR_PENDING',
  },
  {
    creditCode: '91320500MA1WJ7X907',
    regionCode: '320500',
    cause: '施工路段未按规定设置安全警示标志',
    fineFen: 800_000,
    summary: '责令改正，处罚款人民币捌仟元。',
    outcome: 'REPAIRED',
  },
];

const documents = {
  commitmentLetter: {
    fileName: '信用承诺书.txt',
    contentBase64: Buffer.from('本单位承诺：严格遵守道路运输法律法规，诚信经营，如有违反，自愿接受惩戒。').toString(
      'base64',
    ),
  },
  correctiveEvidence: [
    {
      fileName: '整改报告.txt',
      contentBase64: Buffer.from('整改报告：已完成问题整改并组织全员安全培训。').toString('base64'),
    },
  ],
};

/**
 * Seeds the older penalties through the same handlers enforcement's decisions go through, publishes them,
 * and takes each to its outcome through the services, as officers would.
 */
export async function seedCreditRepairs(
  services: CreditServices,
  { dataSource }: SubgraphDependencies,
  now: Date = new Date(),
): Promise<void> {
  const decidedAt = addMonths(now, -5);
  const numbers = new Map<DemoOutcome, string>();
  await inTransaction(dataSource, async (manager) => {
    for (const [index, penalty] of DEMO_OLDER_PENALTIES.entries()) {
      const name = DEMO_ENTERPRISES.find((enterprise) => enterprise.creditCode === penalty.creditCode)!.name;
      const caseNumber = `${penalty.regionCode}${chinaYear(decidedAt)}9${String(index + 1).padStart(5, '0')}`;
      const decision = {
        caseNumber,
        regionCode: penalty.regionCode,
        creditCode: penalty.creditCode,
        plateNumber: null,
        cause: penalty.cause,
        penalty: 'FINE',
        fineFen: penalty.fineFen,
        permitNumber: null,
        summary: penalty.summary,
        decidedAt: decidedAt.toISOString(),
      };
      await services.disclosures.rememberName(manager, penalty.creditCode, name);
      await services.records.recordCaseDecision(manager, decision);
      await services.disclosures.recordCaseDecided(manager, decision);
      numbers.set(penalty.outcome, caseNumber);
    }
  });
  await services.disclosures.publishDue();
  const disclosureOf = (outcome: DemoOutcome) =>
    dataSource.getRepository(CreditDisclosure).findOneByOrFail({ documentNumber: numbers.get(outcome)! });
  const idOf = async (outcome: DemoOutcome) => String((await disclosureOf(outcome)).id);

  await services.corrections.correct(
    SYSTEM_SCOPE,
    {
      id: await idOf('CORRECTED'),
      expectedVersion: 1,
      content: '罚款人民币2,000.00元。责令改正，处罚款人民币贰仟元，并责令立即停止未经安全检查的车辆运营。',
      reason: '决定书内容录入时遗漏责令停止运营的内容，依原决定书更正。',
    },
    SEED_ACTOR,
  );
  // Configured publicity periods other than the defaults may leave the demo's fines not yet repairable.
  const repairable = await disclosureOf('REPAIRED');
  if (repairable.repairableFrom === null || repairable.repairableFrom > now || repairable.publicUntil <= now) return;
  const application = (disclosureId: string) => ({
    disclosureId,
    penaltyExecuted: true,
    executionStatement: '罚款已按期缴清，缴款票据已核验。',
    ...documents,
  });
  await services.repairs.apply(SYSTEM_SCOPE, application(await idOf('REPAIR_PENDING')), SEED_ACTOR);
  const repaired = await services.repairs.apply(SYSTEM_SCOPE, application(await idOf('REPAIRED')), SEED_ACTOR);
  await services.repairs.approve(
    SYSTEM_SCOPE,
    { id: String(repaired.id), expectedVersion: 1, reason: '已履行行政处罚，提交信用承诺书和整改材料，准予信用修复。' },
    SEED_ACTOR,
  );
}
