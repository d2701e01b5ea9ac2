import { SYSTEM_SCOPE } from '../kit/auth/region-scope';
import { residentIdCheckCharacter } from '../kit/codes/resident-id';
import { DEMO_ENTERPRISES, DEMO_VEHICLES } from '../kit/demo/demo-dataset';
import type { SubgraphDependencies } from '../kit/subgraph-server';
import { CaseShare } from './enforcement-case/case-share.entity';
import { EnforcementCase } from './enforcement-case/enforcement-case.entity';
import type { FileCaseInput } from './enforcement-case/inputs/file-case.input';
import type { ShareCaseInput } from './enforcement-case/inputs/share-case.input';
import { PenaltyKind } from './enforcement-case/penalty-kind';
import type { EnforcementServices } from './enforcement.context';

const SEED_ACTOR = 'demo-seed';

// A fictitious Nanjing resident: born 1985-03-12 in 玄武区, check character per GB 11643-1999.
const DEMO_PARTY_ID_FIRST_SEVENTEEN = '32010219850312301';
export const DEMO_PARTY_ID_NUMBER = DEMO_PARTY_ID_FIRST_SEVENTEEN + residentIdCheckCharacter(DEMO_PARTY_ID_FIRST_SEVENTEEN);

interface DemoDecision {
  penalty: PenaltyKind;
  fineFen?: number;
  decisionSummary: string;
}

type DemoOutcome =
  | { stage: 'filed' }
  | { stage: 'investigating' }
  | { stage: 'decided'; decision: DemoDecision }
  | { stage: 'closed'; decision: DemoDecision }
  | { stage: 'dismissed'; reason: string };

interface DemoCase {
  filing: FileCaseInput;
  outcome: DemoOutcome;
}

/** The subject must be in the demo dataset, so the single window shows the case beside its registry entry. */
function demoEnterprise(creditCode: string): { creditCode: string; regionCode: string } {
  const enterprise = DEMO_ENTERPRISES.find((candidate) => candidate.creditCode === creditCode);
  if (!enterprise) throw new Error(`${creditCode} is not a demo enterprise`);
  return { creditCode, regionCode: enterprise.regionCode };
}

function demoVehicle(plateNumber: string): string {
  if (!DEMO_VEHICLES.some((vehicle) => vehicle.plateNumber === plateNumber)) throw new Error(`${plateNumber} is not a demo vehicle`);
  return plateNumber;
}

export const DEMO_CASES: readonly DemoCase[] = [
  {
    filing: { ...demoEnterprise('91320102MA1MY0R10Q'), cause: '危险货物运输车辆未按规定进行维护和检测' },
    outcome: { stage: 'decided', decision: { penalty: PenaltyKind.FINE, fineFen: 2_000_000, decisionSummary: '依据《道路危险货物运输管理规定》，处罚款人民币贰万元。' } },
  },
  {
    filing: { ...demoEnterprise('91320102MA1MY0R10Q'), plateNumber: demoVehicle('苏A12345'), cause: '驾驶人员未取得相应从业资格证件驾驶危险货物运输车辆' },
    outcome: { stage: 'investigating' },
  },
  {
    filing: { ...demoEnterprise('91320102MA1MY0R10Q'), cause: '未按规定建立健全安全生产管理制度' },
    outcome: { stage: 'closed', decision: { penalty: PenaltyKind.WARNING, decisionSummary: '责令限期改正，给予警告。' } },
  },
  {
    filing: { ...demoEnterprise('91320583MA1NQ2W40E'), plateNumber: demoVehicle('苏E88888'), cause: '货运车辆涉嫌超限运输' },
    outcome: { stage: 'filed' },
  },
  {
    filing: { ...demoEnterprise('91330106MA2H4K1L0X'), plateNumber: demoVehicle('浙A23456'), cause: '擅自改装已取得道路运输证的车辆' },
    outcome: { stage: 'decided', decision: { penalty: PenaltyKind.FINE, fineFen: 500_000, decisionSummary: '责令改正，处罚款人民币伍仟元。' } },
  },
  {
    filing: { ...demoEnterprise('91330100MA27Y8P30J'), plateNumber: demoVehicle('浙AD12345'), cause: '危险货物运输车辆未按规定使用卫星定位装置' },
    outcome: { stage: 'investigating' },
  },
  {
    filing: { ...demoEnterprise('91320106MA1P3T8K0L'), plateNumber: demoVehicle('苏AD12345'), cause: '客运车辆涉嫌超员运输' },
    outcome: { stage: 'dismissed', reason: '经调查，超员的违法事实不能成立，撤销立案。' },
  },
  {
    filing: { regionCode: '320100', partyName: '李明', partyIdNumber: DEMO_PARTY_ID_NUMBER, cause: '未取得道路运输经营许可，擅自从事道路旅客运输经营' },
    outcome: { stage: 'decided', decision: { penalty: PenaltyKind.FINE, fineFen: 3_000_000, decisionSummary: '责令停止经营，处罚款人民币叁万元。' } },
  },
];

/**
 * A Hangzhou case shared with Jiangsu for reading: the Jiangsu demo officers see it beside their own,
 * and cannot act on it. Named by its filing, since the case number depends on the year of seeding.
 */
export const DEMO_SHARE = {
  filing: { creditCode: '91330100MA27Y8P30J', regionCode: '330100', plateNumber: '浙AD12345' },
  share: { regionCode: '320000', reason: '车辆登记地在江苏，请协助核查' },
} as const;

/** Seeds the demo cases once, through the service, so filings and decisions raise their events. */
export async function seedEnforcement(services: EnforcementServices, { dataSource, logger }: Pick<SubgraphDependencies, 'dataSource' | 'logger'>): Promise<void> {
  if ((await dataSource.getRepository(EnforcementCase).count()) === 0) {
    await seedCases(services);
    logger.info('demo data seeded', { cases: DEMO_CASES.length });
  }
  // Apart from the cases, so a demo database seeded before sharing existed gets its share too.
  if (await seedShare(services, dataSource)) logger.info('demo case shared', { regionCode: DEMO_SHARE.share.regionCode });
}

async function seedCases(services: EnforcementServices): Promise<void> {
  for (const { filing, outcome } of DEMO_CASES) {
    const filed = await services.cases.file(SYSTEM_SCOPE, filing, SEED_ACTOR);
    const action = { caseNumber: filed.caseNumber };
    if (outcome.stage === 'filed') continue;
    if (outcome.stage === 'dismissed') {
      await services.cases.dismiss(SYSTEM_SCOPE, { ...action, reason: outcome.reason }, SEED_ACTOR);
      continue;
    }
    await services.cases.startInvestigation(SYSTEM_SCOPE, action, SEED_ACTOR);
    if (outcome.stage === 'investigating') continue;
    await services.cases.decide(SYSTEM_SCOPE, { ...action, ...outcome.decision }, SEED_ACTOR);
    if (outcome.stage === 'closed') await services.cases.close(SYSTEM_SCOPE, { ...action, comment: '当事人已履行处罚决定' }, SEED_ACTOR);
  }
}

/** Shares the demo case unless it was ever shared with that region (a revoked demo share stays revoked). */
async function seedShare(services: EnforcementServices, dataSource: SubgraphDependencies['dataSource']): Promise<boolean> {
  const demoCase = await dataSource.getRepository(EnforcementCase).findOne({ where: { ...DEMO_SHARE.filing, filedBy: SEED_ACTOR }, order: { id: 'ASC' } });
  if (!demoCase) return false;
  if (await dataSource.getRepository(CaseShare).existsBy({ caseId: demoCase.id, regionCode: DEMO_SHARE.share.regionCode })) return false;
  const input: ShareCaseInput = { caseNumber: demoCase.caseNumber, ...DEMO_SHARE.share };
  await services.cases.share(SYSTEM_SCOPE, input, SEED_ACTOR);
  return true;
}
