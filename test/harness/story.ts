import { randomInt } from 'node:crypto';
import { creditCodeCheckCharacter } from '../../platform/codes/credit-code';
import { attachRequiredMaterials } from './permit-materials';
import { eventually, query } from './single-window.client';

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

/** Twenty tonnes of petrol (UN1203, class 3, II) from `originRegionCode` to Hangzhou, with its crew. */
export function petrolWaybill(carrierCreditCode: string, plateNumber: string, originRegionCode: string) {
  return {
    carrierCreditCode,
    shipperName: '测试化工有限公司',
    consigneeName: '杭州测试加油站',
    loaderName: '测试装卸站',
    driverName: '张测试',
    driverQualificationNumber: '320102198001011238',
    escortName: '李测试',
    escortQualificationNumber: '320102198505052340',
    plateNumber,
    goodsName: '汽油',
    unNumber: 'UN1203',
    hazardClass: '3',
    packingGroup: 'II',
    quantityKg: 20000,
    originRegionCode,
    destinationRegionCode: '330106',
  };
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
    /** Registers a vehicle: an ordinary freight one, or a hazardous-goods one certified for classes 3 and 8. */
    async vehicle(kind: 'freight' | 'hazardous-goods' = 'freight'): Promise<string> {
      const plateNumber = newPlate();
      const cargo =
        kind === 'freight'
          ? { vehicleType: '重型半挂牵引车', category: 'FREIGHT', approvedLoadKg: 40000 }
          : {
              vehicleType: '危险货物运输车',
              category: 'HAZARDOUS_GOODS',
              approvedLoadKg: 30000,
              hazardClasses: ['3', '8'],
            };
      await query(
        token,
        `mutation ($input: RegisterVehicleInput!) { registerVehicle(input: $input) { vehicle { plateNumber } } }`,
        {
          input: {
            plateNumber,
            ownerCreditCode: creditCode,
            transportCertificateNumber: `苏交运管${randomInt(1e9)}`,
            regionCode,
            ...cargo,
          },
        },
      );
      return plateNumber;
    },
    /**
     * Makes the enterprise a hazardous-goods carrier (a permit for classes 3 and 8, approved by `token`'s
     * reviewer role) with one certified vehicle, and waits until safety has heard of both: a waybill of
     * petrol on that vehicle then passes every check. Returns the plate.
     */
    async hazardousGoodsCarrier(): Promise<string> {
      const plateNumber = await self.vehicle('hazardous-goods');
      await self.withPermits(1, 'HAZARDOUS_GOODS_TRANSPORT');
      await eventually(async () => {
        const checked = await query<{ checkWaybill: { passed: boolean; failures: Array<{ code: string }> } }>(
          token,
          `query ($input: CreateWaybillInput!) { checkWaybill(input: $input) { passed failures { code } } }`,
          { input: petrolWaybill(creditCode, plateNumber, regionCode) },
        );
        if (!checked.checkWaybill.passed) throw new Error(`safety has not heard yet: ${JSON.stringify(checked)}`);
      });
      return plateNumber;
    },
    /** Submits with every required material, accepts and approves `count` applications: `count` permits issued. */
    async withPermits(
      count: number,
      kind: 'ROAD_FREIGHT_TRANSPORT' | 'HAZARDOUS_GOODS_TRANSPORT' = 'ROAD_FREIGHT_TRANSPORT',
    ): Promise<string[]> {
      const application =
        kind === 'ROAD_FREIGHT_TRANSPORT'
          ? { kind, scope: '普通货运' }
          : { kind, scope: '危险货物运输(3类、8类)', hazardClasses: ['3', '8'] };
      const numbers: string[] = [];
      for (let index = 0; index < count; index += 1) {
        const submitted = await query<{ submitPermitApplication: { application: { applicationNumber: string } } }>(
          token,
          `mutation ($input: SubmitPermitApplicationInput!) { submitPermitApplication(input: $input) { application { applicationNumber } } }`,
          { input: { creditCode, ...application, regionCode } },
        );
        const applicationNumber = submitted.submitPermitApplication.application.applicationNumber;
        await attachRequiredMaterials(token, applicationNumber, kind);
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
    /** Waybills of petrol on the plate: the enterprise must be a `hazardousGoodsCarrier()`. */
    async withWaybills(count: number, plateNumber: string): Promise<string[]> {
      const numbers: string[] = [];
      for (let index = 0; index < count; index += 1) {
        const created = await query<{ createWaybill: { waybill: { waybillNumber: string } } }>(
          token,
          `mutation ($input: CreateWaybillInput!) { createWaybill(input: $input) { waybill { waybillNumber } } }`,
          { input: petrolWaybill(creditCode, plateNumber, regionCode) },
        );
        numbers.push(created.createWaybill.waybill.waybillNumber);
      }
      return numbers;
    },
  };
  return self;
}
