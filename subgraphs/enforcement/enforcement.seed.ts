import { SYSTEM_SCOPE } from '../../platform/auth/region-scope';
import { residentIdCheckCharacter } from '../../platform/codes/resident-id';
import { DEMO_ENTERPRISES, DEMO_VEHICLES } from '../../platform/demo/demo-dataset';
import type { SubgraphDependencies } from '../../platform/subgraph-server';
import { CaseShare } from './enforcement-case/case-share.entity';
import { EnforcementCase } from './enforcement-case/enforcement-case.entity';
import type { FileCaseInput } from './enforcement-case/inputs/file-case.input';
import type { ShareCaseInput } from './enforcement-case/inputs/share-case.input';
import { PenaltyKind } from './enforcement-case/penalty-kind';
import type { EnforcementServices } from './enforcement.context';
import { EvidenceKind } from './evidence/evidence-kind';

const SEED_ACTOR = 'demo-seed';

// A fictitious Nanjing resident: born 1985-03-12 in 玄武区, check character per GB 11643-1999.
const DEMO_PARTY_ID_FIRST_SEVENTEEN = '32010219850312301';
export const DEMO_PARTY_ID_NUMBER =
  DEMO_PARTY_ID_FIRST_SEVENTEEN + residentIdCheckCharacter(DEMO_PARTY_ID_FIRST_SEVENTEEN);

interface DemoPenalty {
  penalty: PenaltyKind;
  fineFen?: number;
  summary: string;
}

/** How far through the procedure a demo case goes (its status at the end of seeding). */
export type DemoStage =
  | 'FILING_PENDING'
  | 'NOT_FILED'
  | 'FILED'
  | 'INVESTIGATING'
  | 'LEGAL_REVIEW'
  | 'PENALTY_PROPOSED'
  | 'NOTIFIED'
  | 'HEARING'
  | 'HEARD'
  | 'DECIDED'
  | 'EXECUTED'
  | 'CLOSED'
  | 'DISMISSED';

interface DemoEvidence {
  kind: EvidenceKind;
  title: string;
  fileName: string;
  content: string;
}

export interface DemoCase {
  filing: FileCaseInput;
  stage: DemoStage;
  /** The penalty proposed and decided, for cases that get that far. */
  penalty?: DemoPenalty;
  /** Why the filing was refused or the case dismissed. */
  reason?: string;
  evidence?: DemoEvidence[];
  /** Another region asked to assist, answered with evidence (协查). */
  assistance?: {
    assistingRegionCode: string;
    question: string;
    sharedSummary: string;
    answer: string;
    evidence: DemoEvidence;
  };
  /** A transfer to another region, left awaiting its decision (the case ends TRANSFER_PENDING) or accepted there (移送). */
  transfer?: { toRegionCode: string; reason: string; accepted: boolean };
}

/** The subject must be in the demo dataset, so the single window shows the case beside its registry entry. */
function demoEnterprise(creditCode: string): { creditCode: string; regionCode: string } {
  const enterprise = DEMO_ENTERPRISES.find((candidate) => candidate.creditCode === creditCode);
  if (!enterprise) throw new Error(`${creditCode} is not a demo enterprise`);
  return { creditCode, regionCode: enterprise.regionCode };
}

function demoVehicle(plateNumber: string): string {
  if (!DEMO_VEHICLES.some((vehicle) => vehicle.plateNumber === plateNumber))
    throw new Error(`${plateNumber} is not a demo vehicle`);
  return plateNumber;
}

const SCENE_PHOTO: DemoEvidence = {
  kind: EvidenceKind.PHOTO,
  title: '现场检查照片',
  fileName: 'scene-001.jpg',
  content: 'demo scene photograph 001',
};
const INQUIRY: DemoEvidence = {
  kind: EvidenceKind.INQUIRY_RECORD,
  title: '驾驶员询问笔录',
  fileName: 'inquiry-001.pdf',
  content: 'demo inquiry record 001',
};

/** Cases in every status of the procedure, in Jiangsu and Zhejiang, one of them mid-transfer between the two. */
export const DEMO_CASES: readonly DemoCase[] = [
  {
    filing: { ...demoEnterprise('91320102MA1MY0R10Q'), cause: '危险货物运输车辆未按规定进行维护和检测' },
    stage: 'DECIDED',
    penalty: {
      penalty: PenaltyKind.FINE,
      fineFen: 2_000_000,
      summary: '依据《道路危险货物运输管理规定》，处罚款人民币贰万元。',
    },
    evidence: [SCENE_PHOTO],
  },
  {
    filing: {
      ...demoEnterprise('91320102MA1MY0R10Q'),
      plateNumber: demoVehicle('苏A12345'),
      cause: '驾驶人员未取得相应从业资格证件驾驶危险货物运输车辆',
    },
    stage: 'INVESTIGATING',
    evidence: [INQUIRY],
    assistance: {
      assistingRegionCode: '330100',
      question: '请协助调取该车辆在杭州绕城高速收费站的通行记录及驾驶员身份核验记录。',
      sharedSummary: '苏A12345危险货物运输车辆，驾驶员涉嫌无从业资格证驾驶，车辆曾途经杭州。',
      answer: '已调取该车辆通行记录，驾驶员与登记从业人员不一致，记录附后。',
      evidence: {
        kind: EvidenceKind.DOCUMENT,
        title: '收费站通行记录',
        fileName: 'toll-records.pdf',
        content: 'demo toll station passage records',
      },
    },
  },
  {
    filing: { ...demoEnterprise('91320102MA1MY0R10Q'), cause: '未按规定建立健全安全生产管理制度' },
    stage: 'CLOSED',
    penalty: { penalty: PenaltyKind.WARNING, summary: '责令限期改正，给予警告。' },
  },
  {
    filing: {
      ...demoEnterprise('91320583MA1NQ2W40E'),
      plateNumber: demoVehicle('苏E88888'),
      cause: '货运车辆涉嫌超限运输',
    },
    stage: 'FILED',
  },
  {
    filing: {
      ...demoEnterprise('91330106MA2H4K1L0X'),
      plateNumber: demoVehicle('浙A23456'),
      cause: '擅自改装已取得道路运输证的车辆',
    },
    stage: 'DECIDED',
    penalty: { penalty: PenaltyKind.FINE, fineFen: 500_000, summary: '责令改正，处罚款人民币伍仟元。' },
  },
  {
    filing: {
      ...demoEnterprise('91330100MA27Y8P30J'),
      plateNumber: demoVehicle('浙AD12345'),
      cause: '危险货物运输车辆未按规定使用卫星定位装置',
    },
    stage: 'INVESTIGATING',
  },
  {
    filing: {
      ...demoEnterprise('91320106MA1P3T8K0L'),
      plateNumber: demoVehicle('苏AD12345'),
      cause: '客运车辆涉嫌超员运输',
    },
    stage: 'DISMISSED',
    reason: '经调查，超员的违法事实不能成立，撤销案件。',
  },
  {
    filing: {
      regionCode: '320100',
      partyName: '李明',
      partyIdNumber: DEMO_PARTY_ID_NUMBER,
      cause: '未取得道路运输经营许可，擅自从事道路旅客运输经营',
    },
    stage: 'DECIDED',
    penalty: { penalty: PenaltyKind.FINE, fineFen: 3_000_000, summary: '责令停止经营，处罚款人民币叁万元。' },
  },
  {
    filing: {
      ...demoEnterprise('91320100MA1R5D2U0T'),
      plateNumber: demoVehicle('苏A9L628'),
      cause: '大件运输车辆未按许可的路线行驶',
    },
    stage: 'FILING_PENDING',
  },
  {
    filing: { ...demoEnterprise('91320500MA1WJ7X907'), cause: '涉嫌未按规定设置施工路段安全警示标志' },
    stage: 'NOT_FILED',
    reason: '经核查，该路段属城市道路，不属于交通运输部门管辖，不予立案。',
  },
  {
    filing: { ...demoEnterprise('91330102MA2CE6F00H'), cause: '客运车辆未按规定进行二级维护' },
    stage: 'LEGAL_REVIEW',
    penalty: {
      penalty: PenaltyKind.FINE,
      fineFen: 1_500_000,
      summary: '拟依据《道路运输车辆技术管理规定》处罚款人民币壹万伍仟元。',
    },
    evidence: [SCENE_PHOTO],
  },
  {
    filing: { ...demoEnterprise('91320106MA1P3T8K0L'), cause: '客运驾驶员连续驾驶超过4小时未停车休息' },
    stage: 'PENALTY_PROPOSED',
    penalty: { penalty: PenaltyKind.FINE, fineFen: 200_000, summary: '拟处罚款人民币贰仟元。' },
  },
  {
    filing: { ...demoEnterprise('91320583MA1NQ2W40E'), cause: '未按规定建立车辆技术档案' },
    stage: 'NOTIFIED',
    penalty: { penalty: PenaltyKind.FINE, fineFen: 500_000, summary: '拟处罚款人民币伍仟元。' },
  },
  {
    filing: {
      ...demoEnterprise('91330100MA27Y8P30J'),
      plateNumber: demoVehicle('浙A5F678'),
      cause: '危险货物运输车辆未按规定悬挂警示标志',
    },
    stage: 'HEARING',
    penalty: { penalty: PenaltyKind.FINE, fineFen: 2_000_000, summary: '拟处罚款人民币贰万元。' },
  },
  {
    filing: { ...demoEnterprise('91320100MA1R5D2U0T'), cause: '大件运输车辆未按许可的时间通行' },
    stage: 'HEARD',
    penalty: { penalty: PenaltyKind.FINE, fineFen: 5_000_000, summary: '拟处罚款人民币伍万元。' },
  },
  {
    filing: { ...demoEnterprise('91320106MA1P3T8K0L'), cause: '客运站未按规定对进站危险品进行查验' },
    stage: 'EXECUTED',
    penalty: { penalty: PenaltyKind.FINE, fineFen: 300_000, summary: '处罚款人民币叁仟元。' },
  },
  {
    // Stopped at a Kunshan weigh station; the vehicle and its owner are in Hangzhou, so Kunshan proposes
    // to hand the case over. Left mid-transfer: Zhejiang decides.
    filing: {
      regionCode: '320583',
      creditCode: '91330106MA2H4K1L0X',
      plateNumber: demoVehicle('浙A23456'),
      cause: '货运车辆未随车携带道路运输证',
    },
    stage: 'INVESTIGATING',
    evidence: [SCENE_PHOTO, INQUIRY],
    transfer: {
      toRegionCode: '330106',
      reason: '车辆登记地及经营业户均在杭州市西湖区，移送属地管辖。',
      accepted: false,
    },
  },
  {
    // Found in Hangzhou, handed over to Nanjing where the operator is registered; Hangzhou keeps reading what it did.
    filing: {
      regionCode: '330102',
      creditCode: '91320106MA1P3T8K0L',
      plateNumber: demoVehicle('苏AD12345'),
      cause: '客运车辆未按核定线路经营',
    },
    stage: 'INVESTIGATING',
    evidence: [SCENE_PHOTO],
    transfer: { toRegionCode: '320106', reason: '经营业户登记地在南京市鼓楼区，移送属地管辖。', accepted: true },
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

/** Seeds the demo cases once, through the services, so filings and decisions raise their events. */
export async function seedEnforcement(
  services: EnforcementServices,
  { dataSource, logger }: Pick<SubgraphDependencies, 'dataSource' | 'logger'>,
): Promise<void> {
  if ((await dataSource.getRepository(EnforcementCase).count()) === 0) {
    for (const demo of DEMO_CASES) await seedCase(services, demo);
    logger.info('demo data seeded', { cases: DEMO_CASES.length });
  }
  // Apart from the cases, so a demo database seeded before sharing existed gets its share too.
  if (await seedShare(services, dataSource))
    logger.info('demo case shared', { regionCode: DEMO_SHARE.share.regionCode });
}

const ORDER: readonly DemoStage[] = [
  'FILED',
  'INVESTIGATING',
  'LEGAL_REVIEW',
  'PENALTY_PROPOSED',
  'NOTIFIED',
  'HEARING',
  'HEARD',
  'DECIDED',
  'EXECUTED',
  'CLOSED',
];
const reached = (stage: DemoStage, step: DemoStage) => ORDER.indexOf(stage) >= ORDER.indexOf(step);

/** Walks one demo case through the procedure, step by step as officers would, to its stage. */
async function seedCase(services: EnforcementServices, demo: DemoCase): Promise<void> {
  const { caseNumber } = await services.cases.file(SYSTEM_SCOPE, demo.filing, SEED_ACTOR);
  const action = { caseNumber };
  if (demo.stage === 'FILING_PENDING') return;
  if (demo.stage === 'NOT_FILED') {
    await services.cases.rejectFiling(SYSTEM_SCOPE, { ...action, reason: demo.reason ?? '不予立案' }, SEED_ACTOR);
    return;
  }
  await services.cases.approveFiling(SYSTEM_SCOPE, action, SEED_ACTOR);
  if (demo.stage === 'DISMISSED') {
    await services.cases.dismiss(SYSTEM_SCOPE, { ...action, reason: demo.reason ?? '撤销案件' }, SEED_ACTOR);
    return;
  }
  if (demo.stage === 'FILED') return;
  await services.cases.startInvestigation(SYSTEM_SCOPE, action, SEED_ACTOR);
  const collectedAt = new Date(Date.now() - 3600_000);
  for (const item of demo.evidence ?? []) {
    const { content, ...metadata } = item;
    await services.evidence.add(
      SYSTEM_SCOPE,
      { ...action, ...metadata, contentBase64: Buffer.from(content).toString('base64'), collectedAt },
      SEED_ACTOR,
    );
  }
  if (demo.assistance) {
    const { assistingRegionCode, question, sharedSummary, answer, evidence } = demo.assistance;
    const { assistanceRequest } = await services.assistance.request(
      SYSTEM_SCOPE,
      { ...action, assistingRegionCode, question, sharedSummary },
      SEED_ACTOR,
    );
    const { content, ...metadata } = evidence;
    const assistanceRequestId = String(assistanceRequest.id);
    await services.assistance.addEvidence(
      SYSTEM_SCOPE,
      { assistanceRequestId, ...metadata, contentBase64: Buffer.from(content).toString('base64'), collectedAt },
      SEED_ACTOR,
    );
    await services.assistance.answer(SYSTEM_SCOPE, { assistanceRequestId, answer }, SEED_ACTOR);
  }
  if (demo.transfer) {
    await services.transfers.propose(
      SYSTEM_SCOPE,
      { ...action, toRegionCode: demo.transfer.toRegionCode, reason: demo.transfer.reason },
      SEED_ACTOR,
    );
    if (demo.transfer.accepted)
      await services.transfers.accept(SYSTEM_SCOPE, { ...action, comment: '同意接收' }, SEED_ACTOR);
  }
  if (!reached(demo.stage, 'LEGAL_REVIEW') || !demo.penalty) return;
  const { penalty, fineFen, summary } = demo.penalty;
  const proposed = await services.penalties.propose(SYSTEM_SCOPE, { ...action, penalty, fineFen, summary }, SEED_ACTOR);
  if (demo.stage === 'LEGAL_REVIEW') return;
  if (proposed.legalReviewRequired)
    await services.penalties.review(
      SYSTEM_SCOPE,
      { ...action, approved: true, opinion: '事实清楚，证据确凿，程序合法，适用依据正确。' },
      SEED_ACTOR,
    );
  if (demo.stage === 'PENALTY_PROPOSED') return;
  await services.penalties.notify(SYSTEM_SCOPE, action, SEED_ACTOR);
  if (demo.stage === 'NOTIFIED') return;
  if (demo.stage === 'HEARING' || demo.stage === 'HEARD') {
    await services.penalties.requestHearing(SYSTEM_SCOPE, { ...action, comment: '当事人书面申请听证' }, SEED_ACTOR);
    if (demo.stage === 'HEARING') return;
    await services.penalties.recordHearing(
      SYSTEM_SCOPE,
      { ...action, heldAt: new Date(), record: '听证会依法举行，当事人到场陈述申辩。' },
      SEED_ACTOR,
    );
    return;
  }
  await services.penalties.recordStatement(
    SYSTEM_SCOPE,
    { ...action, statement: '当事人对违法事实无异议，放弃陈述申辩和听证。', waivesHearing: true },
    SEED_ACTOR,
  );
  await services.penalties.decide(SYSTEM_SCOPE, { ...action, penalty, fineFen, decisionSummary: summary }, SEED_ACTOR);
  if (demo.stage === 'DECIDED') return;
  const paid =
    penalty === PenaltyKind.FINE
      ? { paidFen: fineFen, paymentReference: `JK${caseNumber}` }
      : { note: '处罚决定书已送达' };
  await services.penalties.recordExecution(SYSTEM_SCOPE, { ...action, ...paid }, SEED_ACTOR);
  if (demo.stage === 'EXECUTED') return;
  await services.cases.close(SYSTEM_SCOPE, { ...action, comment: '当事人已履行处罚决定' }, SEED_ACTOR);
}

/** Shares the demo case unless it was ever shared with that region (a revoked demo share stays revoked). */
async function seedShare(
  services: EnforcementServices,
  dataSource: SubgraphDependencies['dataSource'],
): Promise<boolean> {
  const demoCase = await dataSource
    .getRepository(EnforcementCase)
    .findOne({ where: { ...DEMO_SHARE.filing, filedBy: SEED_ACTOR }, order: { id: 'ASC' } });
  if (!demoCase) return false;
  if (
    await dataSource.getRepository(CaseShare).existsBy({ caseId: demoCase.id, regionCode: DEMO_SHARE.share.regionCode })
  )
    return false;
  const input: ShareCaseInput = { caseNumber: demoCase.caseNumber, ...DEMO_SHARE.share };
  await services.cases.share(SYSTEM_SCOPE, input, SEED_ACTOR);
  return true;
}
