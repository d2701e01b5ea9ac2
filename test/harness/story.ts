import { randomInt } from 'node:crypto';
import { creditCodeCheckCharacter } from '../../platform/codes/credit-code';
import { attachRequiredMaterials } from './permit-materials';
import { query } from './single-window.client';

const CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const PLATE_CHARACTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function pick(characters: string, count: number): string {
  return Array.from({ length: count }, () => characters[randomInt(characters.length)]).join('');
}

/** A fresh, valid credit code registered in `regionCode`. */
export function newCreditCode(regionCode = '320102'): string {
  const firstSeventeen = `91${regionCode}${pick(CODE_CHARACTERS, 9)}`;
  return firstSeventeen + creditCodeCheckCharacter(firstSeventeen);
}

export function newPlate(prefix = '苏A'): string {
  return `${prefix}${pick(PLATE_CHARACTERS, 5)}`;
}

export interface Penalty {
  penalty: 'WARNING' | 'FINE' | 'CONFISCATION' | 'PERMIT_SUSPENSION' | 'PERMIT_REVOCATION';
  fineFen?: number;
  permitNumber?: string;
}

/**
 * The procedure from a submitted filing to the decision (行政处罚程序), by a caller who holds every
 * step's role (ministry-admin): approve the filing, investigate, propose the penalty; pass legal review
 * when the proposal is major; notify the party, record its statement giving up a hearing, decide.
 * Mutation fields run one after the other, so each phase is one request.
 */
export async function decideThroughProcedure(
  token: string,
  caseNumber: string,
  penalty: Penalty,
  decisionSummary = '处罚决定',
): Promise<void> {
  const proposed = await query<{ proposeCasePenalty: { case: { status: string } } }>(
    token,
    `mutation ($case: CaseActionInput!, $proposal: ProposeCasePenaltyInput!) {
      approveCaseFiling(input: $case) { case { status } }
      startCaseInvestigation(input: $case) { case { status } }
      proposeCasePenalty(input: $proposal) { case { status } }
    }`,
    { case: { caseNumber }, proposal: { caseNumber, ...penalty, summary: '处罚建议' } },
  );
  const review = proposed.proposeCasePenalty.case.status === 'LEGAL_REVIEW';
  await query(
    token,
    `mutation ($case: CaseActionInput!, ${review ? '$review: ReviewCasePenaltyInput!, ' : ''}$statement: RecordPartyStatementInput!, $decision: DecideCaseInput!) {
      ${review ? 'reviewCasePenalty(input: $review) { case { status } }' : ''}
      notifyCasePenalty(input: $case) { case { status } }
      recordPartyStatement(input: $statement) { case { status } }
      decideCase(input: $decision) { case { status } }
    }`,
    {
      case: { caseNumber },
      ...(review ? { review: { caseNumber, approved: true, opinion: '同意' } } : {}),
      statement: { caseNumber, statement: '无异议，放弃听证', waivesHearing: true },
      decision: { caseNumber, ...penalty, decisionSummary },
    },
  );
}

/**
 * Seed helpers that read like the story a test tells:
 * `const enterprise = await story(token).enterprise('320102'); await enterprise.withPermits(3);`
 */
export function story(token: string) {
  return {
    async enterprise(regionCode = '320102', name = '测试运输有限公司') {
      const creditCode = newCreditCode(regionCode);
      await query(
        token,
        `mutation ($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { enterprise { creditCode } } }`,
        { input: { creditCode, name, legalRepresentative: '测试人', regionCode, address: '测试路1号' } },
      );
      return enterpriseStory(token, creditCode, regionCode);
    },
  };
}

function enterpriseStory(token: string, creditCode: string, regionCode: string) {
  const self = {
    creditCode,
    regionCode,
    async vehicle(): Promise<string> {
      const plateNumber = newPlate();
      await query(
        token,
        `mutation ($input: RegisterVehicleInput!) { registerVehicle(input: $input) { vehicle { plateNumber } } }`,
        {
          input: {
            plateNumber,
            ownerCreditCode: creditCode,
            vehicleType: '重型半挂牵引车',
            transportCertificateNumber: `苏交运管${randomInt(1e9)}`,
            regionCode,
          },
        },
      );
      return plateNumber;
    },
    /** Submits with every required material, accepts and approves `count` applications: `count` permits issued. */
    async withPermits(count: number): Promise<string[]> {
      const numbers: string[] = [];
      for (let index = 0; index < count; index += 1) {
        const submitted = await query<{ submitPermitApplication: { application: { applicationNumber: string } } }>(
          token,
          `mutation ($input: SubmitPermitApplicationInput!) { submitPermitApplication(input: $input) { application { applicationNumber } } }`,
          { input: { creditCode, kind: 'ROAD_FREIGHT_TRANSPORT', scope: '普通货运', regionCode } },
        );
        const applicationNumber = submitted.submitPermitApplication.application.applicationNumber;
        await attachRequiredMaterials(token, applicationNumber, 'ROAD_FREIGHT_TRANSPORT');
        await query(
          token,
          `mutation ($input: ApplicationActionInput!) { acceptPermitApplication(input: $input) { application { status } } }`,
          {
            input: { applicationNumber },
          },
        );
        const approved = await query<{ approvePermitApplication: { permit: { number: string } } }>(
          token,
          `mutation ($input: ApprovePermitApplicationInput!) { approvePermitApplication(input: $input) { permit { number } } }`,
          { input: { applicationNumber } },
        );
        numbers.push(approved.approvePermitApplication.permit.number);
      }
      return numbers;
    },
    /** Files `count` cases and takes each through the procedure to a decided fine of `fineFen`. */
    async withDecidedCases(count: number, fineFen = 500000): Promise<string[]> {
      const numbers: string[] = [];
      for (let index = 0; index < count; index += 1)
        numbers.push(await self.withDecidedCase({ penalty: 'FINE', fineFen }));
      return numbers;
    },
    /** Files one case and takes it through the procedure to the given decision (see `decideThroughProcedure`). */
    async withDecidedCase(penalty: Penalty, cause = '未按规定维护和检测运输车辆'): Promise<string> {
      const filed = await query<{ fileCase: { case: { caseNumber: string } } }>(
        token,
        `mutation ($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber } } }`,
        { input: { regionCode, cause, creditCode } },
      );
      const caseNumber = filed.fileCase.case.caseNumber;
      await decideThroughProcedure(token, caseNumber, penalty);
      return caseNumber;
    },
    async withWaybills(count: number, plateNumber: string): Promise<string[]> {
      const numbers: string[] = [];
      for (let index = 0; index < count; index += 1) {
        const created = await query<{ createWaybill: { waybill: { waybillNumber: string } } }>(
          token,
          `mutation ($input: CreateWaybillInput!) { createWaybill(input: $input) { waybill { waybillNumber } } }`,
          {
            input: {
              carrierCreditCode: creditCode,
              shipperName: '测试化工有限公司',
              plateNumber,
              goodsName: '汽油',
              unNumber: 'UN1203',
              hazardClass: '3',
              quantityKg: 20000,
              originRegionCode: regionCode,
              destinationRegionCode: '330106',
            },
          },
        );
        numbers.push(created.createWaybill.waybill.waybillNumber);
      }
      return numbers;
    },
  };
  return self;
}
