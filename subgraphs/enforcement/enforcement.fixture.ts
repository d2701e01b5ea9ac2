import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { residentIdCheckCharacter } from '../../platform/codes/resident-id';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { scopeIn } from '../../platform/testing/callers';
import { testbedPerTest, type ReopenTestbed, type TestbedOf } from '../../platform/testing/subgraph-testbed';
import { CaseNumberSequence } from './enforcement-case/case-number-sequence.entity';
import { CaseShare } from './enforcement-case/case-share.entity';
import { CaseStep } from './enforcement-case/case-step.entity';
import { EnforcementCase } from './enforcement-case/enforcement-case.entity';
import type { FileCaseInput } from './enforcement-case/inputs/file-case.input';
import { PenaltyKind } from './enforcement-case/penalty-kind';
import type { EnforcementCaseService } from './enforcement-case/enforcement-case.service';
import type { EnforcementServices } from './enforcement.context';
import { enforcementSubgraph } from './enforcement.subgraph';
import { CaseEvidence } from './evidence/case-evidence.entity';
import { EvidenceKind } from './evidence/evidence-kind';
import { AssistanceRequest } from './exchange/assistance-request.entity';
import { CaseTransfer } from './exchange/case-transfer.entity';

// For specs only: callers, inputs and a story-like walk through the procedure on the services
// (the testbed itself is platform/testing/subgraph-testbed.ts).

export const CARRIER = '91320102MA1MY0R10Q';
export const KUNSHAN = '91320583MA1NQ2W40E';
export const HANGZHOU = '91330106MA2H4K1L0X';
export const PERSON_ID = `32010219900101123${residentIdCheckCharacter('32010219900101123')}`;

export const NATIONAL = scopeIn('000000');
export const NANJING = scopeIn('320100');
export const JIANGSU = scopeIn('320000');
export const ZHEJIANG = scopeIn('330000');
export const SHANGHAI = scopeIn('310000');

export const OFFICER = 'nj-enforcement-officer';
export const SUPERVISOR = 'js-enforcement-supervisor';

export function filing(overrides: Partial<FileCaseInput> = {}): FileCaseInput {
  return { regionCode: '320102', cause: '危险货物运输车辆未按规定进行维护和检测', creditCode: CARRIER, ...overrides };
}

/** Everything this subgraph writes, to show a refused action wrote nothing. */
export async function everything(dataSource: DataSource) {
  return {
    cases: await dataSource.getRepository(EnforcementCase).find({ order: { id: 'ASC' } }),
    steps: await dataSource.getRepository(CaseStep).count(),
    sequences: await dataSource.getRepository(CaseNumberSequence).find(),
    shares: await dataSource.getRepository(CaseShare).find({ order: { id: 'ASC' } }),
    evidence: await dataSource.getRepository(CaseEvidence).find({ order: { id: 'ASC' } }),
    transfers: await dataSource.getRepository(CaseTransfer).find({ order: { id: 'ASC' } }),
    assistance: await dataSource.getRepository(AssistanceRequest).find({ order: { id: 'ASC' } }),
    outbox: await dataSource.getRepository(OutboxMessage).count(),
  };
}

export const A_FINE = { penalty: PenaltyKind.FINE, fineFen: 500_000 } as const;
export const A_MAJOR_FINE = { penalty: PenaltyKind.FINE, fineFen: 2_000_000 } as const;

export function evidenceItem(
  content = 'scene photograph bytes',
  overrides: Partial<{ kind: EvidenceKind; title: string; fileName: string }> = {},
) {
  return {
    kind: EvidenceKind.PHOTO,
    title: '车辆超限现场照片',
    fileName: 'scene.jpg',
    contentBase64: Buffer.from(content).toString('base64'),
    collectedAt: new Date(Date.now() - 3600_000),
    ...overrides,
  };
}

/** Where the local file store keeps an item's bytes, to alter them the way someone with disk access could. */
export function storedFileOf(filesDirectory: string, evidence: CaseEvidence): string {
  return join(filesDirectory, evidence.storageReference.replace(/^local:/, ''));
}

type PenaltyGiven = { penalty: PenaltyKind; fineFen?: number; permitNumber?: string };

/**
 * Seed helpers that read like the procedure, on the national scope:
 * `const open = await procedure(services).investigating(); await procedure(services).notified(open, A_FINE);`
 */
export function procedure(services: EnforcementServices) {
  const self = {
    /** Submitted and approved. */
    async opened(input: FileCaseInput = filing()): Promise<EnforcementCase> {
      const filed = await services.cases.file(NATIONAL, input, OFFICER);
      return services.cases.approveFiling(NATIONAL, { caseNumber: filed.caseNumber }, SUPERVISOR);
    },
    async investigating(input: FileCaseInput = filing()): Promise<EnforcementCase> {
      const opened = await self.opened(input);
      return services.cases.startInvestigation(NATIONAL, { caseNumber: opened.caseNumber }, OFFICER);
    },
    /** Proposed and, when major, passed by legal review. */
    async proposed(penalty: PenaltyGiven = A_FINE, input: FileCaseInput = filing()): Promise<EnforcementCase> {
      const open = await self.investigating(input);
      const proposed = await services.penalties.propose(
        NATIONAL,
        { caseNumber: open.caseNumber, ...penalty, summary: '拟处罚' },
        OFFICER,
      );
      if (!proposed.legalReviewRequired) return proposed;
      return services.penalties.review(
        NATIONAL,
        { caseNumber: open.caseNumber, approved: true, opinion: '同意' },
        SUPERVISOR,
      );
    },
    async notified(penalty: PenaltyGiven = A_FINE, input: FileCaseInput = filing()): Promise<EnforcementCase> {
      const proposed = await self.proposed(penalty, input);
      return services.penalties.notify(NATIONAL, { caseNumber: proposed.caseNumber }, OFFICER);
    },
    /** Notified, the party's statement recorded with the hearing given up: ready to decide. */
    async readyToDecide(penalty: PenaltyGiven = A_FINE, input: FileCaseInput = filing()): Promise<EnforcementCase> {
      const notified = await self.notified(penalty, input);
      return services.penalties.recordStatement(
        NATIONAL,
        { caseNumber: notified.caseNumber, statement: '无异议', waivesHearing: true },
        OFFICER,
      );
    },
    async decided(penalty: PenaltyGiven = A_FINE, input: FileCaseInput = filing()): Promise<EnforcementCase> {
      const ready = await self.readyToDecide(penalty, input);
      return services.penalties.decide(
        NATIONAL,
        { caseNumber: ready.caseNumber, ...penalty, decisionSummary: '处罚决定' },
        SUPERVISOR,
      );
    },
  };
  return self;
}

export type EnforcementTestbed = TestbedOf<typeof enforcementSubgraph>;

/** What an enforcement spec works with in one test. */
export interface EnforcementSpec {
  testbed: EnforcementTestbed;
  cases: EnforcementCaseService;
  story: ReturnType<typeof procedure>;
}

/**
 * A fresh enforcement testbed for every test of the enclosing describe block, handed to `use` with its case
 * service and the procedure story: `enforcementPerTest((spec) => ({ testbed, cases } = spec))`.
 */
export function enforcementPerTest(use: (spec: EnforcementSpec) => void): ReopenTestbed<never> {
  return testbedPerTest(enforcementSubgraph, (testbed) =>
    use({ testbed, cases: testbed.services.cases, story: procedure(testbed.services) }),
  );
}
