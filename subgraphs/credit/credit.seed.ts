import { SYSTEM_SCOPE } from '../../platform/auth/region-scope';
import type { SubgraphDependencies } from '../../platform/subgraph-server';
import type { CreditServices } from './credit.context';
import { CreditRecordKind } from './credit-record/credit-record-kind';
import { CreditRecord } from './credit-record/credit-record.entity';
import type { RecordCreditInput } from './credit-record/inputs/record-credit.input';
import { DEMO_OLDER_PENALTIES, seedCreditRepairs } from './repair/credit-repair.seed';

const SEED_ACTOR = 'demo-seed';

// Records credit officers entered by hand. Penalty records are not seeded here: they arrive by the
// `case.decided` events of enforcement's demo cases, as in real use. The public disclosures (双公示) of
// both kinds come the same way: the demo's issued permits and decided fines, published by the job.
export const DEMO_CREDIT_RECORDS: readonly RecordCreditInput[] = [
  {
    creditCode: '91330102MA2CE6F00H',
    kind: CreditRecordKind.COMMENDATION,
    regionCode: '330102',
    summary: '被评为2024年度杭州市道路旅客运输安全生产先进单位，予以通报表扬。',
    decidedAt: new Date('2025-03-10T02:00:00Z'),
    sourceReference: '杭上交表〔2025〕3号',
  },
  {
    creditCode: '91320583MA1NQ2W40E',
    kind: CreditRecordKind.DISHONESTY,
    regionCode: '320583',
    summary: '申请道路货物运输经营许可时提交虚假车辆技术等级评定材料，认定为失信行为。',
    decidedAt: new Date('2025-08-20T03:30:00Z'),
    sourceReference: '昆交信认〔2025〕7号',
  },
];

/** Seeds the demo credit records once, through the service, into an empty credit file. */
export async function seedCredit(services: CreditServices, dependencies: SubgraphDependencies): Promise<void> {
  const { dataSource, logger } = dependencies;
  if ((await dataSource.getRepository(CreditRecord).count()) > 0) return;
  for (const input of DEMO_CREDIT_RECORDS) await services.records.record(SYSTEM_SCOPE, input, SEED_ACTOR);
  // Disclosures corrected, with a repair pending and repaired (信用修复).
  await seedCreditRepairs(services, dependencies);
  logger.info('demo data seeded', {
    creditRecords: DEMO_CREDIT_RECORDS.length,
    olderPenalties: DEMO_OLDER_PENALTIES.length,
  });
}
